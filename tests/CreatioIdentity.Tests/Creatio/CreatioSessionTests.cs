using System.Net;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Tests.Creatio;

public sealed class CreatioSessionTests
{
    private const string LoginPath = "/ServiceModel/AuthService.svc/Login";

    private static CreatioFixture LoginAnswers(string body, HttpStatusCode status = HttpStatusCode.OK, params string[] cookies) =>
        new CreatioFixture { Runtime = CreatioRuntime.Net }.Answer(LoginPath, _ => CreatioFixture.Json(body, status, cookies));

    private static readonly string[] SessionCookies = [".ASPXAUTH=session-1; path=/", "BPMCSRF=csrf-1; path=/"];

    public sealed class TheLoginAsyncMethod
    {
        [Fact]
        public async Task Should_Take_Code_1_As_Wrong_Credentials_Although_The_Answer_Is_HTTP_200()
        {
            // Given
            var creatio = LoginAnswers("""{"Code":1,"Message":"Either the username or the password is incorrect."}""");

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => creatio.Session().LoginAsync(CancellationToken.None));

            // Then
            Assert.Equal(CreatioFailure.Authentication, exception.Failure);
            Assert.Contains("Code 1: wrong user name or password", exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("p@ss", exception.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(3)]
        [InlineData(4)]
        public async Task Should_Name_A_Licence_Problem_For_Codes_3_And_4(int code)
        {
            // Given
            var creatio = LoginAnswers($$"""{"Code":{{code}},"Message":"No licence"}""");

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => creatio.Session().LoginAsync(CancellationToken.None));

            // Then
            Assert.Equal(CreatioFailure.Authentication, exception.Failure);
            Assert.Contains($"lack of a licence (Code {code}:", exception.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(2, "recommends changing the password")]
        [InlineData(5, "has expired")]
        public async Task Should_Log_In_With_A_Warning_For_Codes_2_And_5(int code, string warning)
        {
            // Given
            var creatio = LoginAnswers($$"""{"Code":{{code}},"PasswordChangeUrl":"/Login/ChangePassword"}""", HttpStatusCode.OK, SessionCookies);
            var session = creatio.Session();

            // When
            await session.LoginAsync(CancellationToken.None);

            // Then
            Assert.Contains(warning, Assert.Single(session.TakeWarnings()), StringComparison.Ordinal);
            Assert.Empty(session.TakeWarnings());
        }

        [Fact]
        public async Task Should_Refuse_Code_5_When_Creatio_Sets_No_Session()
        {
            // Given
            var creatio = LoginAnswers("""{"Code":5}""");

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => creatio.Session().LoginAsync(CancellationToken.None));

            // Then
            Assert.Equal(CreatioFailure.Authentication, exception.Failure);
        }

        [Theory]
        [InlineData(HttpStatusCode.Unauthorized, "user name or the password is wrong")]
        [InlineData(HttpStatusCode.Forbidden, "password must be changed")]
        public async Task Should_Take_401_And_403_From_The_Login_Service_As_The_User_Refused_Not_The_Url(HttpStatusCode status, string says)
        {
            // Given: the body echoes the request, as a careless proxy might
            var creatio = new CreatioFixture { Runtime = CreatioRuntime.Net }
                .Answer(LoginPath, request => CreatioFixture.Json(request.Content!.ReadAsStringAsync().Result, status));

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => creatio.Session().LoginAsync(CancellationToken.None));

