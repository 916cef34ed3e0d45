using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.IdentityService;
using CreatioIdentity.Steps;

namespace CreatioIdentity.Tests.Steps;

public sealed class DiagnosisTests
{
    private static readonly DiscoveryResult RunnerReached = new(true, new Uri("https://identity.example.com/connect/token"), "ok");
    private static readonly DiscoveryResult RunnerDidNotReach = new(false, null, "The runner could not reach it.");
    private static readonly TokenProbeResult RunnerGotToken = new(true, "ok");

    private static readonly IdentityConfig Config = new(
        1,
        new CreatioOptions(new Uri("https://creatio.example.com/"), CreatioRuntime.Net, "Supervisor", new Secret("p"), TimeSpan.FromSeconds(30), TlsOptions.Default)
        {
            HealthCheckTimeout = TimeSpan.FromSeconds(110),
        },
        new IdentityServiceOptions(new Uri("https://identity.example.com/"), "client", new Secret("s")),
        new Dictionary<string, bool>(),
        new Dictionary<string, string>(),
        new ConfigSource("creatio-identity.yml", new Dictionary<string, SourceLocation>()));

    private static HealthVerdict Evaluate(OAuthHealth health, DiscoveryResult? discovery = null, TokenProbeResult? token = null) =>
        Diagnosis.Evaluate(new HealthReading(health, null), Config, discovery ?? RunnerReached, token ?? RunnerGotToken);

    private static CheckResult Find(HealthVerdict verdict, string id) => Assert.Single(verdict.Checks, check => check.Id == id);

    public sealed class TheEvaluateMethod
    {
        [Fact]
        public void Should_Pass_Every_Check_When_Creatio_Reports_No_Problem()
        {
            // When
            var verdict = Evaluate(new OAuthHealth(false, true, true, true, null));

            // Then
            Assert.Equal(3, verdict.Checks.Count);
            Assert.All(verdict.Checks, check => Assert.Equal(CheckStatus.Pass, check.Status));
            Assert.Null(verdict.Unexplained);
        }

