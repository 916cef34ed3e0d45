using CreatioIdentity.Checks;
using CreatioIdentity.OAuthApps;
using CreatioIdentity.Sandbox.Creatio.OAuthApps;
using static CreatioIdentity.Tests.OAuthApps.OAuthAppsWorld;

namespace CreatioIdentity.Tests.OAuthApps;

/// <summary>
/// Bad input for oauthApps: (issue 12): red or exit 3, the YAML line, Creatio's refusal by its errorCode, and
/// nothing half-created.
/// </summary>
public sealed class OAuthAppsBadInputTests
{
    private static CheckResult AppCheckOf(Integration.RunResult run, string name) => Assert.Single(run.Report!.Checks, check => check.Id == AppCheck.Id(name));

    [Theory]
    [InlineData("NoSuchUser", "has no user 'NoSuchUser'")]
    [InlineData(IntegrationUsers.IntegrationsRole, "is a role in Creatio, not a user")]
    public async Task Should_Be_Red_And_Create_Nothing_For_A_User_Creatio_Does_Not_Have(string user, string said)
    {
        // Given
        await using var world = await StartConnectedAsync();
        var yaml = ErpSync().Replace(IntegrationUsers.ErpIntegration, user, StringComparison.Ordinal) + """
              dwh:
                applicationUrl: https://dwh.example.com
                systemUser: ErpIntegration
                credentials: { file: secrets/dwh.json }

            """;
        world.Sandbox.Creatio.ClearRecord();

        // When
        var run = await world.RunAsync("oauth-apps", WithApps(world, yaml));

        // Then
        Assert.Equal(1, run.ExitCode);
        var check = AppCheckOf(run, "erp-sync");
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains(said, check.Message, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Skip, AppCheckOf(run, "dwh").Status);
        Assert.Empty(world.Sandbox.Creatio.Writes);
        Assert.Empty(world.Sandbox.Creatio.OAuthClientApps.All());
    }

    [Fact]
    public async Task Should_Report_A_Name_Creatio_Refuses_By_Its_Error_Code()
    {
        // Given
        await using var world = await StartConnectedAsync();
        world.Sandbox.Creatio.RefusedAppNames.Add("erp-sync");

        // When
        var run = await world.RunAsync("oauth-apps", WithApps(world, ErpSync()));

        // Then
        Assert.Equal(1, run.ExitCode);
        var check = AppCheckOf(run, "erp-sync");
        Assert.Contains("Creatio refused to create app 'erp-sync': DbOperationException", check.Message, StringComparison.Ordinal);
        Assert.Empty(world.Sandbox.Creatio.OAuthClientApps.All());
        Assert.False(File.Exists(Path.Combine(world.Directory, "secrets", "erp-sync.json")));
        Assert.Contains(Assert.Single(run.Report!.Steps, step => step.Name == "OAuthApps").NotApplied, item => item.Item == "oauthApps.erp-sync" && item.State == WriteState.Refused);
    }

    [Fact]
    public async Task Should_Say_That_A_Technical_User_Needs_Creatio_8_2()
    {
        // Given
        await using var world = await StartConnectedAsync(new CreatioIdentity.Sandbox.SandboxOptions { TechnicalUsersAvailable = false });
        const string App = "  dwh:\n    applicationUrl: https://dwh.example.com\n    technicalUser: true\n    credentials: { file: secrets/dwh.json }\n";

        // When
        var run = await world.RunAsync("oauth-apps", WithApps(world, App));

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("from Creatio 8.2", AppCheckOf(run, "dwh").Message, StringComparison.Ordinal);
        Assert.Empty(world.Sandbox.Creatio.OAuthClientApps.All());
    }

    [Fact]
    public async Task Should_Never_Touch_A_Hand_Made_App_Of_The_Same_Name()
    {
        // Given
        await using var world = await StartConnectedAsync();
        world.Sandbox.Creatio.OAuthClientApps.Add(new OAuthClientAppRow(Guid.NewGuid(), "erp-sync", "HANDMADE", "https://old.example.com", null, "made by hand", true, IntegrationUsers.ErpIntegrationId));
        world.Sandbox.Creatio.ClearRecord();

        // When
        var run = await world.RunAsync("oauth-apps", WithApps(world, ErpSync()));

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("did not create", AppCheckOf(run, "erp-sync").Message, StringComparison.Ordinal);
        Assert.Empty(world.Sandbox.Creatio.Writes);
    }

    [Fact]
    public async Task Should_Report_Creatios_Refusal_By_Its_Error_Code_Without_The_Default_Resource()
    {
        // Given: a site where the default resource went missing after the app step looked for it
        await using var world = await StartConnectedAsync();
        world.Sandbox.Creatio.DefaultResourceRegistered = false;

        // When
        var run = await world.RunAsync("oauth-apps", WithApps(world, ErpSync()));

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no default OAuth resource", AppCheckOf(run, "erp-sync").Message, StringComparison.Ordinal);
        Assert.Empty(world.Sandbox.Creatio.OAuthClientApps.All());
    }

    [Fact]
    public async Task Should_Refuse_A_Credentials_File_Git_Could_Commit_With_Exit_3_Before_Any_Request()
    {
        // Given
        await using var world = await StartConnectedAsync();
        using (var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", ["init", "-q", world.Directory]))!)
        {
            git.WaitForExit();
        }

        world.Sandbox.Creatio.ClearRecord();

        // When
        var run = await world.RunAsync("connect", WithApps(world, ErpSync()));

        // Then
        Assert.Equal(3, run.ExitCode);
        // The message names two paths, so on a long temp path the console wraps it: read it as words.
        Assert.Contains("git does not ignore it", string.Join(' ', run.Output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Empty(world.Sandbox.Creatio.Requests);
    }
}