            // Then
            Assert.Equal(CreatioFailure.Authentication, exception.Failure);
            Assert.Contains(says, exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("p@ss", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Send_A_Content_Length_Json_And_The_Tools_User_Agent()
        {
            // Given
            var creatio = LoginAnswers("""{"Code":0}""", HttpStatusCode.OK, SessionCookies);

            // When
            await creatio.Session().LoginAsync(CancellationToken.None);

            // Then
            var login = Assert.Single(creatio.Received);
            Assert.Equal(login.Body!.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), login.Header("Content-Length"));
            Assert.Null(login.Request.Headers.TransferEncodingChunked);
            Assert.Equal("application/json", login.Header("Accept"));
            Assert.StartsWith("creatio-identity/", login.Header("User-Agent"), StringComparison.Ordinal);
            Assert.Equal("true", login.Header("ForceUseSession"));
        }

        [Fact]
        public async Task Should_Skip_A_Cookie_It_Cannot_Parse_With_A_Warning_That_Names_It_But_Not_Its_Value()
        {
            // Given
            var creatio = LoginAnswers("""{"Code":0}""", HttpStatusCode.OK, [.. SessionCookies, "Broken=secret-value; domain=other.example; path=/"]);
            var session = creatio.Session();

            // When
            await session.LoginAsync(CancellationToken.None);

            // Then
            var warning = Assert.Single(session.TakeWarnings());
            Assert.Contains("Broken", warning, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-value", warning, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Say_The_Url_Is_Not_The_Site_Root_When_There_Is_No_Login_Service()
        {
            // Given
            var creatio = new CreatioFixture().Answer(LoginPath, _ => new HttpResponseMessage(HttpStatusCode.NotFound));

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
            Assert.StartsWith("creatio-identity/", call.Header("User-Agent"), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Keep_A_Cookie_Creatio_Sets_After_The_Login()
        {
            // Given: the first service call sets BPMSESSIONID
            var creatio = new CreatioFixture { Runtime = CreatioRuntime.Net }
                .Answer("/api/OAuthHealthCheck", _ => CreatioFixture.Json("{}", cookies: ["BPMSESSIONID=later-1; path=/"]));
            var session = creatio.Session();

            // When
            await session.SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);
            await session.SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);

            // Then
            Assert.Contains("BPMSESSIONID=later-1", creatio.Received[^1].Cookie, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("/Login/Login.html")]
        [InlineData("/0/Login/NuiLogin.aspx")]
        public async Task Should_Log_In_Again_Once_When_Creatio_Redirects_To_Its_Login_Page(string page)
        {
            // Given: the first call finds the session gone (a 302 to the login page)
            var calls = 0;
            var creatio = new CreatioFixture { Runtime = CreatioRuntime.Net }
                .Answer("/api/OAuthHealthCheck", _ => ++calls == 1 ? CreatioFixture.RedirectToLogin(page) : CreatioFixture.Json("{}"));

            // When
            var answer = await creatio.Session().SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);

            // Then
            Assert.Equal(200, answer.StatusCode);
            Assert.Equal(2, creatio.Received.Count(call => call.Path == LoginPath));
        }

        [Fact]
        public async Task Should_Log_In_Again_Once_When_Something_In_Between_Followed_The_Redirect_To_The_Login_Page()
        {
            // Given
            var calls = 0;
            var creatio = new CreatioFixture { Runtime = CreatioRuntime.Net }
                .Answer("/api/OAuthHealthCheck", _ => ++calls == 1 ? CreatioFixture.Html() : CreatioFixture.Json("{}"));

            // When
            var answer = await creatio.Session().SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);

            // Then
            Assert.Equal(200, answer.StatusCode);
            Assert.Equal(2, creatio.Received.Count(call => call.Path == LoginPath));
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
            Assert.Equal(2, creatio.Received.Count(call => call.Path == LoginPath));
        }
    }

    public sealed class TheRuntimeDetection
    {
        [Fact]
        public async Task Should_Find_Net_Framework_From_The_Anonymous_Ping_Under_0_And_Remember_It()
        {
            // Given
            var creatio = new CreatioFixture(netFramework: true)
                .Answer("/0/api/OAuthHealthCheck", _ => CreatioFixture.Json("{}"));
            var session = creatio.Session();

            // When
            await session.SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);
            await session.SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);

            // Then: the ping goes without a session, and only once
            Assert.Equal([LoginPath, "/0/api/HealthCheck/Ping", "/0/api/OAuthHealthCheck", "/0/api/OAuthHealthCheck"], creatio.Received.Select(call => call.Path));
            Assert.Null(creatio.Received[1].Cookie);
        }

