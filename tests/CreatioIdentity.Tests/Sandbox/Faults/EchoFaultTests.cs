using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox.Faults;

/// <summary>The faults of a server that says too much (issue 13), as a client on the wire sees them.</summary>
public static class EchoFaultTests
{
    private const string PostSysSettingsValues = "DataService/json/SyncReply/PostSysSettingsValues";
    private const string ClientSecretCode = "OAuth20IdentityServerClientSecret";
    private const string Value = "v\"al+ue/é";

    private static object Write => new { isPersonal = false, sysSettingsValues = new Dictionary<string, string> { [ClientSecretCode] = Value } };

    [Collection(SandboxGroup.Name)]
    public sealed class TheEchoRequestFault : LoggedInSandbox
    {
        [Fact]
        public async Task Should_Quote_The_Request_In_Every_Message_And_In_Four_Encodings()
        {
            // Given
            Sandbox.Faults.Add(Fault.EchoRequest("PostSysSettingsValues", count: 1));

            // When
            using var response = await Client.PostAsync(PostSysSettingsValues, Write);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

            // Then: the body as sent (System.Text.Json escapes the quote and the plus as \u0022 and \u002B)
            var sent = answer.GetProperty("request").GetProperty("raw").GetString()!;
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(JsonSerializer.Serialize(Value)[1..^1], sent, StringComparison.Ordinal);
            Assert.StartsWith(sent, answer.GetProperty("Message").GetString(), StringComparison.Ordinal);
            Assert.StartsWith(sent, answer.GetProperty("errorInfo").GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(Uri.EscapeDataString(sent), answer.GetProperty("request").GetProperty("urlEncoded").GetString());
            Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(sent)), answer.GetProperty("request").GetProperty("base64").GetString());
            Assert.Equal(WebUtility.HtmlEncode(sent), answer.GetProperty("request").GetProperty("html").GetString());
            Assert.NotEqual(Value, Sandbox.Creatio.GetSetting(ClientSecretCode)); // refused, not applied
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheEchoRequestPageFault : LoggedInSandbox
    {
        [Fact]
        public async Task Should_Quote_The_Request_Body_Unescaped_In_An_Html_Page()
        {
            // Given
            Sandbox.Faults.Add(Fault.EchoRequestPage("PostSysSettingsValues", count: 1));

            // When
            using var response = await Client.PostAsync(PostSysSettingsValues, Write);
            var page = await response.Content.ReadAsStringAsync();

            // Then
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains($"<pre>{JsonSerializer.Serialize(Write)}</pre>", page, StringComparison.Ordinal);
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheEchoValueFault : LoggedInSandbox
    {
        [Fact]
        public async Task Should_Quote_Each_Rejected_Value_Of_A_Json_Body()
        {
            // Given
            Sandbox.Faults.Add(Fault.EchoValue("AuthService.svc/Login", statusCode: 200, count: 1));

            // When
            using var response = await Client.LoginAsync(Sandbox.Options.CreatioUsername, Sandbox.Options.CreatioPassword);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

            // Then
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(1, answer.GetProperty("Code").GetInt32());
            Assert.Equal(
                $"The value '{Sandbox.Options.CreatioUsername}' is not valid. The value '{Sandbox.Options.CreatioPassword}' is not valid.",
                answer.GetProperty("Message").GetString());
        }

        [Fact]
        public async Task Should_Quote_Each_Value_Of_A_Form_Post_To_The_Identity_Service_Armed_Over_Http()
        {
            // Given: armed by another process
            using var http = new HttpClient { BaseAddress = Sandbox.CreatioUrl };
            using var armed = await http.PostAsync("_sandbox/faults", new StringContent(
                """{"kind":"echoValue","path":"connect/token","server":"identityService","statusCode":400}""", Encoding.UTF8, "application/json"));
            using var runner = new HttpClient { BaseAddress = Sandbox.IdentityServiceUrl };

            // When
            using var response = await runner.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = Sandbox.Options.ClientId,
                ["client_secret"] = Sandbox.Options.ClientSecret,
            }));
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

            // Then
            Assert.Equal(HttpStatusCode.Created, armed.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("invalid_request", answer.GetProperty("error").GetString());
            Assert.Contains($"The value '{Sandbox.Options.ClientSecret}' is not valid.", answer.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheHostileTextFault : LoggedInSandbox
    {
        [Fact]
        public async Task Should_Answer_A_Red_Health_Check_Whose_Message_Is_The_Hostile_Text()
        {
            // Given
            Sandbox.Faults.Add(Fault.Hostile("api/OAuthHealthCheck", count: 1));

            // When
            using var response = await Client.GetAsync("api/OAuthHealthCheck");
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

            // Then
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.True(answer.GetProperty("HasProblem").GetBoolean());
            Assert.Equal(HostileText.Value, answer.GetProperty("Message").GetString());
        }

        [Fact]
        public async Task Should_Be_Refused_Over_Http_With_A_Status_That_Is_No_Answer()
        {
            // Given
            using var http = new HttpClient { BaseAddress = Sandbox.CreatioUrl };

            // When
            using var response = await http.PostAsync("_sandbox/faults", new StringContent(
                """{"kind":"hostileText","path":"GetFeaturesInfo","statusCode":101}""", Encoding.UTF8, "application/json"));

            // Then
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("200 to 599", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Empty(Sandbox.Faults.Armed);
        }
    }
}
