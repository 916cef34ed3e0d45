using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace CreatioIdentity.Tests.Tracing;

/// <summary>
/// What a trace keeps of an exchange, and what it never keeps: the file, written and read back,
/// holds no password, client secret, token, cookie value, CSRF value or credential, and still
/// holds everything else a maintainer needs.
/// </summary>
public sealed class HttpTraceRedactionTests
{
    private const string Password = "Pa55word-of-the-user";
    private const string ClientSecret = "client-secret-0123456789";
    private const string SessionCookie = "ASPXAUTH-0123456789ABCDEF";
    private const string Csrf = "CSRF-0123456789ABCDEF";

    public sealed class TheHeaders
    {
        [Fact]
        public async Task Should_Redact_Credentials_Cookie_Values_And_The_Csrf_Header_But_Keep_Cookie_Names_And_Attributes()
        {
            // Given
            using var fixture = new TraceFixture
            {
                Answer = _ => TraceFixture.Json("{}", HttpStatusCode.OK, $".ASPXAUTH={SessionCookie}; path=/; HttpOnly", "UserName=Supervisor; path=/"),
            };
            using var client = fixture.Client();
            using var request = new HttpRequestMessage(HttpMethod.Get, "http://creatio.test/0/api/OAuthHealthCheck");
            request.Headers.Add("Cookie", $".ASPXAUTH={SessionCookie}; BPMCSRF={Csrf}");
            request.Headers.Add("BPMCSRF", Csrf);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJ-access-token-0123456789");
            request.Headers.ProxyAuthorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwcm94eS1wYXNzd29yZA==");

            // When
            (await client.SendAsync(request)).Dispose();
            var (text, entries) = fixture.Saved();

            // Then
            Assert.DoesNotContain(SessionCookie, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Csrf, text, StringComparison.Ordinal);
            Assert.DoesNotContain("eyJ-access-token", text, StringComparison.Ordinal);
            Assert.DoesNotContain("dXNlcjpwcm94eS1wYXNzd29yZA", text, StringComparison.Ordinal);
            var entry = Assert.Single(entries)!;
            Assert.Equal(".ASPXAUTH=***; BPMCSRF=***", TraceFixture.Header(entry["request"]!, "Cookie"));
            Assert.Equal("***", TraceFixture.Header(entry["request"]!, "BPMCSRF"));
            Assert.Equal("Bearer ***", TraceFixture.Header(entry["request"]!, "Authorization"));
            Assert.Equal("Basic ***", TraceFixture.Header(entry["request"]!, "Proxy-Authorization"));
            Assert.Equal([".ASPXAUTH", "BPMCSRF"], entry["request"]!["cookies"]!.AsArray().Select(cookie => (string)cookie!["name"]!));
            var setCookies = entry["response"]!["headers"]!.AsArray().Where(header => (string)header!["name"]! == "Set-Cookie").Select(header => (string)header!["value"]!);
            Assert.Equal([".ASPXAUTH=***; path=/; HttpOnly", "UserName=***; path=/"], setCookies);
            var cookie = entry["response"]!["cookies"]![0]!;
            Assert.Equal((".ASPXAUTH", "***", "/", true), ((string)cookie["name"]!, (string)cookie["value"]!, (string)cookie["path"]!, (bool)cookie["httpOnly"]!));
        }
    }

    public sealed class TheBodies
    {
        [Fact]
        public async Task Should_Redact_The_Password_Of_A_Login_And_Keep_The_User_Name()
        {
            // Given
            using var fixture = new TraceFixture { Answer = _ => TraceFixture.Json("""{"Code":0,"Message":""}""") };
            using var client = fixture.Client();

            // When
            (await client.PostAsJsonAsync("http://creatio.test/ServiceModel/AuthService.svc/Login", new Dictionary<string, string> { ["UserName"] = "Supervisor", ["UserPassword"] = Password })).Dispose();
            var (text, entries) = fixture.Saved();

            // Then
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
            var postData = entries[0]!["request"]!["postData"]!;
            Assert.Equal("""{"UserName":"Supervisor","UserPassword":"***"}""", (string)postData["text"]!);
            Assert.StartsWith("application/json", (string)postData["mimeType"]!, StringComparison.Ordinal);
            Assert.Equal("""{"Code":0,"Message":""}""", (string)entries[0]!["response"]!["content"]!["text"]!);
        }

