using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

/// <summary>Sessions, CSRF and cookies: the expiry answers of each runtime, and the cookies Creatio sets later.</summary>
public static class SessionTests
{
    private const string FeatureState = "rest/FeatureService/GetFeatureState";
    private const string SelectQuery = "DataService/json/SyncReply/SelectQuery";

    [Collection(SandboxGroup.Name)]
    public sealed class TheSessionAndCsrf(SandboxFixture fixture) : IClassFixture<SandboxFixture>
    {
        private SandboxHost Sandbox => fixture.Sandbox;

        [Fact]
        public async Task Should_Answer_401_With_The_Json_Envelope_From_A_Wcf_Service_Without_A_Session()
        {
            // Given
            using var client = new CreatioTestClient(Sandbox);

            // When
            using var response = await client.PostAsync(FeatureState, new { code = "OAuth20Integration" });

            // Then
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var envelope = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Authentication failed.", envelope.GetProperty("Message").GetString());
        }

        [Fact]
        public async Task Should_Answer_401_For_A_Session_The_Server_Never_Issued()
        {
            // When
            using var response = await CreatioTestClient.SendWithCookiesAsync(Sandbox, FeatureState, ".ASPXAUTH=made-up; BPMCSRF=made-up", "made-up", new { });

            // Then
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        [Fact]
        public async Task Should_Answer_403_Without_The_Csrf_Header_Or_With_Another_Sessions()
        {
            // Given
            using var client = await CreatioTestClient.LoggedInAsync(Sandbox);
            using var other = await CreatioTestClient.LoggedInAsync(Sandbox);

            // When
            using var without = await client.SendAsync(HttpMethod.Post, FeatureState, new { }, withCsrf: false);
            client.Http.DefaultRequestHeaders.Add("BPMCSRF", other.Cookie("BPMCSRF"));
            using var foreign = await client.SendAsync(HttpMethod.Post, FeatureState, new { }, withCsrf: false);

            // Then
            Assert.Equal(HttpStatusCode.Forbidden, without.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        }

        [Fact]
        public async Task Should_Set_BPMSESSIONID_On_The_First_Service_Call_Not_At_Login()
        {
            // Given
            using var client = await CreatioTestClient.LoggedInAsync(Sandbox);
            var afterLogin = client.Cookie("BPMSESSIONID");

            // When
            using var first = await client.PostAsync(FeatureState, new { code = "OAuth20Integration" });
            var afterFirst = client.Cookie("BPMSESSIONID");
            using var second = await client.PostAsync(FeatureState, new { code = "OAuth20Integration" });

            // Then
            Assert.Null(afterLogin);
            Assert.NotNull(afterFirst);
            Assert.True(first.Headers.Contains("Set-Cookie"));
            Assert.False(second.Headers.Contains("Set-Cookie"));
            Assert.Contains(afterFirst, Sandbox.Creatio.IssuedSessionSecrets);
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheExpiry
    {
        [Theory]
        [InlineData(SandboxRuntime.NetFramework, "/0/Login/NuiLogin.aspx?ReturnUrl=%2F0%2FDataService%2Fjson%2FSyncReply%2FSelectQuery")]
        [InlineData(SandboxRuntime.Net, "/Login/Login.html?ReturnUrl=%2FDataService%2Fjson%2FSyncReply%2FSelectQuery")]
        public async Task Should_Redirect_DataService_To_The_Runtimes_Login_Page_And_Wcf_To_401_Once_Sessions_Expire(SandboxRuntime runtime, string location)
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Runtime = runtime });
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);
            sandbox.Creatio.ExpireSessions();

            // When
            using var dataService = await client.PostAsync(SelectQuery, CreatioBodies.Select("SysAdminUnit", ["Id"]));
            using var api = await client.GetAsync("api/OAuthHealthCheck");
            using var wcf = await client.PostAsync(FeatureState, new { code = "OAuth20Integration" });

            // Then
            Assert.Equal(HttpStatusCode.Found, dataService.StatusCode);
            Assert.Equal(location, dataService.Headers.Location!.OriginalString);
            Assert.Contains("/Login/", await dataService.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Found, api.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, wcf.StatusCode);
        }

        [Fact]
        public async Task Should_Refuse_A_Later_Call_Without_BPMSESSIONID_As_Expired_When_Required()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { RequireLaterCookies = true });
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);
            using var first = await client.PostAsync(FeatureState, new { code = "OAuth20Integration" });
            using var withCookie = await client.PostAsync(FeatureState, new { code = "OAuth20Integration" });
            var loginCookies = $".ASPXAUTH={client.Cookie(".ASPXAUTH")}; BPMCSRF={client.Cookie("BPMCSRF")}";

            // When
            using var without = await CreatioTestClient.SendWithCookiesAsync(sandbox, FeatureState, loginCookies, client.Cookie("BPMCSRF"), new { });
            using var afterwards = await client.PostAsync(FeatureState, new { code = "OAuth20Integration" });

            // Then
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, withCookie.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheMalformedCookie
    {
        [Fact]
        public async Task Should_Send_A_Set_Cookie_Header_A_Cookie_Parser_Refuses_Beside_The_Good_Ones()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { MalformedSetCookie = true });
            using var client = new CreatioTestClient(sandbox);

            // When
            using var response = await client.LoginAsync(sandbox.Options.CreatioUsername, sandbox.Options.CreatioPassword);
            using var call = await client.PostAsync(FeatureState, new { code = "OAuth20Integration" });

            // Then
            var malformed = Assert.Single(response.Headers.GetValues("Set-Cookie"), header => header.StartsWith("BPMROUTE", StringComparison.Ordinal));
            Assert.Throws<CookieException>(() => new CookieContainer().SetCookies(sandbox.CreatioUrl, malformed));
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        }
    }
}
