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
            Assert.Contains("without its diagnostic answer", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Say_Which_Versions_Have_The_Health_Check_When_The_Route_Is_Missing()
        {
            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => HealthAsync(_ => new HttpResponseMessage(HttpStatusCode.NotFound)));

            // Then
            Assert.Equal(CreatioFailure.NotFound, exception.Failure);
            Assert.Contains("8.1.2", exception.Message, StringComparison.Ordinal);
            Assert.Contains("8.3.2", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Keep_A_Problem_That_No_Flag_Explains()
        {
            // When
            var health = await HealthAsync(_ => CreatioFixture.Json(
                """{"HasProblem":true,"IsSystemSettingsFilledIn":true,"IsIdentityServiceAvailable":true,"IsAccessTokenRetrievableForSystemActions":true,"Message":"Scope is not configured"}""",
                HttpStatusCode.InternalServerError));

            // Then
            Assert.False(health.IsConnected);
            Assert.True(health.HasUnexplainedProblem);
        }

        [Fact]
        public async Task Should_Take_An_HTTP_500_As_A_Problem_Even_When_Its_Body_Says_None()
        {
            // When
            var health = await HealthAsync(_ => CreatioFixture.Json(
                """{"HasProblem":false,"IsSystemSettingsFilledIn":true,"IsIdentityServiceAvailable":true,"IsAccessTokenRetrievableForSystemActions":true}""",
                HttpStatusCode.InternalServerError));

            // Then
            Assert.False(health.IsConnected);
        }
    }

    public sealed class TheMessages
    {
        [Fact]
        public async Task Should_Fail_On_A_Status_That_Carries_No_Diagnosis()
        {
            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => HealthAsync(_ => CreatioFixture.Json("""{"HasProblem":false}""", HttpStatusCode.BadGateway)));

            // Then
            Assert.Equal(CreatioFailure.HttpStatus, exception.Failure);
            Assert.Equal("Creatio answered api/OAuthHealthCheck with HTTP 502: {\"HasProblem\":false}. Look at Creatio's error log.", exception.Message);
        }

        [Fact]
        public async Task Should_Say_In_Full_That_A_500_Came_Without_Its_Diagnosis()
        {
            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => HealthAsync(_ => CreatioFixture.Html(HttpStatusCode.InternalServerError)));

            // Then
            Assert.Equal(CreatioFailure.HttpStatus, exception.Failure);
            Assert.Equal(
                "Creatio answered api/OAuthHealthCheck with HTTP 500: <!DOCTYPE html><html><body>Login</body></html>. The health check failed without its diagnostic answer (a proxy's error page, or an error in Creatio): look at Creatio's error log.",
                exception.Message);
        }

        [Fact]
        public async Task Should_Say_Only_Which_Versions_Have_It_When_The_Route_Is_Missing()
        {
            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => HealthAsync(_ => new HttpResponseMessage(HttpStatusCode.NotFound)));

            // Then
            Assert.Equal(OAuthHealthClient.MissingRouteRemedy, exception.Message);
            Assert.Equal(CreatioFailure.NotFound, Assert.IsType<CreatioException>(exception.InnerException).Failure);
        }

        [Fact]
        public async Task Should_Not_Understand_An_Answer_Without_Any_Flag()
        {
            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => HealthAsync(_ => CreatioFixture.Json("""{"HasProblem":false,"Message":""}""")));

            // Then
            Assert.StartsWith("Creatio answered api/OAuthHealthCheck with HTTP 200 that was not understood (none of the health flags): ", exception.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("""{"IsSystemSettingsFilledIn":true}""")]
        [InlineData("""{"IsIdentityServiceAvailable":true}""")]
        [InlineData("""{"IsAccessTokenRetrievableForSystemActions":true}""")]
        public async Task Should_Read_An_Answer_With_Any_One_Flag_As_No_Problem_Unless_Said(string answer)
        {
            // When
            var health = await HealthAsync(_ => CreatioFixture.Json(answer));

            // Then
            Assert.False(health.HasProblem);
            Assert.False(health.IsConnected);
        }

        [Fact]
        public async Task Should_Read_Every_Flag_And_The_Message()
        {
            // When
            var health = await HealthAsync(_ => CreatioFixture.Json(
                """{"HasProblem":true,"IsSystemSettingsFilledIn":true,"IsIdentityServiceAvailable":false,"IsAccessTokenRetrievableForSystemActions":false,"Message":"No route to host"}"""));

            // Then
            Assert.Equal(new OAuthHealth(true, true, false, false, "No route to host"), health);
        }
    }
}
