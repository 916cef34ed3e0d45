using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

/// <summary>AuthService.svc/Login and Logout: the codes, the statuses, the cookies, and bodies with a length.</summary>
public static class LoginTests
{
    [Collection(SandboxGroup.Name)]
    public sealed class TheLoginMethod(SandboxFixture fixture) : IClassFixture<SandboxFixture>
    {
        private SandboxHost Sandbox => fixture.Sandbox;

        [Fact]
        public async Task Should_Answer_Code_0_And_Set_The_Session_Cookies()
        {
            // Given
            using var client = new CreatioTestClient(Sandbox);

            // When
            using var response = await client.LoginAsync(Sandbox.Options.CreatioUsername, Sandbox.Options.CreatioPassword);

            // Then
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(0, answer.GetProperty("Code").GetInt32());
            Assert.Equal(string.Empty, answer.GetProperty("Message").GetString());
            Assert.Equal(["Code", "Message", "Exception", "PasswordChangeUrl", "RedirectUrl"], answer.EnumerateObject().Select(field => field.Name));
            Assert.All([".ASPXAUTH", "BPMCSRF", "BPMLOADER"], name => Assert.False(string.IsNullOrEmpty(client.Cookie(name))));
            Assert.Equal(Sandbox.Options.CreatioUsername, client.Cookie("UserName"));
        }

        [Fact]
        public async Task Should_Give_Every_Login_Its_Own_Session()
        {
            // Given
            using var first = await CreatioTestClient.LoggedInAsync(Sandbox);

            // When
            using var second = await CreatioTestClient.LoggedInAsync(Sandbox);

            // Then
            Assert.NotEqual(first.Cookie(".ASPXAUTH"), second.Cookie(".ASPXAUTH"));
            Assert.NotEqual(first.Cookie("BPMCSRF"), second.Cookie("BPMCSRF"));
        }

        [Theory]
        [InlineData("wrong-password")]
        [InlineData(null)]
        public async Task Should_Answer_Http_200_With_Code_1_And_No_Cookies_For_Wrong_Credentials(string? password)
        {
            // Given
            using var client = new CreatioTestClient(Sandbox);

            // When
            using var response = await client.LoginAsync(password is null ? "Nobody" : Sandbox.Options.CreatioUsername, password ?? Sandbox.Options.CreatioPassword);

            // Then
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(1, answer.GetProperty("Code").GetInt32());
            Assert.StartsWith("Either invalid login or password specified", answer.GetProperty("Message").GetString(), StringComparison.Ordinal);
            Assert.Equal("System.Security.SecurityException", answer.GetProperty("Exception").GetProperty("Type").GetString());
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }

        [Fact]
        public async Task Should_Refuse_A_Chunked_Body_With_411_On_Any_Endpoint()
        {
            // Given: JsonContent has no length, so HttpClient sends it chunked
            using var client = await CreatioTestClient.LoggedInAsync(Sandbox);

            // When
            using var login = await client.Http.PostAsJsonAsync("ServiceModel/AuthService.svc/Login",
                new { UserName = Sandbox.Options.CreatioUsername, UserPassword = Sandbox.Options.CreatioPassword });
            using var service = await client.Http.PostAsync(client.ServicePrefix + "DataService/json/SyncReply/QuerySysSettings",
                JsonContent.Create(CreatioBodies.QuerySysSettings("SiteUrl")));

            // Then
            Assert.Equal(HttpStatusCode.LengthRequired, login.StatusCode);
            Assert.Equal(HttpStatusCode.LengthRequired, service.StatusCode);
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheLoginVariants
    {
        [Theory]
        [InlineData(0, true, false)]
        [InlineData(2, true, true)]
        [InlineData(5, true, true)]
        [InlineData(1, false, false)]
        [InlineData(3, false, false)]
        [InlineData(4, false, false)]
        public async Task Should_Answer_The_Code_And_Open_A_Session_Only_For_0_2_And_5(int code, bool session, bool passwordChangeUrl)
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { LoginCode = code });
            using var client = new CreatioTestClient(sandbox);

            // When
            using var response = await client.LoginAsync(sandbox.Options.CreatioUsername, sandbox.Options.CreatioPassword);
            using var call = await client.PostAsync("rest/FeatureService/GetFeatureState", new { code = "OAuth20Integration" });

            // Then
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(code, answer.GetProperty("Code").GetInt32());
            Assert.Equal(session, client.Cookie(".ASPXAUTH") is not null);
            Assert.Equal(session ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, call.StatusCode);
            Assert.Equal(passwordChangeUrl, answer.GetProperty("PasswordChangeUrl").ValueKind == JsonValueKind.String);
            Assert.Equal(code == 0, string.IsNullOrEmpty(answer.GetProperty("Message").GetString()));
        }

        [Theory]
        [InlineData(401, "Invalid user name or password.")]
        [InlineData(403, "Access denied. Contact your system administrator")]
        public async Task Should_Answer_The_Http_Status_Without_A_Session(int status, string message)
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { LoginStatus = status });
            using var client = new CreatioTestClient(sandbox);

            // When
            using var response = await client.LoginAsync(sandbox.Options.CreatioUsername, sandbox.Options.CreatioPassword);

            // Then
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Message").GetString());
            Assert.Null(client.Cookie(".ASPXAUTH"));
        }

        [Fact]
        public async Task Should_Count_Every_Login_Attempt()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync();
            using var client = new CreatioTestClient(sandbox);

            // When
            (await client.LoginAsync(sandbox.Options.CreatioUsername, "wrong-password")).Dispose();
            (await client.LoginAsync(sandbox.Options.CreatioUsername, sandbox.Options.CreatioPassword)).Dispose();

            // Then
            Assert.Equal(2, sandbox.Creatio.LoginCount);
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheLogoutMethod : LoggedInSandbox
    {
        [Fact]
        public async Task Should_End_The_Session_And_Drop_Its_Cookies()
        {
            // Given
            var csrf = Client.Cookie("BPMCSRF");
            var cookies = $".ASPXAUTH={Client.Cookie(".ASPXAUTH")}; BPMCSRF={csrf}";

            // When
            using var logout = await Client.SendAsync(HttpMethod.Post, "ServiceModel/AuthService.svc/Logout", new { }, withPrefix: false);
            using var later = await CreatioTestClient.SendWithCookiesAsync(
                Sandbox, "rest/FeatureService/GetFeatureState", cookies, csrf, new { code = "OAuth20Integration" });

            // Then
            Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, later.StatusCode);
            Assert.Null(Client.Cookie(".ASPXAUTH"));
            Assert.DoesNotContain(Sandbox.Creatio.Writes, write => write.Path.EndsWith("Logout", StringComparison.Ordinal));
        }
    }
}
