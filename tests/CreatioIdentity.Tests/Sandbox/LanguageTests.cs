using System.Net.Http.Json;
using System.Text.Json;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

/// <summary>SandboxOptions.Language: every human message in the user's language, every error code unchanged.</summary>
[Collection(SandboxGroup.Name)]
public sealed class LanguageTests
{
    [Fact]
    public async Task Should_Answer_Every_Message_In_Russian_And_Keep_The_Codes()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Language = "ru-RU" });
        using var client = new CreatioTestClient(sandbox);
        using var refused = await client.LoginAsync(sandbox.Options.CreatioUsername, "wrong-password");
        (await client.LoginAsync(sandbox.Options.CreatioUsername, sandbox.Options.CreatioPassword)).Dispose();
        await client.PostJsonAsync("rest/OAuthConfigService/AddDefaultResource", new { });

        // When
        var login = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var resource = (await client.PostJsonAsync("rest/OAuthConfigService/AddDefaultResource", new { })).GetProperty("AddDefaultResourceResult");
        var query = await client.PostJsonAsync(CreatioBodies.SelectQueryPath, CreatioBodies.Select("NoSuchEntity", ["Id"]));
        using var healthResponse = await client.GetAsync("api/OAuthHealthCheck");
        var health = await healthResponse.Content.ReadFromJsonAsync<JsonElement>();

        // Then
        Assert.Equal(1, login.GetProperty("Code").GetInt32());
        Assert.StartsWith("Введен неверный логин/пароль", login.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.Equal("ItemAlreadyExistException", resource.GetProperty("errorInfo").GetProperty("errorCode").GetString());
        Assert.StartsWith("Элемент", resource.GetProperty("errorInfo").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("ItemNotFoundException", query.GetProperty("errorInfo").GetProperty("errorCode").GetString());
        Assert.StartsWith("Схема", query.GetProperty("errorInfo").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(health.GetProperty("HasProblem").GetBoolean());
        Assert.Contains("выключена", health.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Word_The_Host_Key_Message_In_Russian_Without_An_Error_Code()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Language = "ru-RU", HostOAuthEnabled = false });
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);

        // When
        var result = (await client.PostJsonAsync("rest/OAuthConfigService/AddDefaultResource", new { })).GetProperty("AddDefaultResourceResult");

        // Then
        Assert.Equal(JsonValueKind.Null, result.GetProperty("errorInfo").GetProperty("errorCode").ValueKind);
        Assert.StartsWith("Для включения авторизации по OAuth 2.0", result.GetProperty("errorInfo").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Refuse_A_Language_It_Does_Not_Speak()
    {
        // When / Then
        await Assert.ThrowsAsync<ArgumentException>(() => SandboxHost.StartAsync(new SandboxOptions { Language = "de-DE" }));
    }
}
