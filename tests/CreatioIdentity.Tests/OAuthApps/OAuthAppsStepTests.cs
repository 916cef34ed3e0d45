using System.Net;
using CreatioIdentity.Checks;
using CreatioIdentity.OAuthApps;
using CreatioIdentity.Sandbox.Creatio.OAuthApps;
using static CreatioIdentity.Tests.OAuthApps.OAuthAppsWorld;

namespace CreatioIdentity.Tests.OAuthApps;

/// <summary>
/// OAuth 2.0 integrated applications as code (issue 12), against the sandbox: what Creatio received, what the
/// report and the credentials file say, and the exit code.
/// </summary>
public sealed class OAuthAppsStepTests
{
    private static CheckResult AppCheckOf(Integration.RunResult run, string name) => Assert.Single(run.Report!.Checks, check => check.Id == AppCheck.Id(name));

    public sealed class ACreation
    {
        [Fact]
        public async Task Should_Create_The_App_Deliver_Its_Credentials_And_Prove_Them_With_A_Bearer_Read()
        {
            // Given
            await using var world = await StartConnectedAsync();
            var config = WithApps(world, ErpSync());
            world.Sandbox.Creatio.ClearRecord();

            // When
            var run = await world.RunAsync("oauth-apps", config);

            // Then: the exit code and the check
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(CheckStatus.Pass, AppCheckOf(run, "erp-sync").Status);
            Assert.Contains("accepted for a read", AppCheckOf(run, "erp-sync").Message, StringComparison.Ordinal);

            // Then: what Creatio received: one AddClient for the ErpIntegration user, then the marker
            var add = Body(Assert.Single(Calls(world, "OAuthConfigService/AddClient"))).GetProperty("addClientRequest");
            Assert.Equal("erp-sync", add.GetProperty("name").GetString());
            Assert.Equal("https://erp.example.com", add.GetProperty("applicationUrl").GetString());
            Assert.Equal(IntegrationUsers.ErpIntegrationId, add.GetProperty("systemUserId").GetGuid());
            var row = Assert.Single(world.Sandbox.Creatio.OAuthClientApps.All());
            Assert.Equal("ERP nightly sync " + ManagedMarker.Text, row.Description);
            Assert.True(row.IsActive);

            // Then: the file holds what Creatio issued, owner-only, and the token of that secret reads Creatio
            var path = Path.Combine(world.Directory, "secrets", "erp-sync.json");
            var (clientId, secret) = ReadCredentials(path);
            Assert.Equal(row.ClientId, clientId);
            Assert.Equal(world.Sandbox.Creatio.IssuedClientSecrets.Single(), secret);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            Assert.Contains(world.Sandbox.Creatio.Requests, request => request.Path.EndsWith("SelectQuery", StringComparison.Ordinal)
                && request.Header("Authorization") is { } bearer && bearer.StartsWith("Bearer ", StringComparison.Ordinal) && request.StatusCode == (int)HttpStatusCode.OK);
            Assert.DoesNotContain(secret, run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Write_Nothing_The_Second_Time_And_Prove_It_From_The_File()
        {
            // Given
            await using var world = await StartConnectedAsync();
            var config = WithApps(world, ErpSync());
            Assert.Equal(0, (await world.RunAsync("oauth-apps", config)).ExitCode);
            world.Sandbox.Creatio.ClearRecord();

            // When
            var run = await world.RunAsync("oauth-apps", config);

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Empty(world.Sandbox.Creatio.Writes);
            Assert.Equal(CheckStatus.Pass, AppCheckOf(run, "erp-sync").Status);
            Assert.Equal(StepStatus.Unchanged, Assert.Single(run.Report!.Steps, step => step.Name == "OAuthApps").Status);
            Assert.Single(world.Sandbox.Creatio.OAuthClientApps.All());
        }

        [Fact]
        public async Task Should_Be_Part_Of_Connect_After_Diagnose()
        {
            // Given
            await using var world = await Integration.EngineRun.StartAsync();
            var config = WithApps(world, ErpSync());

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(["Validate", "Preflight", "EnableFeature", "ApplySettings", "TestConnection", "Diagnose", "OAuthApps"], run.Report!.Steps.Select(step => step.Name));
            Assert.Equal([.. CheckIds.All, AppCheck.Id("erp-sync")], run.Report.Checks.Select(check => check.Id));
        }
    }

    public sealed class AnUpdate
    {
        [Fact]
        public async Task Should_Update_A_Changed_App_In_Place_And_Keep_Its_Credentials()
        {
            // Given
            await using var world = await StartConnectedAsync();
            Assert.Equal(0, (await world.RunAsync("oauth-apps", WithApps(world, ErpSync()))).ExitCode);
            var before = Assert.Single(world.Sandbox.Creatio.OAuthClientApps.All());
            world.Sandbox.Creatio.ClearRecord();

            // When
            var run = await world.RunAsync("oauth-apps", WithApps(world, ErpSync(url: "https://erp2.example.com", description: "ERP hourly sync")));

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            var update = Body(Assert.Single(Calls(world, "OAuthConfigService/UpdateClient"))).GetProperty("updateClientRequest");
            Assert.Equal(before.ClientId, update.GetProperty("clientId").GetString());
            Assert.Equal("https://erp2.example.com", update.GetProperty("applicationUrl").GetString());
            Assert.False(update.TryGetProperty("isActive", out _));
            Assert.Empty(Calls(world, "OAuthConfigService/AddClient"));
            var after = Assert.Single(world.Sandbox.Creatio.OAuthClientApps.All());
            Assert.Equal(("https://erp2.example.com", "ERP hourly sync " + ManagedMarker.Text, before.ClientId), (after.ApplicationUrl, after.Description, after.ClientId));
            var changes = Assert.Single(run.Report!.Steps, step => step.Name == "OAuthApps").Changes;
            Assert.Contains(changes, change => change.Item == "oauthApps.erp-sync.applicationUrl" && change.From == "https://erp.example.com" && change.To == "https://erp2.example.com");
            Assert.Equal(CheckStatus.Pass, AppCheckOf(run, "erp-sync").Status);
        }

        [Fact]
        public async Task Should_Deactivate_An_App_Whose_Token_Creatio_Then_Refuses()
        {
            // Given
            await using var world = await StartConnectedAsync();
            Assert.Equal(0, (await world.RunAsync("oauth-apps", WithApps(world, ErpSync()))).ExitCode);
            world.Sandbox.Creatio.ClearRecord();

            // When
            var run = await world.RunAsync("oauth-apps", WithApps(world, ErpSync(extra: "    active: false\n")));

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            var update = Body(Assert.Single(Calls(world, "OAuthConfigService/UpdateClient"))).GetProperty("updateClientRequest");
            Assert.False(update.GetProperty("isActive").GetBoolean());
            Assert.False(Assert.Single(world.Sandbox.Creatio.OAuthClientApps.All()).IsActive);
        }
    }

    public sealed class ThePlan
    {
        [Fact]
        public async Task Should_List_The_Creation_Without_A_Secret_And_Write_Nothing()
        {
            // Given
            await using var world = await StartConnectedAsync();
            world.Sandbox.Creatio.ClearRecord();

            // When
            var run = await world.RunAsync("plan", WithApps(world, ErpSync()));

            // Then
            Assert.Equal(2, run.ExitCode);
            Assert.Contains(Assert.Single(run.Report!.Steps, step => step.Name == "Plan").Changes, change => change.Item == "oauthApps.erp-sync" && change.To == "created");
            Assert.Empty(world.Sandbox.Creatio.Writes);
            Assert.False(File.Exists(Path.Combine(world.Directory, "secrets", "erp-sync.json")));
        }
    }

    public sealed class TheMonitor
    {
        [Fact]
        public async Task Should_Turn_Red_When_The_App_Was_Deactivated_In_Creatio_And_Write_Nothing()
        {
            // Given
            await using var world = await StartConnectedAsync();
            var config = WithApps(world, ErpSync());
            Assert.Equal(0, (await world.RunAsync("oauth-apps", config)).ExitCode);
            Assert.Equal(CheckStatus.Pass, AppCheckOf(await world.RunAsync("monitor", config), "erp-sync").Status);
            var row = Assert.Single(world.Sandbox.Creatio.OAuthClientApps.All());
            world.Sandbox.Creatio.OAuthClientApps.Replace(row with { IsActive = false });
            world.Sandbox.Creatio.ClearRecord();

            // When
            var run = await world.RunAsync("monitor", config);

            // Then
            Assert.Equal(1, run.ExitCode);
            Assert.Equal(CheckStatus.Fail, AppCheckOf(run, "erp-sync").Status);
            Assert.Empty(world.Sandbox.Creatio.Writes);
        }
    }

    public sealed class Pruning
    {
        [Fact]
        public async Task Should_Warn_Of_A_Managed_App_The_File_No_Longer_Declares_And_Delete_It_Only_With_Prune()
        {
            // Given
            await using var world = await StartConnectedAsync();
            Assert.Equal(0, (await world.RunAsync("oauth-apps", WithApps(world, ErpSync()))).ExitCode);
            world.Sandbox.Creatio.OAuthClientApps.Add(new OAuthClientAppRow(Guid.NewGuid(), "hand-made", "HANDMADE", "https://h.example.com", null, null, true, IntegrationUsers.ErpIntegrationId));
            var dwh = """
                  dwh:
                    applicationUrl: https://dwh.example.com
                    systemUser: ErpIntegration
                    credentials: { file: secrets/dwh.json }

                """;

            // When
            var warned = await world.RunAsync("oauth-apps", WithApps(world, dwh));
            var pruned = await world.RunAsync("oauth-apps", WithApps(world, "  prune: true\n" + dwh));

            // Then
            Assert.Equal(0, warned.ExitCode);
            Assert.Contains(warned.Report!.Warnings, warning => warning.Message.Contains("'erp-sync'", StringComparison.Ordinal) && warning.Message.Contains("prune: true", StringComparison.Ordinal));
            Assert.True(pruned.ExitCode == 0, pruned.Output);
            Assert.Single(Calls(world, "OAuthConfigService/DeleteClient"));
            Assert.Equal(["hand-made", "dwh"], world.Sandbox.Creatio.OAuthClientApps.All().Select(app => app.Name));
        }
    }
}
