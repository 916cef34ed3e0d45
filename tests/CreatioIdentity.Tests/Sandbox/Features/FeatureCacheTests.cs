using System.Text;
using CreatioIdentity.Sandbox;
using static CreatioIdentity.Tests.Sandbox.CreatioBodies;
using static CreatioIdentity.Tests.Sandbox.SandboxPresets;

namespace CreatioIdentity.Tests.Sandbox.Features;

/// <summary>FeatureService/ClearFeaturesCacheForAllUsers: empty for all features, base64 of a code for one, late on a web farm.</summary>
[Collection(SandboxGroup.Name)]
public sealed class FeatureCacheTests : LoggedInSandbox
{
    private const string Clear = "rest/FeatureService/ClearFeaturesCacheForAllUsers/";

    [Fact]
    public async Task Should_Serve_The_Old_State_Until_The_Cache_Of_All_Features_Is_Cleared()
    {
        // Given
        Sandbox.Creatio.RemoveFeatureOverrides(OAuth20Integration);
        await Client.PostJsonAsync(UpdateQueryPath, Update("AppFeature", "State", BooleanType, true, And(Equal("Code", TextType, OAuth20Integration))));

        // When
        var beforeClear = await FeatureStateAsync(OAuth20Integration);
        var cleared = await Client.GetJsonAsync(Clear);
        var afterClear = await FeatureStateAsync(OAuth20Integration);

        // Then
        Assert.Equal(0, beforeClear);
        Assert.Equal("Cache cleared for all features", cleared.GetString());
        Assert.Equal(1, afterClear);
        Assert.Equal(2, Sandbox.Creatio.Writes.Count);
    }

    [Fact]
    public async Task Should_Clear_Only_The_Feature_Named_In_Base64()
    {
        // Given
        Sandbox.Creatio.RemoveFeatureOverrides(OAuth20Integration);
        await Client.PostJsonAsync(UpdateQueryPath, Update("AppFeature", "State", BooleanType, true, And(Equal("Code", TextType, OAuth20Integration))));
        await Client.PostJsonAsync(UpdateQueryPath, Update("AdminUnitFeatureState", "FeatureState", IntegerType, 0, And(Equal("Feature.Code", TextType, "RefreshAccessTokenUnderLock"))));
        var name = Convert.ToBase64String(Encoding.UTF8.GetBytes(OAuth20Integration));

        // When
        var cleared = await Client.GetJsonAsync(Clear + name);

        // Then
        Assert.Equal($"Cache cleared for feature {name}", cleared.GetString());
        Assert.Equal(1, await FeatureStateAsync(OAuth20Integration));
        Assert.Equal(1, await FeatureStateAsync("RefreshAccessTokenUnderLock"));
    }

    [Fact]
    public async Task Should_Take_Effect_Only_After_The_Web_Farm_Delay()
    {
        // Given: a delay far longer than one request takes even on a busy machine (the first read must fall within it)
        var delay = TimeSpan.FromSeconds(5);
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            OAuthPackageOverrideRow = false,
            FeatureCacheDelay = delay,
        });
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);
        await client.PostJsonAsync(UpdateQueryPath, Update("AppFeature", "State", BooleanType, true, And(Equal("Code", TextType, OAuth20Integration))));

        // When
        await client.GetJsonAsync(Clear);
        var atOnce = sandbox.Creatio.GetEffectiveFeatureState(OAuth20Integration);
        await Task.Delay(delay + TimeSpan.FromMilliseconds(500));
        var later = sandbox.Creatio.GetEffectiveFeatureState(OAuth20Integration);

        // Then
        Assert.False(atOnce);
        Assert.True(later);
    }

    private async Task<int> FeatureStateAsync(string code) =>
        (await Client.PostJsonAsync("rest/FeatureService/GetFeatureState", new { code })).GetProperty("FeatureState").GetInt32();
}
