using System.Text.Json;
using CreatioIdentity.Checks;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Steps;
using CreatioIdentity.Tests.Sandbox;

namespace CreatioIdentity.Tests.Integration;

/// <summary>Each step on its own, as its Cake task runs it, against the sandbox.</summary>
public sealed class StepTests
{
    private static CheckResult Check(RunResult run, string id) => Assert.Single(run.Report!.Checks, check => check.Id == id);

    private static string WithSettings(string settings) =>
        File.ReadAllText(Path.Combine(EngineRun.RepositoryRoot, "examples", "sandbox.yml")) + settings;

    public sealed class TheStepsOneByOne
    {
        [Theory]
        [InlineData(SandboxRuntime.Net)]
        [InlineData(SandboxRuntime.NetFramework)]
        public async Task Should_Each_Pass_In_Order_On_Both_Runtimes(SandboxRuntime runtime)
        {
            // Given
            await using var world = await EngineRun.StartAsync(new SandboxOptions { Runtime = runtime });

            // When
            var runs = await world.RunConnectIdentityAsStepsAsync();

            // Then
            Assert.Equal(7, runs.Count); // the six steps and OAuthApps, the last process
            Assert.All(runs, run => Assert.Equal(0, run.ExitCode));
            Assert.Equal(StepStatus.Changed, runs[2].Report!.Steps.Single(step => step.Name == "EnableFeature").Status);
            Assert.Equal(StepStatus.Changed, runs[3].Report!.Steps.Single(step => step.Name == "ApplySettings").Status);
            Assert.Equal(StepStatus.Unchanged, runs[4].Report!.Steps.Single(step => step.Name == "TestConnection").Status);
            Assert.Equal(StepStatus.Changed, runs[5].Report!.Steps.Single(step => step.Name == "Diagnose").Status);
            // runtime: auto asks the anonymous ping under /0 once per run, then every later process remembers the prefix.
            var requests = world.Sandbox.Creatio.Requests;
            Assert.Equal("/0/api/HealthCheck/Ping", Assert.Single(requests, request => request.Path.EndsWith("HealthCheck/Ping", StringComparison.Ordinal)).Path);
            if (runtime == SandboxRuntime.NetFramework)
            {
                Assert.All(requests.Where(request => !request.Path.Contains("AuthService", StringComparison.Ordinal) && !request.Path.EndsWith("HealthCheck/Ping", StringComparison.Ordinal)),
                    request => Assert.StartsWith("/0/", request.Path, StringComparison.Ordinal));
            }
        }
    }

    public sealed class TheEnableFeatureStep
    {
        [Fact]
        public async Task Should_Clear_A_Stale_Feature_Cache_Without_Writing_The_Feature_Again()
        {
            // Given: stored on for all users (default and the package's row), but the running application still serves it off
            await using var world = await EngineRun.StartAsync();
            using (var administrator = await CreatioTestClient.LoggedInAsync(world.Sandbox))
            {
                // Another administrator turns it on through DataService and does not clear the cache.
                (await administrator.PostAsync(CreatioBodies.UpdateQueryPath, CreatioBodies.Update("AppFeature", "State", CreatioBodies.BooleanType, true,
                    CreatioBodies.And(CreatioBodies.Equal("Code", CreatioBodies.TextType, "OAuth20Integration"))))).EnsureSuccessStatusCode();
                (await administrator.PostAsync(CreatioBodies.UpdateQueryPath, CreatioBodies.Update("AdminUnitFeatureState", "FeatureState", CreatioBodies.IntegerType, 1,
                    CreatioBodies.And(CreatioBodies.Equal("Feature.Code", CreatioBodies.TextType, "OAuth20Integration"))))).EnsureSuccessStatusCode();
            }

            world.Sandbox.Creatio.ClearRecord();

            // When
            var run = await world.RunAsync("enable-feature");

            // Then
            Assert.Equal(0, run.ExitCode);
            var write = Assert.Single(world.Sandbox.Creatio.Writes);
            Assert.Contains("ClearFeaturesCacheForAllUsers", write.Path, StringComparison.Ordinal);
            Assert.Equal(CheckStatus.Pass, Check(run, CheckIds.FeatureEnabled).Status);
            Assert.Equal(("feature cache", "stale", "cleared"), run.Report!.Steps.Single().Changes.Select(change => (change.Item, change.From, change.To)).Single());
        }

        [Fact]
        public async Task Should_Skip_Without_A_Request_When_Features_Is_Empty()
        {
            // Given
            await using var world = await EngineRun.StartAsync();
            var config = world.WriteConfig(yaml => yaml.SetMapping("features", "{}"));

            // When
            var run = await world.RunAsync("enable-feature", config);

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(CheckStatus.Skip, Check(run, CheckIds.FeatureEnabled).Status);
            Assert.Empty(world.Sandbox.Creatio.Requests);
        }

