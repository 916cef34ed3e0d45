using CreatioIdentity.Checks;
using CreatioIdentity.Sandbox;
using static CreatioIdentity.Tests.Integration.Variants.Variant;

namespace CreatioIdentity.Tests.Integration.Variants;

/// <summary>
/// EnableFeature and its FeatureEnabled check against the feature tables real 8.1 sites have: the
/// default state, override rows of roles and users, host switches listed beside the features, codes
/// in another letter case, and a web farm whose feature cache takes time to clear.
/// </summary>
public static class FeatureVariantTests
{
    private const string AllUsers = "feature OAuth20Integration (all users)";
    private const string SystemAdministrators = "feature OAuth20Integration (System administrators)";
    private const string Cache = "feature cache";

    public sealed class AFreshSite
    {
        [Fact]
        public async Task Should_Plan_And_Write_The_Default_And_The_Package_Row_And_Clear_The_Cache_Once()
        {
            // Given: OAuth20Integration off by default, and the OAuth20 package's "System administrators" row at 0
            await using var world = await EngineRun.StartAsync();
            var plan = await world.RunAsync("plan");

            // When
            var run = await world.RunAsync("enable-feature");

            // Then: plan announced exactly what the step then did
            Assert.Equal(2, plan.ExitCode);
            Assert.Equal([AllUsers, SystemAdministrators, Cache], FeatureChanges(plan));
            Assert.Equal(0, run.ExitCode);
            Assert.Equal([AllUsers, SystemAdministrators, Cache], FeatureChanges(run));

            // Then: two UpdateQuery bodies and one cache clear, nothing through FeatureService's shortcuts
            Assert.Equal([new UpdateBody("AppFeature", "State", "true"), new UpdateBody("AdminUnitFeatureState", "FeatureState", "1")], Updates(world));
            Assert.Equal(1, RequestsTo(world, "ClearFeaturesCacheForAllUsers"));
            ShouldNotUseFeatureServiceShortcuts(world);
            var check = Check(run, CheckIds.FeatureEnabled);
            Assert.Equal(CheckStatus.Pass, check.Status);
            Assert.Contains("OAuth20Integration on for all users", check.Message, StringComparison.Ordinal);
            Assert.True(world.Sandbox.Creatio.GetEffectiveFeatureState(Feature));

            // Then: a second EnableFeature has nothing to do
            world.Sandbox.Creatio.ClearRecord();
            var again = await world.RunAsync("enable-feature");
            Assert.Equal(0, again.ExitCode);
            Assert.Empty(world.Sandbox.Creatio.Writes);
            Assert.Equal(StepStatus.Unchanged, Step(again, "EnableFeature").Status);
        }
    }

    public sealed class ARoleAndAUserTurnedOff
    {
        [Fact]
        public async Task Should_Turn_On_Every_Override_Row_That_Says_Off_And_List_Each()
        {
            // Given: besides the package's row, "All employees" and the user Supervisor at 0
            await using var world = await EngineRun.StartAsync(new SandboxOptions
            {
                FeatureOverrides = [new(Feature, "All employees", 0), new(Feature, "Supervisor", 0)],
            });

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            string[] listed = [AllUsers, SystemAdministrators, "feature OAuth20Integration (All employees)", "feature OAuth20Integration (Supervisor)", Cache];
            Assert.Equal(listed.Order(StringComparer.Ordinal), FeatureChanges(run).Order(StringComparer.Ordinal));
            var updates = Updates(world);
            Assert.Equal(new UpdateBody("AppFeature", "State", "true"), updates[0]);
            Assert.Equal(Enumerable.Repeat(new UpdateBody("AdminUnitFeatureState", "FeatureState", "1"), 3), updates.Skip(1));
            Assert.All(world.Sandbox.Creatio.GetFeatureOverrides(Feature), row => Assert.Equal(1, row.State));
            Assert.Equal(1, RequestsTo(world, "ClearFeaturesCacheForAllUsers"));
            Assert.Equal(CheckStatus.Pass, Check(run, CheckIds.FeatureEnabled).Status);
            await ShouldStayConnectedAsync(world);
        }
    }

    public sealed class ASiteWithoutThePackageRow
    {
        [Fact]
        public async Task Should_Write_Only_The_Default()
        {
            // Given: the package's "System administrators" row was deleted
            await using var world = await EngineRun.StartAsync(new SandboxOptions { OAuthPackageOverrideRow = false });

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal([new UpdateBody("AppFeature", "State", "true")], Updates(world));
            Assert.Equal([AllUsers, Cache], FeatureChanges(run));
            Assert.Empty(world.Sandbox.Creatio.GetFeatureOverrides(Feature));
            await ShouldStayConnectedAsync(world);
        }
    }

    public sealed class ADefaultAlreadyOnButARoleRowOff
    {
        [Fact]
        public async Task Should_Plan_And_Write_Only_The_Row()
        {
            // Given: on for all users, but the package's "System administrators" row still at 0
            await using var world = await EngineRun.StartAsync();
            world.Sandbox.Creatio.SetFeatureState(Feature, true);

            // When
            var plan = await world.RunAsync("plan");
            var run = await world.RunAsync("connect");

            // Then
            Assert.Equal(2, plan.ExitCode);
            Assert.Equal([SystemAdministrators, Cache], FeatureChanges(plan));
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal([new UpdateBody("AdminUnitFeatureState", "FeatureState", "1")], Updates(world));
            Assert.Equal([SystemAdministrators, Cache], FeatureChanges(run));
            Assert.Equal(1, RequestsTo(world, "ClearFeaturesCacheForAllUsers"));
            await ShouldStayConnectedAsync(world);
        }
    }

