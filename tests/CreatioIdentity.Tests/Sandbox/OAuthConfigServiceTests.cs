using System.Text.Json;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

/// <summary>OAuthConfigService.AddDefaultResource as 8.1's OAuthConfigService.OAuth20.cs answers it.</summary>
[Collection(SandboxGroup.Name)]
public sealed class OAuthConfigServiceTests
{
    private const string AddDefaultResource = "rest/OAuthConfigService/AddDefaultResource";

    [Fact]
    public async Task Should_Create_The_Default_Resource_Row_And_Answer_Its_Name_As_Scope()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync();
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);

        // When
        var result = (await client.PostJsonAsync(AddDefaultResource, new { })).GetProperty("AddDefaultResourceResult");

        // Then
        Assert.True(result.GetProperty("success").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("errorInfo").ValueKind);
        var scope = result.GetProperty("scope").GetString();
        Assert.Matches("^ApplicationAccess_[0-9a-f]{32}$", scope);
        var row = Assert.Single(await client.SelectAsync(CreatioBodies.Select("OAuthResource", ["Name", "DisplayName", "IsDefault"],
            CreatioBodies.And(CreatioBodies.Equal("IsDefault", CreatioBodies.BooleanType, true)))));
        Assert.Equal(scope, row.GetProperty("Name").GetString());
        Assert.Equal("Application access", row.GetProperty("DisplayName").GetString());
        Assert.Equal(scope, sandbox.Creatio.DefaultResourceName);
    }

    [Fact]
    public async Task Should_Answer_ItemAlreadyExistException_The_Second_Time()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync();
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);
        await client.PostJsonAsync(AddDefaultResource, new { });

        // When
        var result = (await client.PostJsonAsync(AddDefaultResource, new { })).GetProperty("AddDefaultResourceResult");

        // Then
        Assert.False(result.GetProperty("success").GetBoolean());
        Assert.Equal("ItemAlreadyExistException", result.GetProperty("errorInfo").GetProperty("errorCode").GetString());
        Assert.Contains(sandbox.Creatio.DefaultResourceName!, result.GetProperty("errorInfo").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, sandbox.Creatio.Writes.Count);
    }

    [Fact]
    public async Task Should_Answer_Only_A_Message_And_No_Error_Code_When_OAuth_Is_Off_On_The_Host()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { HostOAuthEnabled = false });
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);

        // When
        var result = (await client.PostJsonAsync(AddDefaultResource, new { })).GetProperty("AddDefaultResourceResult");

        // Then
        Assert.False(result.GetProperty("success").GetBoolean());
        var error = result.GetProperty("errorInfo");
        Assert.Equal(JsonValueKind.Null, error.GetProperty("errorCode").ValueKind);
        Assert.Equal(
            "To enable OAuth 2.0 set Feature-EnableOAuth20Integration = true in AppSettings section of application config file",
            error.GetProperty("message").GetString());
        Assert.False(sandbox.Creatio.DefaultResourceRegistered);
    }
}
