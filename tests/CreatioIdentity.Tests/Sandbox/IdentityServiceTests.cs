using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

[Collection(SandboxGroup.Name)]
public sealed class IdentityServiceTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private SandboxHost Sandbox => fixture.Sandbox;

    [Fact]
    public async Task Should_Publish_A_Discovery_Document_With_The_Token_Endpoint()
    {
        // Given
        using var http = new HttpClient();

        // When
        var discovery = await http.GetFromJsonAsync<JsonElement>(new Uri(Sandbox.IdentityServiceUrl, ".well-known/openid-configuration"));

        // Then
        Assert.Equal(new Uri(Sandbox.IdentityServiceUrl, "connect/token").ToString(), discovery.GetProperty("token_endpoint").GetString());
        Assert.Contains("client_credentials", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(grant => grant.GetString()));
    }

    [Fact]
    public async Task Should_Issue_A_Client_Credentials_Token_For_The_Configured_Client()
    {
        // Given
        using var http = new HttpClient();

        // When
        using var response = await RequestTokenAsync(http, Sandbox.Options.ClientId, Sandbox.Options.ClientSecret);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(token.GetProperty("access_token").GetString()));
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
    }

    [Fact]
    public async Task Should_Answer_Invalid_Client_For_A_Wrong_Secret()
    {
        // Given
        using var http = new HttpClient();

        // When
        using var response = await RequestTokenAsync(http, Sandbox.Options.ClientId, "not-the-secret");

        // Then
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_client", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Should_Answer_Invalid_Client_For_An_Unknown_Client()
    {
        // Given
        using var http = new HttpClient();

        // When
        using var response = await RequestTokenAsync(http, "nobody", Sandbox.Options.ClientSecret);

        // Then
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_client", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Should_Issue_Tokens_To_Additional_Clients()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            AdditionalClients = new Dictionary<string, string> { ["second-client"] = "second-secret" },
        });
        using var http = new HttpClient();

        // When
        using var response = await RequestTokenAsync(http, "second-client", "second-secret", sandbox);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> RequestTokenAsync(HttpClient http, string clientId, string clientSecret, SandboxHost? sandbox = null)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });
        return await http.PostAsync(new Uri((sandbox ?? Sandbox).IdentityServiceUrl, "connect/token"), form);
    }
}