        [Fact]
        public void Should_Blame_The_Network_From_The_Creatio_Host_When_Only_The_Runner_Reached_The_Identity_Service()
        {
            // When
            var verdict = Evaluate(new OAuthHealth(true, true, false, false, "Connection refused"));

            // Then
            var availability = Find(verdict, CheckIds.IdentityServiceAvailable);
            Assert.Equal(CheckStatus.Fail, availability.Status);
            Assert.Contains("network between the Creatio host and identity.example.com", availability.Message, StringComparison.Ordinal);
            Assert.Contains("not the credentials", availability.Message, StringComparison.Ordinal);
            Assert.Contains("Connection refused", availability.Message, StringComparison.Ordinal);
            Assert.Contains("cannot reach", Find(verdict, CheckIds.AccessTokenRetrievable).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Not_Blame_The_Network_When_The_Settings_Are_Empty()
        {
            // Given: Creatio reports every flag false when its settings are empty (Academy, OAuth health monitoring)
            var health = new OAuthHealth(true, false, false, false, "System setting OAuth20IdentityServerUrl is empty.");

            // When
            var verdict = Evaluate(health);

            // Then
            Assert.Contains("settings are empty", Find(verdict, CheckIds.IdentityServiceAvailable).Message, StringComparison.Ordinal);
            Assert.DoesNotContain("network", Find(verdict, CheckIds.IdentityServiceAvailable).Message, StringComparison.Ordinal);
            Assert.Contains("settings are empty", Find(verdict, CheckIds.AccessTokenRetrievable).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Name_The_Host_Setting_Not_A_Feature_When_Settings_Read_Empty()
        {
            // When
            var message = Find(Evaluate(new OAuthHealth(true, false, false, false, null)), CheckIds.SystemSettingsFilledIn).Message;

            // Then
            Assert.Contains("Feature-UseSeparateSettingsForOAuth20", message, StringComparison.Ordinal);
            Assert.Contains("restart Creatio", message, StringComparison.Ordinal);
            Assert.DoesNotContain("under features:", message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Point_At_The_Stored_Secret_When_The_Runner_Gets_A_Token_And_Creatio_Does_Not()
        {
            // When
            var token = Find(Evaluate(new OAuthHealth(true, true, true, false, null)), CheckIds.AccessTokenRetrievable);

            // Then
            Assert.Equal(CheckStatus.Fail, token.Status);
            Assert.Contains("stored in Creatio differs", token.Message, StringComparison.Ordinal);
            Assert.Equal("identityService.clientSecret", token.ConfigPath);
        }

        [Fact]
        public void Should_Point_At_The_Identity_Service_Client_When_The_Runner_Is_Refused_Too()
        {
            // When
            var verdict = Evaluate(new OAuthHealth(true, true, true, false, null), token: new TokenProbeResult(false, "invalid_client"));

            // Then
            Assert.Contains("refuses client 'client' to the runner too", Find(verdict, CheckIds.AccessTokenRetrievable).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Never_Take_A_Missing_Flag_As_Green()
        {
            // When
            var verdict = Evaluate(new OAuthHealth(false, true, null, true, null));

            // Then
            Assert.Equal(CheckStatus.Fail, Find(verdict, CheckIds.IdentityServiceAvailable).Status);
        }

        [Fact]
        public void Should_Report_A_Problem_No_Flag_Explains_With_Creatios_Message()
        {
            // When
            var verdict = Evaluate(new OAuthHealth(true, true, true, true, "Scope of the default resource is not set"));

            // Then
            Assert.Contains("Scope of the default resource is not set", verdict.Unexplained, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Read_A_Health_Check_That_Ran_Out_Of_Time_As_Creatio_Waiting_On_The_Identity_Service()
        {
            // Given
            var timeout = new CreatioException(CreatioFailure.Timeout, "no answer");

            // When
            var verdict = Diagnosis.Evaluate(new HealthReading(null, timeout), Config, RunnerReached, RunnerGotToken);

            // Then
            var availability = Find(verdict, CheckIds.IdentityServiceAvailable);
            Assert.Equal(CheckStatus.Fail, availability.Status);
            Assert.Contains("within 110 s", availability.Message, StringComparison.Ordinal);
            Assert.Contains("network between the Creatio host", availability.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("site is up", availability.Message, StringComparison.Ordinal);
            Assert.Equal(ErrorCodes.Timeout, availability.ErrorCode);
            Assert.Equal(CheckStatus.Skip, Find(verdict, CheckIds.AccessTokenRetrievable).Status);
        }

        [Fact]
        public void Should_Say_Neither_Reached_It_When_The_Runner_Did_Not_Either()
        {
            // Given
            var timeout = new CreatioException(CreatioFailure.Timeout, "no answer");

            // When
            var verdict = Diagnosis.Evaluate(new HealthReading(null, timeout), Config, RunnerDidNotReach, null);

            // Then
            Assert.Contains("neither did the runner", Find(verdict, CheckIds.IdentityServiceAvailable).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Fail_Every_Health_Check_When_Creatio_Has_No_Health_Check()
        {
            // Given
            var missing = new CreatioException(CreatioFailure.NotFound, OAuthHealthClient.MissingRouteRemedy);

            // When
            var verdict = Diagnosis.Evaluate(new HealthReading(null, missing), Config, RunnerReached, RunnerGotToken);

            // Then
            Assert.All(verdict.Checks, check =>
            {
                Assert.Equal(CheckStatus.Fail, check.Status);
                Assert.Contains("8.3.2", check.Message, StringComparison.Ordinal);
            });
        }
    }

    public sealed class TheMessages
    {
        [Fact]
        public void Should_Say_What_Creatio_Has_When_Every_Check_Is_Green()
        {
            // When
            var verdict = Evaluate(new OAuthHealth(false, true, true, true, null));

            // Then
            Assert.Equal(
                [
                    "Creatio has the Identity Service URL, client id and client secret.",
                    "Creatio reached the Identity Service at https://identity.example.com/.",
                    "Creatio got an access token for client 'client'.",
                ],
                verdict.Checks.Select(check => check.Message));
        }

        [Fact]
        public void Should_Quote_Creatio_After_What_To_Do_When_Neither_Side_Is_Known()
        {
            // When: no runner token to compare with
            var verdict = Diagnosis.Evaluate(new HealthReading(new OAuthHealth(true, true, true, false, "  invalid_client  "), null), Config, RunnerReached, null);

            // Then
            Assert.Equal(
                "Creatio could not get an access token for client 'client': check identityService.clientId and clientSecret, then run apply-settings. Creatio says: invalid_client",
                Find(verdict, CheckIds.AccessTokenRetrievable).Message);
        }

        [Fact]
        public void Should_Name_The_Discovery_Document_When_The_Runner_Did_Not_Look()
        {
            // Given
            var timeout = new CreatioException(CreatioFailure.Timeout, "no answer");

            // When
            var verdict = Diagnosis.Evaluate(new HealthReading(null, timeout), Config, null, null);

            // Then
            Assert.Equal(
                "Creatio did not answer its health check within 110 s: it is most likely waiting on its own connection to the Identity Service at https://identity.example.com/: "
                + "check identityService.url and the network from the Creatio host (https://identity.example.com/.well-known/openid-configuration). If Creatio's own HTTP timeout is longer than that, raise creatio.healthCheckTimeoutSeconds.",
                Find(verdict, CheckIds.IdentityServiceAvailable).Message);
        }

        [Fact]
        public void Should_Not_Speak_Of_Timeouts_When_Creatio_Answered()
        {
            // When
            var verdict = Diagnosis.Evaluate(new HealthReading(new OAuthHealth(true, true, false, false, null), null), Config, null, null);

            // Then
            Assert.Equal(
                "Creatio could not reach the Identity Service at https://identity.example.com/: check identityService.url and the network from the Creatio host (https://identity.example.com/.well-known/openid-configuration).",
                Find(verdict, CheckIds.IdentityServiceAvailable).Message);
        }

        [Fact]
        public void Should_Say_A_Missing_Flag_Was_Not_Understood()
        {
            // When
            var verdict = Evaluate(new OAuthHealth(true, true, null, true, null));

            // Then
            var availability = Find(verdict, CheckIds.IdentityServiceAvailable);
            Assert.Equal(
                ("Creatio's health check did not report this flag; the answer was not understood, so it is not taken as green.", ErrorCodes.UnexpectedAnswer),
                (availability.Message, availability.ErrorCode));
        }
    }

    public sealed class TheHostSwitches
    {
        private static HealthVerdict EvaluateWith(OAuthHealth health, bool enableOAuth, bool separateSettings) =>
            Diagnosis.Evaluate(new HealthReading(health, null), Config, RunnerReached, RunnerGotToken, new Dictionary<string, bool>
            {
                [HostSwitches.EnableOAuth20Integration] = enableOAuth,
                [HostSwitches.UseSeparateSettingsForOAuth20] = separateSettings,
            });

        [Fact]
        public void Should_Say_The_Host_Reads_The_Shared_Settings_When_Separate_Settings_Are_Off()
        {
            // When
            var verdict = EvaluateWith(new OAuthHealth(true, false, false, false, null), enableOAuth: true, separateSettings: false);

            // Then
            Assert.StartsWith(
                "Creatio reports the Identity Service settings as empty: this host reads the shared IdentityServer* settings, not the OAuth20IdentityServer* ones the procedure writes.",
                Find(verdict, CheckIds.SystemSettingsFilledIn).Message,
                StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Suggest_Apply_Settings_First_While_Separate_Settings_Are_On()
        {
            // When
            var verdict = EvaluateWith(new OAuthHealth(true, false, false, false, null), enableOAuth: true, separateSettings: true);

            // Then
            Assert.StartsWith("Creatio reports the Identity Service settings as empty. Run apply-settings.", Find(verdict, CheckIds.SystemSettingsFilledIn).Message, StringComparison.Ordinal);
            Assert.Null(verdict.Unexplained);
        }

        [Fact]
        public void Should_Put_The_Host_Switch_Before_Every_Red_Check_And_The_Unexplained_Problem_But_Not_Before_A_Green_One()
        {
            // When: OAuth off on the host, the settings there, no token, and a message
            var verdict = EvaluateWith(new OAuthHealth(true, true, true, false, "disabled"), enableOAuth: false, separateSettings: true);

            // Then
            var note = $"OAuth 2.0 is off on this Creatio host: 'EnableOAuth20Integration' is not a database feature: {HostSwitches.Remedy(HostSwitches.EnableOAuth20Integration)}.";
            Assert.StartsWith(note + " The runner got a token", Find(verdict, CheckIds.AccessTokenRetrievable).Message, StringComparison.Ordinal);
            Assert.Equal("Creatio has the Identity Service URL, client id and client secret.", Find(verdict, CheckIds.SystemSettingsFilledIn).Message);
            Assert.Null(verdict.Unexplained);
        }

        [Fact]
        public void Should_Put_The_Host_Switch_Before_A_Problem_No_Flag_Explains()
        {
            // When
            var verdict = EvaluateWith(new OAuthHealth(true, true, true, true, "disabled"), enableOAuth: false, separateSettings: true);

            // Then
            Assert.Equal(
                $"OAuth 2.0 is off on this Creatio host: 'EnableOAuth20Integration' is not a database feature: {HostSwitches.Remedy(HostSwitches.EnableOAuth20Integration)}. Creatio's health check reports a problem (HasProblem) that none of its checks explains: disabled",
                verdict.Unexplained);
        }
    }
}
