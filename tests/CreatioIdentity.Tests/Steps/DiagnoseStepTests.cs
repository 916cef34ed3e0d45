using System.Text.Json.Nodes;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Steps;
using CreatioIdentity.Tests.Creatio;

namespace CreatioIdentity.Tests.Steps;

/// <summary>The Diagnostic tab in-process: the health checks, the login, and the default OAuth resource it registers.</summary>
public sealed class DiagnoseStepTests
{
    private const string Resource = "default OAuth resource";
    private const string RegisteredRows = """{"rows":[{"Id":"0b1c0f3c-0000-0000-0000-000000000009","Name":"ApplicationAccess_1","IsDefault":true}],"success":true}""";
    private const string NoRows = """{"rows":[],"success":true}""";

    /// <summary>A Creatio with a health answer, a default resource or none, and an answer to AddDefaultResource.</summary>
    private sealed class Site
    {
        public Site(StepWorld world, string health, bool registered, string? added = null, bool addReadsBack = true, string switches = NoRows)
        {
            Registered = registered;
            world.Creatio
                .Answer("/api/OAuthHealthCheck", _ => CreatioFixture.Json(health))
                .Answer("/DataService/json/SyncReply/SelectQuery", request =>
                    (string?)JsonNode.Parse(request.Content!.ReadAsStringAsync().Result)!["rootSchemaName"] == "OAuthResource"
                        ? CreatioFixture.Json(Registered ? RegisteredRows : NoRows)
                        : CreatioFixture.Json(switches))
                .Answer("/rest/OAuthConfigService/AddDefaultResource", _ =>
                {
                    Adds++;
                    Registered |= addReadsBack;
                    return CreatioFixture.Json(added ?? """{"AddDefaultResourceResult":{"success":true}}""");
                });
        }

        public bool Registered { get; private set; }

        public int Adds { get; private set; }
    }

    private static Task<StepResult> RunAsync(StepWorld world, Func<StepContext, StepContext>? mode = null)
    {
        var context = world.Context(StepWorld.Config(), StepTuning.Default with { StableRedWindow = TimeSpan.Zero });
        return new DiagnoseStep().RunAsync(mode is null ? context : mode(context), CancellationToken.None);
    }

    private static CheckResult Check(StepResult result, string id) => Assert.Single(result.Checks, check => check.Id == id);

    public sealed class AGreenConnection
    {
        [Fact]
        public async Task Should_Pass_Every_Check_And_Register_Nothing_When_The_Resource_Is_There()
        {
            // Given
            var world = new StepWorld();
            var site = new Site(world, StepWorld.Green, registered: true);

            // When
            var result = await RunAsync(world);

            // Then
            Assert.Equal(0, site.Adds);
            Assert.All(result.Checks, check => Assert.Equal(CheckStatus.Pass, check.Status));
            Assert.Equal(
                [CheckIds.IdentityServiceDiscovery, CheckIds.ClientCredentialsToken, CheckIds.CreatioLogin, CheckIds.SystemSettingsFilledIn, CheckIds.IdentityServiceAvailable, CheckIds.AccessTokenRetrievable, CheckIds.DefaultResourceRegistered],
                result.Checks.Select(check => check.Id));
            Assert.Equal("Creatio at http://creatio.test/ accepted the session of 'Supervisor'.", Check(result, CheckIds.CreatioLogin).Message);
            Assert.Equal(ConfigPaths.Creatio.Username, Check(result, CheckIds.CreatioLogin).ConfigPath);
            Assert.Equal("The default OAuth resource is registered (ApplicationAccess_1).", Check(result, CheckIds.DefaultResourceRegistered).Message);
            Assert.Equal(StepStatus.Unchanged, result.Status);
        }

        [Fact]
        public async Task Should_Register_A_Missing_Resource_And_Pass_Only_On_The_Row_It_Reads_Back()
        {
            // Given
            var world = new StepWorld();
            var site = new Site(world, StepWorld.Green, registered: false);

            // When
            var result = await RunAsync(world);

            // Then
            Assert.Equal(1, site.Adds);
            Assert.Equal([new Change(Resource, "not registered", "registered")], result.Changes);
            Assert.Equal(CheckStatus.Pass, Check(result, CheckIds.DefaultResourceRegistered).Status);
            Assert.Equal(StepStatus.Changed, result.Status);
        }