        [Fact]
        public async Task Should_Name_A_Feature_Creatio_Does_Not_Have()
        {
            // Given
            await using var world = await EngineRun.StartAsync();
            var config = world.WriteConfig(yaml => yaml.Rename("features.OAuth20Integration", "OAuth20Integraton"));

            // When
            var run = await world.RunAsync("enable-feature", config);

            // Then
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("Creatio has no feature 'OAuth20Integraton'", Check(run, CheckIds.FeatureEnabled).Message, StringComparison.Ordinal);
            Assert.Empty(world.Sandbox.Creatio.Writes);
        }
    }

    public sealed class TheApplySettingsStep
    {
        [Fact]
        public async Task Should_Write_Only_The_Setting_That_Differs_And_Keep_The_Working_Secret()
        {
            // Given: connected, then one extra setting is asked for
            await using var world = await EngineRun.StartAsync();
            Assert.Equal(0, (await world.RunAsync("connect")).ExitCode);
            world.Sandbox.Creatio.ClearRecord();
            var config = world.WriteConfig(WithSettings("settings:\n  MaxFileSize: 25\n"));

            // When
            var run = await world.RunAsync("apply-settings", config);

            // Then
            Assert.Equal(0, run.ExitCode);
            var write = Assert.Single(world.Sandbox.Creatio.Writes);
            using var body = JsonDocument.Parse(write.Body!);
            var values = body.RootElement.GetProperty("sysSettingsValues");
            Assert.Equal(["MaxFileSize"], values.EnumerateObject().Select(property => property.Name));
            Assert.Equal("25", world.Sandbox.Creatio.GetSetting("MaxFileSize"));
            var change = Assert.Single(run.Report!.Steps.Single().Changes);
            Assert.Equal(("MaxFileSize", "10", "25"), (change.Item, change.From, change.To));
        }

        [Fact]
        public async Task Should_Write_A_Secret_Setting_Without_Showing_It_And_Not_Again_Once_It_Reads_Back()
        {
            // Given: a text setting declared secret, its value from the environment
            await using var world = await EngineRun.StartAsync();
            Assert.Equal(0, (await world.RunAsync("connect")).ExitCode);
            const string Value = "https://hooks.example.com/s3cr3t-t0ken-4711";
            world.Environment["SITE_HOOK"] = Value;
            var config = world.WriteConfig(WithSettings("settings:\n  SiteUrl: { value: \"${SITE_HOOK}\", secret: true }\n"));
            world.Sandbox.Creatio.ClearRecord();

            // When
            var first = await world.RunAsync("apply-settings", config);
            var writes = world.Sandbox.Creatio.Writes.Count;
            var second = await world.RunAsync("apply-settings", config);

            // Then: written once, shown nowhere
            Assert.Equal(0, first.ExitCode);
            Assert.Equal(Value, world.Sandbox.Creatio.GetSetting("SiteUrl"));
            var change = Assert.Single(first.Report!.Steps.Single().Changes);
            Assert.Equal(("SiteUrl", "***"), (change.Item, change.To));
            Assert.Equal(1, writes);
            Assert.Equal(0, second.ExitCode);
            Assert.Single(world.Sandbox.Creatio.Writes);
            foreach (var run in new[] { first, second })
            {
                Assert.DoesNotContain("s3cr3t-t0ken", run.Output, StringComparison.Ordinal);
                Assert.All(run.ReportFiles.Values, file => Assert.DoesNotContain("s3cr3t-t0ken", file, StringComparison.Ordinal));
            }
        }

