using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

[Collection(SandboxCollection.Name)]
public sealed class LoginTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
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

    [Fact]
    public async Task Should_Answer_Http_200_With_Code_1_And_No_Cookies_For_A_Wrong_Password()
    {
        // Given
        using var client = new CreatioTestClient(Sandbox);

        // When
        using var response = await client.LoginAsync(Sandbox.Options.CreatioUsername, "wrong-password");

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, answer.GetProperty("Code").GetInt32());
        Assert.Equal("Either the username or the password is incorrect.", answer.GetProperty("Message").GetString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Should_Answer_Code_1_For_An_Unknown_User()
    {
        // Given
        using var client = new CreatioTestClient(Sandbox);

        // When
        using var response = await client.LoginAsync("Nobody", Sandbox.Options.CreatioPassword);

        // Then
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, answer.GetProperty("Code").GetInt32());
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