        [Fact]
        public async Task Should_Take_A_Resource_Someone_Else_Registered_In_Between_As_No_Change()
        {
            // Given
            var world = new StepWorld();
            _ = new Site(world, StepWorld.Green, registered: false, added: """{"AddDefaultResourceResult":{"success":false,"errorInfo":{"errorCode":"ItemAlreadyExistException","message":"exists"}}}""");

            // When
            var result = await RunAsync(world);

            // Then
            Assert.Empty(result.Changes);
            Assert.Empty(result.NotApplied);
            Assert.Equal(CheckStatus.Pass, Check(result, CheckIds.DefaultResourceRegistered).Status);
        }

        [Fact]
        public async Task Should_Fail_When_A_Successful_Registration_Cannot_Be_Read_Back()
        {
            // Given
            var world = new StepWorld();
            _ = new Site(world, StepWorld.Green, registered: false, addReadsBack: false);

            // When
            var result = await RunAsync(world);

            // Then
            Assert.Equal(
                "Creatio answered AddDefaultResource with success, but no default OAuthResource can be read back: look at Creatio's error log and the Diagnostic tab.",
                Check(result, CheckIds.DefaultResourceRegistered).Message);
            Assert.Equal([new NotApplied(Resource, "not registered", "registered", WriteState.Refused)], result.NotApplied);
        }

        [Fact]
        public async Task Should_Quote_The_Error_Code_And_Message_Of_A_Refusal()
        {
            // Given
            var world = new StepWorld();
            _ = new Site(world, StepWorld.Green, registered: false, addReadsBack: false,
                added: """{"AddDefaultResourceResult":{"success":false,"errorInfo":{"errorCode":"SecurityException","message":"Access denied"}}}""");

            // When
            var result = await RunAsync(world);

            // Then
            Assert.Equal(
                "Creatio refused to register the default OAuth resource (SecurityException: \"Access denied\"). Register it on the Diagnostic tab of \"OAuth 2.0 integrated applications\" and look at Creatio's error log.",
                Check(result, CheckIds.DefaultResourceRegistered).Message);
            Assert.Equal(WriteState.Refused, Assert.Single(result.NotApplied).State);
        }

        [Fact]
        public async Task Should_Name_The_Host_Key_When_Creatio_Refuses_Without_An_Error_Code()
        {
            // Given
            var world = new StepWorld();
            _ = new Site(world, StepWorld.Green, registered: false, addReadsBack: false,
                added: """{"AddDefaultResourceResult":{"success":false,"errorInfo":{"message":"OAuth 2.0 is disabled"}}}""");

            // When
            var result = await RunAsync(world);

            // Then
            Assert.Equal(
                $"Creatio refused to register the default OAuth resource without an error code: \"OAuth 2.0 is disabled\". Creatio 8.1 answers so only when OAuth 2.0 is off on the host: 'EnableOAuth20Integration' is not a database feature: {HostSwitches.Remedy(HostSwitches.EnableOAuth20Integration)}. The API cannot change it.",
                Check(result, CheckIds.DefaultResourceRegistered).Message);
        }

        [Fact]
        public async Task Should_Say_What_Is_Missing_When_Monitoring_Instead_Of_Registering_It()
        {
            // Given
            var world = new StepWorld();
            var site = new Site(world, StepWorld.Green, registered: false);

            // When
            var result = await RunAsync(world, context => context.WithReadOnly());

            // Then
            Assert.Equal(0, site.Adds);
            Assert.Equal(
                "No default OAuth resource is registered (no OAuthResource with IsDefault). Monitor only reads: run Diagnose (or ConnectIdentity) to register it, as the Diagnostic tab does.",
                Check(result, CheckIds.DefaultResourceRegistered).Message);
        }

        [Fact]
        public async Task Should_Plan_The_Registration_Without_Asking_The_Health_Check()
        {
            // Given
            var world = new StepWorld();
            var site = new Site(world, StepWorld.Green, registered: false);

            // When
            var result = await RunAsync(world, context => context.WithPlanOnly());

            // Then
            Assert.Equal([new Change(Resource, "not registered", "registered")], result.Changes);
            Assert.Empty(result.Checks);
            Assert.Equal(0, site.Adds);
            Assert.DoesNotContain(world.Creatio.Received, request => request.Path == "/api/OAuthHealthCheck");
        }
    }

