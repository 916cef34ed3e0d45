using System.Text.Json;
using static CreatioIdentity.Tests.Sandbox.CreatioBodies;
using static CreatioIdentity.Tests.Sandbox.SandboxPresets;

namespace CreatioIdentity.Tests.Sandbox.DataService;

/// <summary>DataService UpdateQuery: writes go to the store, never to the feature cache; a refusal writes nothing.</summary>
[Collection(SandboxGroup.Name)]
public sealed class UpdateQueryTests : LoggedInSandbox
{
    private const string OAuthFeatureId = "f836e885-8e51-44dd-879c-37c901210874";

    [Fact]
    public async Task Should_Write_The_Default_State_By_Code_And_Leave_The_Cache_Alone()
    {
        // Given
        Sandbox.Creatio.RemoveFeatureOverrides(OAuth20Integration);

        // When
        var answer = await Client.PostJsonAsync(UpdateQueryPath, Update("AppFeature", "State", BooleanType, true, And(Equal("Code", TextType, OAuth20Integration))));

        // Then
        Assert.True(answer.GetProperty("success").GetBoolean());
        Assert.Equal(1, answer.GetProperty("rowsAffected").GetInt32());
        var row = Assert.Single(await Client.SelectAsync(Select("AppFeature", ["State", "StateForCurrentUser"], And(Equal("Code", TextType, OAuth20Integration)))));
        Assert.True(row.GetProperty("State").GetBoolean());
        Assert.False(row.GetProperty("StateForCurrentUser").GetBoolean());
        Assert.True(Sandbox.Creatio.GetFeatureState(OAuth20Integration));
        Assert.False(Sandbox.Creatio.GetEffectiveFeatureState(OAuth20Integration));
        Assert.EndsWith("/UpdateQuery", Assert.Single(Sandbox.Creatio.Writes).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Write_The_Default_State_By_Id()
    {
        // When
        var answer = await Client.PostJsonAsync(UpdateQueryPath, Update("AppFeature", "State", BooleanType, true, And(Equal("Id", GuidType, OAuthFeatureId))));

        // Then
        Assert.Equal(1, answer.GetProperty("rowsAffected").GetInt32());
        Assert.True(Sandbox.Creatio.GetFeatureState(OAuth20Integration));
    }

    [Fact]
    public async Task Should_Refuse_A_Feature_That_Is_Not_In_The_Database_And_Write_Nothing()
    {
        // Given
        var filters = Or(Equal("Code", TextType, OAuth20Integration), Equal("Code", TextType, "UseSeparateSettingsForOAuth20"));

        // When
        var answer = await Client.PostJsonAsync(UpdateQueryPath, Update("AppFeature", "State", BooleanType, false, filters));

        // Then
        Assert.False(answer.GetProperty("success").GetBoolean());
        Assert.Equal(-1, answer.GetProperty("rowsAffected").GetInt32());
        Assert.Contains("GlobalAppSettings", answer.GetProperty("errorInfo").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(Sandbox.Creatio.GetFeatureState(OAuth20Integration));
        Assert.True(Assert.Single(Sandbox.Creatio.Writes).IsWrite);
    }

    [Fact]
    public async Task Should_Change_An_Override_Row_By_Id()
    {
        // When
        var answer = await Client.PostJsonAsync(UpdateQueryPath,
            Update("AdminUnitFeatureState", "FeatureState", IntegerType, 1, And(Equal("Id", GuidType, "e070cb4a-0cf5-483f-91a7-76310979e5df"))));

        // Then
        Assert.Equal(1, answer.GetProperty("rowsAffected").GetInt32());
        Assert.Equal([new CreatioIdentity.Sandbox.FeatureOverride(OAuth20Integration, SystemAdministrators, 1)], Sandbox.Creatio.GetFeatureOverrides(OAuth20Integration));
        Assert.False(Sandbox.Creatio.GetEffectiveFeatureState(OAuth20Integration));
    }

    [Fact]
    public async Task Should_Answer_Zero_Rows_When_Nothing_Matches()
    {
        // When
        var answer = await Client.PostJsonAsync(UpdateQueryPath, Update("AppFeature", "State", BooleanType, true, And(Equal("Code", TextType, "NoSuchFeature"))));

        // Then
        Assert.True(answer.GetProperty("success").GetBoolean());
        Assert.Equal(0, answer.GetProperty("rowsAffected").GetInt32());
    }

    [Theory]
    [InlineData("OAuthResource", "IsDefault", BooleanType, true, "OAuthResource")]
    [InlineData("AppFeature", "StateForCurrentUser", BooleanType, true, "StateForCurrentUser")]
    [InlineData("AppFeature", "State", TextType, "yes", "State")]
    [InlineData("AppFeature", "NoSuchColumn", BooleanType, true, "NoSuchColumn")]
    public async Task Should_Refuse_What_It_Cannot_Write_And_Say_Which(string entity, string column, int type, object value, string named)
    {
        // When
        var answer = await Client.PostJsonAsync(UpdateQueryPath, Update(entity, column, type, value, And(Equal("Id", GuidType, OAuthFeatureId))));

        // Then
        Assert.False(answer.GetProperty("success").GetBoolean());
        Assert.Equal(-1, answer.GetProperty("rowsAffected").GetInt32());
        Assert.Contains(named, answer.GetProperty("errorInfo").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(Sandbox.Creatio.GetFeatureState(OAuth20Integration));
    }

    [Fact]
    public async Task Should_Refuse_An_Update_Without_Filters()
    {
        // When
        var answer = await Client.PostJsonAsync(UpdateQueryPath, Update("AppFeature", "State", BooleanType, true, filters: null));

        // Then
        Assert.False(answer.GetProperty("success").GetBoolean());
        Assert.Equal(JsonValueKind.String, answer.GetProperty("errorInfo").GetProperty("errorCode").ValueKind);
        Assert.False(Sandbox.Creatio.GetFeatureState(OAuth20Integration));
    }
}
