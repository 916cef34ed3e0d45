using System.Text.Json;
using CreatioIdentity.Checks;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Steps;

namespace CreatioIdentity.Tests.Integration;

public sealed class ConnectTests
{
    private static CheckResult Check(RunResult run, string id) => Assert.Single(run.Report!.Checks, check => check.Id == id);

    [Theory]
    [InlineData(SandboxRuntime.Net)]
    [InlineData(SandboxRuntime.NetFramework)]
    public async Task Should_Connect_A_Fresh_Creatio_With_Every_Check_Green(SandboxRuntime runtime)
    {
        // Given
        await using var world = await EngineRun.StartAsync(new SandboxOptions { Runtime = runtime });

        // When
        var run = await world.RunAsync("connect");

        // Then: the exit code and the report
        Assert.Equal(0, run.ExitCode);
        Assert.True(run.Report!.Ok);
        Assert.Equal(CheckIds.All, run.Report.Checks.Select(check => check.Id));
        Assert.All(run.Report.Checks, check => Assert.Equal(CheckStatus.Pass, check.Status));
        Assert.Equal(["Validate", "Preflight", "EnableFeature", "ApplySettings", "TestConnection", "Diagnose"], run.Report.Steps.Select(step => step.Name));

        // Then: what Creatio received
        var creatio = world.Sandbox.Creatio;
        // The default state for all users, then the package's System administrators row at 0, both through DataService (clio set-feature).
        var updates = creatio.Writes.Where(request => request.Path.EndsWith("UpdateQuery", StringComparison.Ordinal)).Select(request => JsonDocument.Parse(request.Body!)).ToList();
        Assert.Equal(["AppFeature", "AdminUnitFeatureState"], updates.Select(update => update.RootElement.GetProperty("rootSchemaName").GetString()));
        Assert.True(updates[0].RootElement.GetProperty("columnValues").GetProperty("items").GetProperty("State").GetProperty("parameter").GetProperty("value").GetBoolean());
        Assert.Equal(1, updates[1].RootElement.GetProperty("columnValues").GetProperty("items").GetProperty("FeatureState").GetProperty("parameter").GetProperty("value").GetInt32());
        updates.ForEach(update => update.Dispose());
        Assert.Single(creatio.Writes, request => request.Path.Contains("ClearFeaturesCacheForAllUsers", StringComparison.Ordinal));
        Assert.DoesNotContain(creatio.Requests, request => request.Path.Contains("SetFeatureStateForAllUsers", StringComparison.Ordinal) || request.Path.Contains("GetFeaturesInfo", StringComparison.Ordinal));
        Assert.Empty(ConnectedState.Problems(world.Sandbox));

        var settings = Assert.Single(creatio.Writes, request => request.Path.EndsWith("PostSysSettingsValues", StringComparison.Ordinal));
        using (var body = JsonDocument.Parse(settings.Body!))
        {
            var values = body.RootElement.GetProperty("sysSettingsValues");
            Assert.Equal(world.Sandbox.IdentityServiceUrl.AbsoluteUri, values.GetProperty(OAuthSettingCodes.Url).GetString());
            Assert.Equal(world.Sandbox.Options.ClientId, values.GetProperty(OAuthSettingCodes.ClientId).GetString());
            Assert.Equal(world.Sandbox.Options.ClientSecret, values.GetProperty(OAuthSettingCodes.ClientSecret).GetString());
            Assert.False(body.RootElement.GetProperty("isPersonal").GetBoolean());
        }

        Assert.Single(creatio.Writes, request => request.Path.EndsWith("AddDefaultResource", StringComparison.Ordinal));
        Assert.True(creatio.GetFeatureState("OAuth20Integration"));
        Assert.True(creatio.DefaultResourceRegistered);
        Assert.Equal(world.Sandbox.Options.ClientSecret, creatio.GetSetting(OAuthSettingCodes.ClientSecret));

        var services = creatio.Requests.Where(request => !request.Path.Contains("AuthService.svc", StringComparison.Ordinal) && !request.Path.EndsWith("HealthCheck/Ping", StringComparison.Ordinal));
        Assert.All(services, request => Assert.StartsWith(runtime == SandboxRuntime.NetFramework ? "/0/" : "/", request.Path, StringComparison.Ordinal));
        if (runtime == SandboxRuntime.Net)
        {
            Assert.DoesNotContain(services, request => request.Path.StartsWith("/0/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Should_Write_Nothing_When_Run_Again_Against_A_Connected_Creatio()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        Assert.Equal(0, (await world.RunAsync("connect")).ExitCode);
        world.Sandbox.Creatio.ClearRecord();

        // When
        var again = await world.RunAsync("connect");

        // Then
        Assert.Equal(0, again.ExitCode);
        Assert.Empty(world.Sandbox.Creatio.Writes);
        Assert.All(again.Report!.Steps, step => Assert.Equal(StepStatus.Unchanged, step.Status));
        Assert.All(again.Report.Checks, check => Assert.Equal(CheckStatus.Pass, check.Status));
        Assert.Contains("the client secret unchanged", Check(again, CheckIds.SettingsApplied).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Write_Nothing_And_Stop_At_Preflight_When_The_Client_Secret_Is_Wrong()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        world.Environment["IDENTITY_CLIENT_SECRET"] = "not-the-secret";

        // When
        var run = await world.RunAsync("connect");

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Empty(world.Sandbox.Creatio.Writes);
        Assert.True(string.IsNullOrEmpty(world.Sandbox.Creatio.GetSetting(OAuthSettingCodes.ClientSecret)));
        Assert.Equal(CheckStatus.Fail, Check(run, CheckIds.ClientCredentialsToken).Status);
        Assert.Contains("invalid_client", Check(run, CheckIds.ClientCredentialsToken).Message, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Failed, run.Report!.Steps.Single(step => step.Name == "Preflight").Status);
        Assert.All(run.Report.Steps.SkipWhile(step => step.Name != "EnableFeature"), step => Assert.Equal(StepStatus.Skipped, step.Status));
    }

    [Fact]
    public async Task Should_Never_Write_A_Wrong_Client_Secret_Even_When_Apply_Settings_Runs_Alone()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        world.Environment["IDENTITY_CLIENT_ID"] = "another-client";

        // When
        var run = await world.RunAsync("apply-settings");

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Empty(world.Sandbox.Creatio.Writes);
        Assert.Contains("Nothing was written to Creatio", run.Report!.Steps.Single().Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Fail_Login_With_A_Bad_Creatio_Password_And_Write_Nothing()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        world.Environment["CREATIO_PASSWORD"] = "wrong-password";

        // When
        var run = await world.RunAsync("connect");

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Empty(world.Sandbox.Creatio.Writes);
        var login = Check(run, CheckIds.CreatioLogin);
        Assert.Equal(CheckStatus.Fail, login.Status);
        Assert.Contains("rejected the login of user 'Supervisor' (Code 1", login.Message, StringComparison.Ordinal);
        Assert.Contains("creatio.password", login.Message + run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit_3_And_Name_An_Unset_Variable_With_Its_Line()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        world.Environment.Remove("IDENTITY_CLIENT_SECRET");

        // When
        var run = await world.RunAsync("connect");

        // Then
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("IDENTITY_CLIENT_SECRET", run.Output, StringComparison.Ordinal);
        Assert.Contains("creatio-identity.yml:15:", run.Output, StringComparison.Ordinal);
        Assert.Empty(world.Sandbox.Creatio.Requests);
        Assert.False(run.Report!.Ok);
    }

    [Fact]
    public async Task Should_Blame_The_Network_From_Creatio_When_Only_The_Runner_Reaches_The_Identity_Service()
    {
        // Given
        await using var world = await EngineRun.StartAsync(new SandboxOptions { CreatioCanReachIdentityService = false });

        // When
        var run = await world.RunAsync("connect");

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(CheckStatus.Pass, Check(run, CheckIds.IdentityServiceDiscovery).Status);
        Assert.Equal(CheckStatus.Pass, Check(run, CheckIds.ClientCredentialsToken).Status);
        var availability = Check(run, CheckIds.IdentityServiceAvailable);
        Assert.Equal(CheckStatus.Fail, availability.Status);
        Assert.Contains("while the runner reached it", availability.Message, StringComparison.Ordinal);
        Assert.Contains("network between the Creatio host", availability.Message, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Failed, run.Report!.Steps.Single(step => step.Name == "TestConnection").Status);
    }

    [Fact]
    public async Task Should_Exit_1_And_Say_So_When_The_Report_Cannot_Be_Written()
    {
        // Given: --report-dir names a file
        await using var world = await EngineRun.StartAsync();
        var notADirectory = world.WriteConfig("not a directory");

        // When
        var run = await world.RunAsync("validate", reportDir: notADirectory);

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The report could not be written", run.Output, StringComparison.Ordinal);
        Assert.Contains("--report-dir", run.Output, StringComparison.Ordinal);
    }
}