    public sealed class ARedConnection
    {
        [Fact]
        public async Task Should_Not_Register_The_Resource_Until_The_Checks_Are_Green()
        {
            // Given
            var world = new StepWorld();
            var site = new Site(world, StepWorld.NoToken, registered: false);

            // When
            var result = await RunAsync(world);

            // Then
            Assert.Equal(0, site.Adds);
            Assert.Equal(
                "No default OAuth resource is registered. It is registered once the connection checks above are green: fix them and run again.",
                Check(result, CheckIds.DefaultResourceRegistered).Message);
            Assert.Equal(CheckStatus.Fail, Check(result, CheckIds.AccessTokenRetrievable).Status);
        }

        [Fact]
        public async Task Should_Put_The_Host_Switch_First_In_Every_Red_Check_When_Creatio_Lists_It_Off()
        {
            // Given: /0/Flags lists EnableOAuth20Integration from the host configuration, off
            var world = new StepWorld();
            _ = new Site(world, StepWorld.NoToken, registered: true,
                switches: """{"rows":[{"Id":"0b1c0f3c-0000-0000-0000-000000000001","Code":"EnableOAuth20Integration","State":false,"StateForCurrentUser":false,"Source":"ConfigurationFeatureProvider"}],"success":true}""");

            // When
            var result = await RunAsync(world);

            // Then
            Assert.StartsWith("OAuth 2.0 is off on this Creatio host: 'EnableOAuth20Integration' is not a database feature: ", Check(result, CheckIds.AccessTokenRetrievable).Message, StringComparison.Ordinal);
            Assert.Equal(CheckStatus.Pass, Check(result, CheckIds.SystemSettingsFilledIn).Status);
        }

        [Theory]
        [InlineData("\"State\":false,\"StateForCurrentUser\":false,\"Source\":\"DbFeatureProvider\"")]
        [InlineData("\"StateForCurrentUser\":false,\"Source\":\"ConfigurationFeatureProvider\"")]
        public async Task Should_Take_Only_A_Host_Switch_With_A_State_From_The_Host_Configuration(string row)
        {
            // Given: a database row of that code, or a host row without a state
            var world = new StepWorld();
            _ = new Site(world, StepWorld.NoToken, registered: true,
                switches: $$"""{"rows":[{"Id":"0b1c0f3c-0000-0000-0000-000000000001","Code":"EnableOAuth20Integration",{{row}}}],"success":true}""");

            // When
            var result = await RunAsync(world);

            // Then
            Assert.DoesNotContain("OAuth 2.0 is off on this Creatio host", Check(result, CheckIds.AccessTokenRetrievable).Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Keep_Its_Verdict_When_The_Host_Switches_Cannot_Be_Read()
        {
            // Given
            var world = new StepWorld();
            _ = new Site(world, StepWorld.NoToken, registered: true, switches: """{"success":false,"errorInfo":{"errorCode":"SecurityException"}}""");

            // When
            var result = await RunAsync(world);

            // Then
            Assert.Equal(CheckStatus.Fail, Check(result, CheckIds.AccessTokenRetrievable).Status);
            Assert.DoesNotContain("OAuth 2.0 is off on this Creatio host", Check(result, CheckIds.AccessTokenRetrievable).Message, StringComparison.Ordinal);
            Assert.Null(result.Error);
        }

        [Fact]
        public async Task Should_Fail_On_A_Problem_No_Flag_Explains_And_Register_Nothing()
        {
            // Given
            var world = new StepWorld();
            var site = new Site(world, """{"HasProblem":true,"IsSystemSettingsFilledIn":true,"IsIdentityServiceAvailable":true,"IsAccessTokenRetrievableForSystemActions":true,"Message":"Certificate expired"}""", registered: false);

            // When
            var result = await RunAsync(world);

            // Then
            Assert.Equal(0, site.Adds);
            Assert.Equal("Creatio's health check reports a problem (HasProblem) that none of its checks explains: Certificate expired", result.Error);
            Assert.Equal(ErrorCodes.CheckFailed, result.ErrorCode);
        }
    }
}
