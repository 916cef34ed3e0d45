using System.Net;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Tests.Creatio;

public sealed class CreatioSessionTests
{
    public sealed class TheLoginAsyncMethod
    {
        [Fact]
        public async Task Should_Take_Code_1_As_Wrong_Credentials_Although_The_Answer_Is_HTTP_200()
        {
            // Given
            var creatio = new CreatioFixture().Answer("/ServiceModel/AuthService.svc/Login",
                _ => CreatioFixture.Json("""{"Code":1,"Message":"Either the username or the password is incorrect."}"""));

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => creatio.Session().LoginAsync(CancellationToken.None));

            // Then: the code says it; the answer's Message is not quoted, as the request carried the password
            Assert.Equal(CreatioFailure.Authentication, exception.Failure);
            Assert.Contains("(Code 1)", exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Either the username or the password is incorrect.", exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("p@ss", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Take_An_Html_Page_As_An_Authentication_Failure()
        {
            // Given
            var creatio = new CreatioFixture().Answer("/ServiceModel/AuthService.svc/Login", _ => CreatioFixture.Html());

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => creatio.Session().LoginAsync(CancellationToken.None));

            // Then
            Assert.Equal(CreatioFailure.Authentication, exception.Failure);
            Assert.Contains("HTML page", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Refuse_A_Login_That_Sets_No_Session_Cookie()
        {
            // Given
            var creatio = new CreatioFixture().Answer("/ServiceModel/AuthService.svc/Login", _ => CreatioFixture.Json("""{"Code":0}"""));

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => creatio.Session().LoginAsync(CancellationToken.None));

            // Then
            Assert.Contains(".ASPXAUTH", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Say_The_Url_Is_Not_The_Site_Root_When_There_Is_No_Login_Service()
        {
            // Given
            var creatio = new CreatioFixture().Answer("/ServiceModel/AuthService.svc/Login", _ => new HttpResponseMessage(HttpStatusCode.NotFound));

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => creatio.Session().LoginAsync(CancellationToken.None));

            // Then
            Assert.Equal(CreatioFailure.NotFound, exception.Failure);
            Assert.Contains("site root", exception.Message, StringComparison.Ordinal);
        }
    }

    public sealed class TheSendAsyncMethod
    {
        [Fact]
        public async Task Should_Send_The_Session_Cookie_And_The_Csrf_Header()
        {
            // Given
            var creatio = new CreatioFixture { Runtime = CreatioRuntime.Net }
                .Answer("/api/OAuthHealthCheck", _ => CreatioFixture.Json("{}"));

            // When
            await creatio.Session().SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);

            // Then
            var call = creatio.Received[^1];
            Assert.Equal("csrf-1", call.Csrf);
            Assert.Contains(".ASPXAUTH=session-1", call.Cookie, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Find_The_Net_Framework_Prefix_By_Trying_And_Remember_It()
        {
            // Given
            var creatio = new CreatioFixture()
                .Answer("/0/rest/FeatureService/GetFeaturesInfo", _ => CreatioFixture.Json("""{"GetFeaturesInfoResult":[]}"""))
                .Answer("/0/api/OAuthHealthCheck", _ => CreatioFixture.Json("{}"));
            var session = creatio.Session();

            // When
            await session.SendAsync(CreatioRoutes.GetFeaturesInfo, CancellationToken.None);
            await session.SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);

            // Then
            Assert.Equal(
                ["/ServiceModel/AuthService.svc/Login", "/rest/FeatureService/GetFeaturesInfo", "/0/rest/FeatureService/GetFeaturesInfo", "/0/api/OAuthHealthCheck"],
                creatio.Received.Select(call => call.Path));
        }

        [Fact]
        public async Task Should_Log_In_Again_Once_When_Creatio_Answers_With_Its_Login_Page()
        {
            // Given: the first call finds the session gone (a 302 to the login page)
            var calls = 0;
            var creatio = new CreatioFixture { Runtime = CreatioRuntime.Net }
                .Answer("/api/OAuthHealthCheck", _ => ++calls == 1 ? CreatioFixture.Html(HttpStatusCode.Found) : CreatioFixture.Json("{}"));

            // When
            var answer = await creatio.Session().SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);

            // Then
            Assert.Equal(200, answer.StatusCode);
            Assert.Equal(2, creatio.Received.Count(call => call.Path.EndsWith("/Login", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task Should_Fail_As_Csrf_When_Creatio_Answers_403_Even_After_A_Fresh_Login()
        {
            // Given
            var creatio = new CreatioFixture { Runtime = CreatioRuntime.Net }
                .Answer("/api/OAuthHealthCheck", _ => new HttpResponseMessage(HttpStatusCode.Forbidden));

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => creatio.Session().SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None));

            // Then
            Assert.Equal(CreatioFailure.Csrf, exception.Failure);
            Assert.Equal(2, creatio.Received.Count(call => call.Path.EndsWith("/Login", StringComparison.Ordinal)));
        }
    }
}