        [Fact]
        public async Task Should_Take_A_404_Under_0_As_A_Net_Site()
        {
            // Given
            var creatio = new CreatioFixture().Answer("/api/OAuthHealthCheck", _ => CreatioFixture.Json("{}"));

            // When
            await creatio.Session().SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);

            // Then
            Assert.Equal([LoginPath, "/0/api/HealthCheck/Ping", "/api/OAuthHealthCheck"], creatio.Received.Select(call => call.Path));
        }

        [Theory]
        [InlineData(HttpStatusCode.Found)]
        [InlineData(HttpStatusCode.Unauthorized)]
        [InlineData(HttpStatusCode.Forbidden)]
        public async Task Should_Not_Take_A_Redirect_A_401_Or_A_403_As_The_Runtime(HttpStatusCode status)
        {
            // Given: a .NET site whose /0 answers without saying anything
            var creatio = new CreatioFixture()
                .Answer("/0/api/HealthCheck/Ping", _ => status == HttpStatusCode.Found ? CreatioFixture.RedirectToLogin() : new HttpResponseMessage(status))
                .Answer("/api/OAuthHealthCheck", _ => CreatioFixture.Json("{}"));

            // When
            await creatio.Session().SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);

            // Then: the root Ping decided
            Assert.Equal("/api/HealthCheck/Ping", creatio.Received[2].Path);
            Assert.Equal("/api/OAuthHealthCheck", creatio.Received[^1].Path);
        }

        [Fact]
        public async Task Should_Tell_From_The_Login_Pages_When_Neither_Ping_Decides()
        {
            // Given: both pings refused anonymously; only the .NET login page answers
            var creatio = new CreatioFixture()
                .Answer("/0/api/HealthCheck/Ping", _ => new HttpResponseMessage(HttpStatusCode.Unauthorized))
                .Answer("/api/HealthCheck/Ping", _ => new HttpResponseMessage(HttpStatusCode.Unauthorized))
                .Answer("/Login/Login.html", _ => CreatioFixture.Html())
                .Answer("/api/OAuthHealthCheck", _ => CreatioFixture.Json("{}"));

            // When
            await creatio.Session().SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);

            // Then
            Assert.Equal("/api/OAuthHealthCheck", creatio.Received[^1].Path);
        }

        [Fact]
        public async Task Should_Ask_For_An_Explicit_Runtime_When_Nothing_Tells()
        {
            // Given: no ping and no login page answers
            var creatio = new CreatioFixture()
                .Answer("/0/api/HealthCheck/Ping", _ => new HttpResponseMessage(HttpStatusCode.Unauthorized))
                .Answer("/api/HealthCheck/Ping", _ => new HttpResponseMessage(HttpStatusCode.Unauthorized));

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => creatio.Session().SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None));

            // Then
            Assert.Equal(CreatioFailure.UnexpectedAnswer, exception.Failure);
            Assert.Equal(
                "creatio.runtime is auto, and http://creatio.test/ does not say whether it runs on .NET or .NET Framework (its anonymous HealthCheck/Ping and login pages answer alike under / and /0/). "
                + "Write 'runtime: net' or 'runtime: netframework' under creatio: (.NET Framework sites serve Creatio under /0/).",
                exception.Message);
        }
    }

    public sealed class TheLogoutAsyncMethod
    {
        [Fact]
        public async Task Should_End_The_Session_With_Its_Cookies()
        {
            // Given
            var creatio = new CreatioFixture { Runtime = CreatioRuntime.Net };
            var session = creatio.Session();
            await session.LoginAsync(CancellationToken.None);

            // When
            await session.LogoutAsync(CancellationToken.None);

            // Then
            var logout = creatio.Received[^1];
            Assert.Equal("/ServiceModel/AuthService.svc/Logout", logout.Path);
            Assert.Contains(".ASPXAUTH=session-1", logout.Cookie, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Send_Nothing_Without_A_Session()
        {
            // Given
            var creatio = new CreatioFixture { Runtime = CreatioRuntime.Net };

            // When
            await creatio.Session().LogoutAsync(CancellationToken.None);

            // Then
            Assert.Empty(creatio.Received);
        }
    }
}
