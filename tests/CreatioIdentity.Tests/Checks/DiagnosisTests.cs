using CreatioIdentity.Checks;
using CreatioIdentity.Creatio;
using CreatioIdentity.IdentityService;

namespace CreatioIdentity.Tests.Checks;

public sealed class DiagnosisTests
{
    private static readonly Uri IdentityService = new("https://identity.example.com/");
    private static readonly DiscoveryResult RunnerReached = new(true, new Uri("https://identity.example.com/connect/token"), "ok");
    private static readonly TokenProbeResult RunnerGotToken = new(true, "ok");

    private static CheckResult Find(IReadOnlyList<CheckResult> checks, string id) => Assert.Single(checks, check => check.Id == id);

    public sealed class TheEvaluateMethod
    {
        [Fact]
        public void Should_Pass_Every_Check_When_Creatio_Reports_No_Problem()
        {
            // Given
            var health = new OAuthHealth(false, true, true, true, true, null);

            // When
            var checks = Diagnosis.Evaluate(health, IdentityService, "client", RunnerReached, RunnerGotToken, includeDefaultResource: true);

            // Then
            Assert.Equal(4, checks.Count);
            Assert.All(checks, check => Assert.Equal(CheckStatus.Pass, check.Status));
        }

        [Fact]
        public void Should_Blame_The_Network_From_The_Creatio_Host_When_Only_The_Runner_Reached_The_Identity_Service()
        {
            // Given
            var health = new OAuthHealth(true, true, false, false, false, "Connection refused");

            // When
            var checks = Diagnosis.Evaluate(health, IdentityService, "client", RunnerReached, RunnerGotToken, includeDefaultResource: true);

            // Then
            var availability = Find(checks, CheckIds.IdentityServiceAvailable);
            Assert.Equal(CheckStatus.Fail, availability.Status);
            Assert.Contains("network between the Creatio host and identity.example.com", availability.Message, StringComparison.Ordinal);
            Assert.Contains("not the credentials", availability.Message, StringComparison.Ordinal);
            Assert.Contains("Connection refused", availability.Message, StringComparison.Ordinal);
            Assert.Contains("cannot reach", Find(checks, CheckIds.AccessTokenRetrievable).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Point_At_The_Stored_Secret_When_The_Runner_Gets_A_Token_And_Creatio_Does_Not()
        {
            // Given
            var health = new OAuthHealth(true, true, true, false, false, null);

            // When
            var checks = Diagnosis.Evaluate(health, IdentityService, "client", RunnerReached, RunnerGotToken, includeDefaultResource: false);

            // Then
            var token = Find(checks, CheckIds.AccessTokenRetrievable);
            Assert.Equal(CheckStatus.Fail, token.Status);
            Assert.Contains("stored in Creatio differs", token.Message, StringComparison.Ordinal);
            Assert.Equal("identityService.clientSecret", token.ConfigPath);
            Assert.DoesNotContain(checks, check => check.Id == CheckIds.DefaultResourceRegistered);
        }

        [Fact]
        public void Should_Point_At_The_Identity_Service_Client_When_The_Runner_Is_Refused_Too()
        {
            // Given
            var health = new OAuthHealth(true, true, true, false, false, null);

            // When
            var checks = Diagnosis.Evaluate(health, IdentityService, "client", RunnerReached, new TokenProbeResult(false, "invalid_client"), includeDefaultResource: false);

            // Then
            Assert.Contains("refuses client 'client' to the runner too", Find(checks, CheckIds.AccessTokenRetrievable).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Name_UseSeparateSettingsForOAuth20_When_Settings_Read_Empty()
        {
            // Given
            var health = new OAuthHealth(true, false, false, false, false, null);

            // When
            var checks = Diagnosis.Evaluate(health, IdentityService, "client", null, null, includeDefaultResource: false);

            // Then
            Assert.Contains("UseSeparateSettingsForOAuth20", Find(checks, CheckIds.SystemSettingsFilledIn).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Skip_The_Default_Resource_When_Creatio_Does_Not_Report_It()
        {
            // Given
            var health = new OAuthHealth(false, true, true, true, null, null);

            // When
            var checks = Diagnosis.Evaluate(health, IdentityService, "client", RunnerReached, RunnerGotToken, includeDefaultResource: true);

            // Then
            Assert.Equal(CheckStatus.Skip, Find(checks, CheckIds.DefaultResourceRegistered).Status);
        }

        [Fact]
        public void Should_Never_Take_A_Missing_Flag_As_Green()
        {
            // Given
            var health = new OAuthHealth(false, true, null, true, true, null);

            // When
            var checks = Diagnosis.Evaluate(health, IdentityService, "client", RunnerReached, RunnerGotToken, includeDefaultResource: true);

            // Then
            Assert.Equal(CheckStatus.Fail, Find(checks, CheckIds.IdentityServiceAvailable).Status);
        }
    }
}
