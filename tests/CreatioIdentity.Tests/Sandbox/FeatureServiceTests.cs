using System.Text.Json;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

[Collection(SandboxCollection.Name)]
public sealed class FeatureServiceTests : LoggedInSandbox
{
    private const string OAuth20Integration = "OAuth20Integration";

    [Fact]
    public async Task Should_List_OAuth20Integration_Off_For_The_Group_And_Separate_Settings_On()
    {
        // Given a fresh Creatio

        // When
        var answer = await Client.PostJsonAsync("rest/FeatureService/GetFeaturesInfo", new { });

        // Then
        var features = answer.GetProperty("GetFeaturesInfoResult").EnumerateArray().ToDictionary(feature => feature.GetProperty("Code").GetString()!);
        Assert.False(features[OAuth20Integration].GetProperty("GroupState").GetBoolean());
        Assert.True(features["UseSeparateSettingsForOAuth20"].GetProperty("GroupState").GetBoolean());
        Assert.All(
            ["Id", "Name", "Description", "StatesInfo", "ActualState", "HasStateForUser", "HasStateForGroup"],
            name => Assert.True(features[OAuth20Integration].TryGetProperty(name, out _), name));
    }

    [Fact]
    public async Task Should_Start_With_Separate_Settings_Off_When_Told()
    {
        // Given
        await using var other = await SandboxHost.StartAsync(new SandboxOptions { UseSeparateSettingsForOAuth20 = false });
        using var otherClient = await CreatioTestClient.LoggedInAsync(other);

        // When
        var state = await otherClient.PostJsonAsync("rest/FeatureService/GetFeatureState", new { code = "UseSeparateSettingsForOAuth20" });

        // Then
        Assert.Equal(0, state.GetProperty("FeatureState").GetInt32());
    }

    [Fact]
    public async Task Should_Keep_Serving_The_Cached_State_Until_The_Cache_Is_Cleared()
    {
        // Given
        var written = await Client.PostJsonAsync("rest/FeatureService/SetFeatureStateForAllUsers", new { code = OAuth20Integration, state = 1 });

        // When
        var beforeClear = await FeatureStateAsync(OAuth20Integration);
        var cleared = await Client.GetJsonAsync("rest/FeatureService/ClearFeaturesCacheForAllUsers/");
        var afterClear = await FeatureStateAsync(OAuth20Integration);

        // Then
        Assert.Equal(JsonValueKind.Object, written.ValueKind);
        Assert.Equal(0, beforeClear);
        Assert.Equal("Cache cleared for all features", cleared.GetString());
        Assert.Equal(1, afterClear);
    }

    [Fact]
    public async Task Should_Show_The_Written_Group_State_In_Features_Info_Before_The_Cache_Is_Cleared()
    {
        // Given
        await Client.PostJsonAsync("rest/FeatureService/SetFeatureStateForAllUsers", new { code = OAuth20Integration, state = true });

        // When
        var answer = await Client.PostJsonAsync("rest/FeatureService/GetFeaturesInfo", new { });

        // Then
        var feature = answer.GetProperty("GetFeaturesInfoResult").EnumerateArray().Single(item => item.GetProperty("Code").GetString() == OAuth20Integration);
        Assert.True(feature.GetProperty("GroupState").GetBoolean());
        Assert.True(feature.GetProperty("HasStateForGroup").GetBoolean());
        Assert.True(Sandbox.Creatio.GetFeatureState(OAuth20Integration));
    }

    [Fact]
    public async Task Should_Make_A_Preset_Effective_At_Once()
    {
        // Given
        Sandbox.Creatio.SetFeatureState(OAuth20Integration, true);

        // When
        var state = await FeatureStateAsync(OAuth20Integration);

        // Then
        Assert.Equal(1, state);
    }

    [Fact]
    public async Task Should_Answer_0_For_An_Unknown_Feature()
    {
        // Given a fresh Creatio

        // When
        var state = await FeatureStateAsync("NoSuchFeature");

        // Then
        Assert.Equal(0, state);
    }

    private async Task<int> FeatureStateAsync(string code) =>
        (await Client.PostJsonAsync("rest/FeatureService/GetFeatureState", new { code })).GetProperty("FeatureState").GetInt32();
}