        [Fact]
        public async Task Should_Redact_The_Client_Secret_Setting_Of_A_Settings_Write_And_Keep_The_Others()
        {
            // Given
            using var fixture = new TraceFixture();
            using var client = fixture.Client();
            var body = """{"isPersonal":false,"sysSettingsValues":{"OAuth20IdentityServerUrl":"https://identity.test/","OAuth20IdentityServerClientId":"creatio-client","""
                + $"\"OAuth20IdentityServerClientSecret\":\"{ClientSecret}\"}}}}";

            // When
            (await client.PostAsync("http://creatio.test/DataService/json/SyncReply/PostSysSettingsValues", new StringContent(body, Encoding.UTF8, "application/json"))).Dispose();
            var (text, entries) = fixture.Saved();

            // Then
            Assert.DoesNotContain(ClientSecret, text, StringComparison.Ordinal);
            Assert.Equal(
                """{"isPersonal":false,"sysSettingsValues":{"OAuth20IdentityServerUrl":"https://identity.test/","OAuth20IdentityServerClientId":"creatio-client","OAuth20IdentityServerClientSecret":"***"}}""",
                (string)entries[0]!["request"]!["postData"]!["text"]!);
        }

        [Fact]
        public async Task Should_Redact_Form_Fields_Tokens_And_Query_Parameters_That_Carry_Secrets()
        {
            // Given
            using var fixture = new TraceFixture
            {
                Answer = _ => TraceFixture.Json("""{"access_token":"eyJ-issued-token-0123456789","token_type":"Bearer","expires_in":3600}"""),
            };
            using var client = fixture.Client();
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "creatio-client",
                ["client_secret"] = ClientSecret,
            });

            // When
            (await client.PostAsync($"https://user:{Password}@identity.test/connect/token?password={Password}&x=1", form)).Dispose();
            var (text, entries) = fixture.Saved();

            // Then
            Assert.DoesNotContain(ClientSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain("eyJ-issued-token", text, StringComparison.Ordinal);
            var request = entries[0]!["request"]!;
            Assert.Equal("https://identity.test/connect/token?password=***&x=1", (string)request["url"]!);
            Assert.Equal("grant_type=client_credentials&client_id=creatio-client&client_secret=***", (string)request["postData"]!["text"]!);
            Assert.Equal(["grant_type", "client_id", "client_secret"], request["postData"]!["params"]!.AsArray().Select(field => (string)field!["name"]!));
            Assert.Equal("""{"access_token":"***","token_type":"Bearer","expires_in":3600}""", (string)entries[0]!["response"]!["content"]!["text"]!);
        }

        [Fact]
        public async Task Should_Mask_A_Secret_That_A_Server_Echoes_Where_No_Field_Name_Gives_It_Away()
        {
            // Given: the process knows the client secret (the engine registers it before any request)
            using var fixture = new TraceFixture
            {
                Answer = _ => new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent($"<html>invalid client {ClientSecret}</html>", Encoding.UTF8, "text/html") },
            };
            fixture.Masker.Add(ClientSecret);
            using var client = fixture.Client();

            // When
            (await client.GetAsync("http://creatio.test/echo")).Dispose();
            var (text, entries) = fixture.Saved();

            // Then
            Assert.DoesNotContain(ClientSecret, text, StringComparison.Ordinal);
            Assert.Equal("<html>invalid client ***</html>", (string)entries[0]!["response"]!["content"]!["text"]!);
        }

        [Fact]
        public async Task Should_Cut_A_Body_Over_64_KiB_And_Say_So()
        {
            // Given
            var large = new string('x', 100_000);
            using var fixture = new TraceFixture { Answer = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(large) } };
            using var client = fixture.Client();

            // When
            var received = await client.GetStringAsync("http://creatio.test/large");
            var (_, entries) = fixture.Saved();

            // Then: the trace is cut, what the engine read is not
            Assert.Equal(large, received);
            var content = entries[0]!["response"]!["content"]!;
            Assert.Equal(64 * 1024, ((string)content["text"]!).Length);
            Assert.Equal(100_000, (long)content["size"]!);
            Assert.Equal("Cut at 65536 of 100000 characters.", (string)content["comment"]!);
        }
    }
}