    public sealed class AHostSwitchUnderFeatures
    {
        [Theory]
        [InlineData("EnableOAuth20Integration", "Feature-EnableOAuth20Integration")]
        [InlineData("UseSeparateSettingsForOAuth20", "Feature-UseSeparateSettingsForOAuth20")]
        public async Task Should_Name_The_Host_Key_And_Write_Nothing_At_All(string code, string hostKey)
        {
            // Given: the switch is listed on /0/Flags, but from the host's configuration, and it is off there
            await using var world = await EngineRun.StartAsync(new SandboxOptions { HostOAuthEnabled = false, UseSeparateSettingsForOAuth20 = false });
            var config = Config(world, features: $"{Feature}: true\n{code}: true");

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            Assert.Equal(1, run.ExitCode);
            var check = Check(run, CheckIds.FeatureEnabled);
            Assert.Equal(CheckStatus.Fail, check.Status);
            Assert.Equal("features." + code, check.ConfigPath);
            Assert.Contains(hostKey, check.Message, StringComparison.Ordinal);
            Assert.Contains("restart Creatio", check.Message, StringComparison.Ordinal);
            Assert.Contains("Nothing was written", check.Message, StringComparison.Ordinal);
            Assert.Empty(world.Sandbox.Creatio.Writes);
            Assert.Equal(0, RequestsTo(world, "UpdateQuery"));
            Assert.False(world.Sandbox.Creatio.GetFeatureState(Feature));
        }
    }

    public sealed class ACodeInAnotherLetterCase
    {
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task Should_Suggest_The_Code_As_Creatio_Writes_It_And_Write_Nothing(bool caseSensitiveStrings)
        {
            // Given: MS SQL's collation (false) or PostgreSQL's (true); a code the tool does not know
            await using var world = await EngineRun.StartAsync(new SandboxOptions { CaseSensitiveStrings = caseSensitiveStrings });
            var config = Config(world, features: "refreshaccesstokenunderlock: true");

            // When
            var run = await world.RunAsync("connect", config);

            // Then: codes are case-sensitive on either database (Configuration/FeatureCodes.cs says why)
            Assert.Equal(1, run.ExitCode);
            var check = Check(run, CheckIds.FeatureEnabled);
            Assert.Equal(CheckStatus.Fail, check.Status);
            Assert.Contains("Creatio has no feature 'refreshaccesstokenunderlock', but has 'RefreshAccessTokenUnderLock'", check.Message, StringComparison.Ordinal);
            Assert.Empty(world.Sandbox.Creatio.Writes);
        }

        [Fact]
        public async Task Should_Refuse_The_Oauth_Feature_In_Another_Letter_Case_Before_Any_Request()
        {
            // Given
            await using var world = await EngineRun.StartAsync(new SandboxOptions { CaseSensitiveStrings = false });
            var config = Config(world, features: "oauth20integration: true");

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            Assert.Equal(ExitCodes.InvalidConfiguration, run.ExitCode);
            Assert.Contains("features.oauth20integration: feature codes are case-sensitive (Creatio looks a feature up by its exact code); write 'OAuth20Integration'", Assert.Single(run.Report!.Steps).Error, StringComparison.Ordinal);
            Assert.Empty(world.Sandbox.Creatio.Requests);
        }
    }

    public sealed class AWebFarm
    {
        [Fact]
        public async Task Should_Wait_For_The_Cache_Clear_To_Reach_Every_Node_And_Show_It()
        {
            // Given: the clear takes 1.5 s over the message hub; the default window is 30 s
            await using var world = await EngineRun.StartAsync(new SandboxOptions { FeatureCacheDelay = TimeSpan.FromSeconds(1.5) });

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("Waiting for the feature cache to serve OAuth20Integration", run.Output, StringComparison.Ordinal);
            Assert.Equal(CheckStatus.Pass, Check(run, CheckIds.FeatureEnabled).Status);
            Assert.Equal(1, RequestsTo(world, "ClearFeaturesCacheForAllUsers"));
            await ShouldStayConnectedAsync(world);
        }

        [Fact]
        public async Task Should_Say_Raise_FeatureConfirmSeconds_When_The_Clear_Takes_Longer_Than_The_Window()
        {
            // Given: the clear takes 2 s, the configuration allows 1 s
            await using var world = await EngineRun.StartAsync(new SandboxOptions { FeatureCacheDelay = TimeSpan.FromSeconds(2) });
            var config = Config(world, creatio: "featureConfirmSeconds: 1");

            // When
            var run = await world.RunAsync("connect", config);

            // Then: stored, not yet in effect, and said so
            Assert.Equal(1, run.ExitCode);
            var check = Check(run, CheckIds.FeatureEnabled);
            Assert.Equal(CheckStatus.Fail, check.Status);
            Assert.Contains("raise creatio.featureConfirmSeconds", check.Message, StringComparison.Ordinal);
            Assert.Equal(1, RequestsTo(world, "ClearFeaturesCacheForAllUsers"));
            Assert.True(world.Sandbox.Creatio.GetFeatureState(Feature));

            // Then: once the farm has caught up, running again finds the feature in effect and rewrites nothing of it
            await Task.Delay(TimeSpan.FromSeconds(2));
            world.Sandbox.Creatio.ClearRecord();
            var again = await world.RunAsync("connect", config);
            Assert.True(again.ExitCode == 0, again.Output);
            Assert.Equal(StepStatus.Unchanged, Step(again, "EnableFeature").Status);
            Assert.Empty(Updates(world));
            Assert.Equal(0, RequestsTo(world, "ClearFeaturesCacheForAllUsers"));
        }
    }
}