        [Fact]
        public async Task Should_Rewrite_The_Secret_When_Creatio_Cannot_Get_A_Token_With_The_Stored_One()
        {
            // Given: connected, then someone stored a wrong secret in Creatio
            await using var world = await EngineRun.StartAsync();
            Assert.Equal(0, (await world.RunAsync("connect")).ExitCode);
            world.Sandbox.Creatio.SetSetting(OAuthSettingCodes.ClientSecret, "stale-secret");
            world.Sandbox.Creatio.ClearRecord();

            // When
            var run = await world.RunAsync("apply-settings");

            // Then
            Assert.Equal(0, run.ExitCode);
            var write = Assert.Single(world.Sandbox.Creatio.Writes);
            Assert.Contains(OAuthSettingCodes.ClientSecret, write.Body, StringComparison.Ordinal);
            Assert.Equal(world.Sandbox.Options.ClientSecret, world.Sandbox.Creatio.GetSetting(OAuthSettingCodes.ClientSecret));
            Assert.Contains("cannot get a token with the stored secret", Check(run, CheckIds.SettingsApplied).Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Report_A_Setting_Creatio_Refused_By_Its_SaveResult()
        {
            // Given: a code this Creatio does not have
            await using var world = await EngineRun.StartAsync();
            var config = world.WriteConfig(WithSettings("settings:\n  NoSuchSetting: x\n"));

            // When
            var run = await world.RunAsync("apply-settings", config);

            // Then
            Assert.Equal(1, run.ExitCode);
            var check = Check(run, CheckIds.SettingsApplied);
            Assert.Contains("refused to save NoSuchSetting (saveResult false)", check.Message, StringComparison.Ordinal);
            Assert.Contains("saved: OAuth20IdentityServerUrl", check.Message, StringComparison.Ordinal);
            Assert.Single(world.Sandbox.Creatio.Writes);
            Assert.DoesNotContain(run.Report!.Steps.Single().Changes, change => change.Item == "NoSuchSetting");
        }
    }

    public sealed class TheTestConnectionStep
    {
        [Fact]
        public async Task Should_Wait_For_A_Creatio_That_Takes_Time_To_Settle_And_Show_Progress()
        {
            // Given: the health check keeps computing from the old values for a while after a write
            await using var world = await EngineRun.StartAsync(new SandboxOptions { HealthSettleDelay = TimeSpan.FromSeconds(1.5) });
            world.Environment[StepTuning.SettleVariable] = "20";
            Assert.Equal(0, (await world.RunAsync("enable-feature")).ExitCode);
            Assert.Equal(0, (await world.RunAsync("apply-settings")).ExitCode);

            // When
            var run = await world.RunAsync("test-connection");

            // Then
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Waiting for Creatio's health check to settle (attempt 2", run.Output, StringComparison.Ordinal);
            Assert.Equal(CheckStatus.Pass, Check(run, CheckIds.AccessTokenRetrievable).Status);
        }

        [Fact]
        public async Task Should_Point_At_UseSeparateSettingsForOAuth20_When_Creatio_Reads_The_Other_Settings()
        {
            // Given
            await using var world = await EngineRun.StartAsync(new SandboxOptions { UseSeparateSettingsForOAuth20 = false });
            Assert.Equal(0, (await world.RunAsync("enable-feature")).ExitCode);
            Assert.Equal(0, (await world.RunAsync("apply-settings")).ExitCode);

            // When
            var run = await world.RunAsync("test-connection");

            // Then
            Assert.Equal(1, run.ExitCode);
            var check = Check(run, CheckIds.SystemSettingsFilledIn);
            Assert.Equal(CheckStatus.Fail, check.Status);
            Assert.Contains("Feature-UseSeparateSettingsForOAuth20", check.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("features:", check.Message, StringComparison.Ordinal);
        }
    }

    public sealed class TheDiagnoseStep
    {
        [Fact]
        public async Task Should_Name_The_Host_Configuration_Key_When_OAuth_Is_Off_In_The_Host()
        {
            // Given: Feature-EnableOAuth20Integration off in the host's configuration file (/0/Flags lists it from web.config)
            await using var world = await EngineRun.StartAsync(new SandboxOptions { HostOAuthEnabled = false });

            // When
            var run = await world.RunAsync("connect");

            // Then: every red health check says so first, and the run never tried to write the switch
            Assert.Equal(1, run.ExitCode);
            var red = run.Report!.Checks.Where(check => check.Status == CheckStatus.Fail).ToList();
            Assert.NotEmpty(red);
            Assert.All(red, check =>
            {
                Assert.Contains("Feature-EnableOAuth20Integration", check.Message, StringComparison.Ordinal);
                Assert.Contains("restart Creatio", check.Message, StringComparison.Ordinal);
            });
            Assert.DoesNotContain(world.Sandbox.Creatio.Writes, request => request.Body?.Contains("EnableOAuth20Integration", StringComparison.Ordinal) == true);
        }

        [Fact]
        public async Task Should_Not_Register_The_Default_Resource_While_The_Connection_Is_Red()
        {
            // Given
            await using var world = await EngineRun.StartAsync(new SandboxOptions { CreatioCanReachIdentityService = false });
            Assert.Equal(0, (await world.RunAsync("enable-feature")).ExitCode);
            Assert.Equal(0, (await world.RunAsync("apply-settings")).ExitCode);

            // When
            var run = await world.RunAsync("diagnose");

            // Then
            Assert.Equal(1, run.ExitCode);
            Assert.DoesNotContain(world.Sandbox.Creatio.Writes, request => request.Path.EndsWith("AddDefaultResource", StringComparison.Ordinal));
            Assert.Equal(CheckStatus.Fail, Check(run, CheckIds.DefaultResourceRegistered).Status);
        }
    }
}
