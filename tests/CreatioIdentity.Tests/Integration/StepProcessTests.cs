using CreatioIdentity.Checks;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// ConnectIdentity as Cake runs it: each step its own engine run, sharing one session and one
/// report. These are the request budgets of the issue: at most 14 requests on a fresh Creatio,
/// at most 8 and no write on a connected one, one login, settings in one request.
/// </summary>
public sealed class StepProcessTests
{
    private static string Describe(IEnumerable<CreatioIdentity.Sandbox.RecordedRequest> requests) =>
        string.Join(Environment.NewLine, requests.Select(request => $"{request.Method} {request.Path} {request.StatusCode}"));

    [Fact]
    public async Task Should_Connect_A_Fresh_Creatio_Within_16_Requests_And_One_Login()
    {
        // Given
        await using var world = await EngineRun.StartAsync();

        // When
        var runs = await world.RunConnectIdentityAsStepsAsync();

        // Then
        Assert.All(runs, run => Assert.Equal(0, run.ExitCode));
        var creatio = world.Sandbox.Creatio;
        Assert.Equal(1, creatio.LoginCount);
        Assert.True(creatio.Requests.Count <= 16, Describe(creatio.Requests));
        Assert.Single(creatio.Writes, request => request.Path.EndsWith("PostSysSettingsValues", StringComparison.Ordinal));

        var report = runs[^1].Report!;
        Assert.True(report.Ok);
        Assert.Equal("connect", report.Command);
        Assert.Equal(["Validate", "Preflight", "EnableFeature", "ApplySettings", "TestConnection", "Diagnose"], report.Steps.Select(step => step.Name));
        Assert.Equal(CheckIds.All, report.Checks.Select(check => check.Id));

        // Each step process says what it checked; only the last one shows the table, the verdict and the report.
        Assert.DoesNotContain(CheckIds.SettingsApplied, runs[1].Output, StringComparison.Ordinal);
        Assert.StartsWith("checked IdentityServiceDiscovery, ClientCredentialsToken, CreatioLogin (", runs[1].Output, StringComparison.Ordinal);
        Assert.All(runs.SkipLast(1), run => Assert.DoesNotContain("Creatio Identity Service:", run.Output, StringComparison.Ordinal));
        Assert.All(runs.SkipLast(1), run => Assert.DoesNotContain("Report:", run.Output, StringComparison.Ordinal));
        Assert.All(CheckIds.All, id => Assert.Contains(id, runs[^1].Output, StringComparison.Ordinal));
        Assert.Contains("Creatio Identity Service: connected", runs[^1].Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Check_A_Connected_Creatio_Within_9_Requests_Without_A_Write()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        await world.RunConnectIdentityAsStepsAsync();
        world.Sandbox.Creatio.ClearRecord();
        var loginsBefore = world.Sandbox.Creatio.LoginCount;

        // When
        var runs = await world.RunConnectIdentityAsStepsAsync();

        // Then
        Assert.All(runs, run => Assert.Equal(0, run.ExitCode));
        Assert.Empty(world.Sandbox.Creatio.Writes);
        Assert.True(world.Sandbox.Creatio.Requests.Count <= 9, Describe(world.Sandbox.Creatio.Requests));
        Assert.Equal(1, world.Sandbox.Creatio.LoginCount - loginsBefore);
    }

    [Fact]
    public async Task Should_Repeat_No_Read_Within_One_Process()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        await world.RunAsync("connect");
        world.Sandbox.Creatio.ClearRecord();

        // When
        await world.RunAsync("connect");

        // Then
        var repeated = world.Sandbox.Creatio.Requests
            .GroupBy(request => (request.Method, request.Path, request.Body))
            .Where(group => group.Count() > 1)
            .Select(group => group.Key.Path)
            .ToList();
        Assert.Empty(repeated);
    }

    [Fact]
    public async Task Should_Log_In_Once_More_And_Repeat_The_Request_When_The_Shared_Session_Has_Expired()
    {
        // Given: a step process left a session behind, and Creatio has since ended it
        await using var world = await EngineRun.StartAsync();
        world.ShareSessionAcrossCommands();
        Assert.Equal(0, (await world.RunAsync("preflight")).ExitCode);
        world.Sandbox.Creatio.ExpireSessions();
        world.Sandbox.Creatio.ClearRecord();

        // When
        var run = await world.RunAsync("enable-feature");

        // Then
        Assert.Equal(0, run.ExitCode);
        // (the anonymous Ping that finds the runtime comes first; it needs no session)
        var requests = world.Sandbox.Creatio.Requests.Where(request => !request.Path.EndsWith("HealthCheck/Ping", StringComparison.Ordinal)).ToList();
        Assert.Equal(302, requests[0].StatusCode); // DataService answers an expired session with a redirect to the login page
        Assert.EndsWith("AuthService.svc/Login", requests[1].Path, StringComparison.Ordinal);
        Assert.Equal(requests[0].Path, requests[2].Path);
        Assert.Equal(200, requests[2].StatusCode);
        Assert.Equal(1, world.Sandbox.Creatio.LoginCount);
    }
}
