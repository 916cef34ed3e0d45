using System.Net;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Tests.Creatio;

public sealed class OAuthHealthClientTests
{
    private static Task<OAuthHealth> HealthAsync(Func<HttpRequestMessage, HttpResponseMessage> answer) =>
        new OAuthHealthClient(new CreatioFixture { Runtime = CreatioRuntime.Net }.Answer("/api/OAuthHealthCheck", answer).Session())
            .GetAsync(CancellationToken.None);

    public sealed class TheGetAsyncMethod
    {
        [Fact]
        public async Task Should_Read_The_Problem_Report_In_The_Body_Of_An_HTTP_500()
        {
            // When
            var health = await HealthAsync(_ => CreatioFixture.Json(
                """{"HasProblem":true,"IsSystemSettingsFilledIn":true,"IsIdentityServiceAvailable":false,"IsAccessTokenRetrievableForSystemActions":false,"Message":"Connection refused"}""",
                HttpStatusCode.InternalServerError));

            // Then
            Assert.True(health.HasProblem);
            Assert.False(health.IsIdentityServiceAvailable);
            Assert.Null(health.IsDefaultResourceRegistered);
            Assert.Equal("Connection refused", health.Message);
        }

        [Fact]
        public async Task Should_Read_A_Wrapped_Answer_With_Other_Casing_And_Numeric_Flags()
        {
            // When
            var health = await HealthAsync(_ => CreatioFixture.Json(
                """{"OAuthHealthCheckResult":{"hasProblem":0,"isSystemSettingsFilledIn":1,"isIdentityServiceAvailable":"true","isAccessTokenRetrievableForSystemActions":true}}"""));

            // Then
            Assert.True(health.IsConnected);
        }

        [Fact]
        public async Task Should_Never_Take_An_Answer_Without_Flags_As_Healthy()
        {
            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => HealthAsync(_ => CreatioFixture.Json("""{"status":"ok"}""")));

            // Then
            Assert.Equal(CreatioFailure.UnexpectedAnswer, exception.Failure);
            Assert.Contains("status", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Say_That_An_Html_500_Carries_No_Diagnosis()
        {
            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => HealthAsync(_ => CreatioFixture.Html(HttpStatusCode.InternalServerError)));

            // Then
            Assert.Contains("no diagnostic body", exception.Message, StringComparison.Ordinal);
        }
    }
}
