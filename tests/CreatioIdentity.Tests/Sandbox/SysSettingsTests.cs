using System.Text.Json;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

[Collection(SandboxCollection.Name)]
public sealed class SysSettingsTests : LoggedInSandbox
{
    private const string Query = "DataService/json/SyncReply/QuerySysSettings";
    private const string Post = "DataService/json/SyncReply/PostSysSettingsValues";

    [Fact]
    public async Task Should_Leave_The_Secret_And_Unknown_Codes_Out_Of_The_Values()
    {
        // Given
        Sandbox.Creatio.SetSetting("OAuth20IdentityServerUrl", "http://is.example/");
        Sandbox.Creatio.SetSetting("OAuth20IdentityServerClientSecret", "s3cret");

        // When
        var answer = await Client.PostJsonAsync(Query, CreatioBodies.QuerySysSettings(
            "OAuth20IdentityServerUrl", "OAuth20IdentityServerClientSecret", "IdentityServerClientSecret", "NoSuchSetting"));

        // Then
        Assert.True(answer.GetProperty("success").GetBoolean());
        var values = answer.GetProperty("values");
        Assert.Equal(["OAuth20IdentityServerUrl"], values.EnumerateObject().Select(value => value.Name));
        Assert.Equal("http://is.example/", values.GetProperty("OAuth20IdentityServerUrl").GetProperty("value").GetString());
        Assert.Equal("http://is.example/", values.GetProperty("OAuth20IdentityServerUrl").GetProperty("displayValue").GetString());
    }

    [Fact]
    public async Task Should_Answer_An_Integer_Setting_As_A_Number()
    {
        // Given
        Sandbox.Creatio.SetSetting("MaxFileSize", "25");

        // When
        var answer = await Client.PostJsonAsync(Query, CreatioBodies.QuerySysSettings("MaxFileSize"));

        // Then
        Assert.Equal(25, answer.GetProperty("values").GetProperty("MaxFileSize").GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task Should_Report_A_Save_Result_Per_Code_And_Store_Only_The_Known_Ones()
    {
        // Given
        var values = new Dictionary<string, string>
        {
            ["OAuth20IdentityServerUrl"] = "http://127.0.0.1:1/",
            ["OAuth20IdentityServerClientId"] = "client",
            ["OAuth20IdentityServerClientSecret"] = "secret",
            ["NoSuchSetting"] = "x",
        };

        // When
        var answer = await Client.PostJsonAsync(Post, new { isPersonal = false, sysSettingsValues = values });

        // Then
        var saveResult = answer.GetProperty("saveResult");
        Assert.True(saveResult.GetProperty("OAuth20IdentityServerUrl").GetBoolean());
        Assert.True(saveResult.GetProperty("OAuth20IdentityServerClientId").GetBoolean());
        Assert.True(saveResult.GetProperty("OAuth20IdentityServerClientSecret").GetBoolean());
        Assert.False(saveResult.GetProperty("NoSuchSetting").GetBoolean());
        Assert.Equal("secret", Sandbox.Creatio.GetSetting("OAuth20IdentityServerClientSecret"));
        Assert.Null(Sandbox.Creatio.GetSetting("NoSuchSetting"));
    }

    [Fact]
    public async Task Should_Refuse_A_Value_That_Is_Not_An_Integer_For_An_Integer_Setting()
    {
        // Given
        var values = new Dictionary<string, object> { ["MaxFileSize"] = "big", ["SiteUrl"] = "http://creatio.example/" };

        // When
        var answer = await Client.PostJsonAsync(Post, new { isPersonal = false, sysSettingsValues = values });

        // Then
        Assert.False(answer.GetProperty("saveResult").GetProperty("MaxFileSize").GetBoolean());
        Assert.True(answer.GetProperty("saveResult").GetProperty("SiteUrl").GetBoolean());
        Assert.Equal("10", Sandbox.Creatio.GetSetting("MaxFileSize"));
    }

    [Fact]
    public async Task Should_Read_Back_What_Was_Written()
    {
        // Given
        await Client.PostJsonAsync(Post, new { isPersonal = false, sysSettingsValues = new { SiteUrl = "http://creatio.example/" } });

        // When
        var answer = await Client.PostJsonAsync(Query, CreatioBodies.QuerySysSettings("SiteUrl"));

        // Then
        Assert.Equal("http://creatio.example/", answer.GetProperty("values").GetProperty("SiteUrl").GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.True, answer.GetProperty("success").ValueKind);
    }
}
