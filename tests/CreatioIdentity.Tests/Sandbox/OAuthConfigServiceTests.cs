using System.Text.Json;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

[Collection(SandboxCollection.Name)]
public sealed class OAuthConfigServiceTests
{
    private const string AddDefaultResource = "rest/OAuthConfigService/AddDefaultResource";

    [Fact]
    public async Task Should_Register_The_Default_Resource_And_Name_Its_Scope()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync();
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);

        // When
        var result = (await client.PostJsonAsync(AddDefaultResource, new { })).GetProperty("AddDefaultResourceResult");

        // Then
        Assert.True(result.GetProperty("success").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("errorInfo").ValueKind);
        Assert.False(string.IsNullOrEmpty(result.GetProperty("scope").GetString()));
        Assert.True(sandbox.Creatio.DefaultResourceRegistered);
    }

    [Fact]
    public async Task Should_Say_Already_Exists_The_Second_Time()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync();
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);
        await client.PostJsonAsync(AddDefaultResource, new { });

        // When
        var result = (await client.PostJsonAsync(AddDefaultResource, new { })).GetProperty("AddDefaultResourceResult");

        // Then
        Assert.False(result.GetProperty("success").GetBoolean());
        Assert.Contains("already exists", result.GetProperty("errorInfo").GetProperty("message").GetString());
        Assert.True(sandbox.Creatio.DefaultResourceRegistered);
    }

    [Fact]
    public async Task Should_Name_The_Host_Key_When_OAuth_Is_Disabled_On_The_Host()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { HostOAuthEnabled = false });
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);

        // When
        var result = (await client.PostJsonAsync(AddDefaultResource, new { })).GetProperty("AddDefaultResourceResult");

        // Then
        Assert.False(result.GetProperty("success").GetBoolean());
        Assert.Equal(
            "OAuth 2.0 integration is disabled (Feature-EnableOAuth20Integration)",
            result.GetProperty("errorInfo").GetProperty("message").GetString());
        Assert.False(sandbox.Creatio.DefaultResourceRegistered);
    }
}
