using CreatioIdentity.Sandbox;
using static CreatioIdentity.Tests.Sandbox.CreatioBodies;
using static CreatioIdentity.Tests.Sandbox.SandboxPresets;

namespace CreatioIdentity.Tests.Sandbox.Features;

/// <summary>
/// The effective state for the user (8.1 FeatureValueProvider.GetFeatureState): the highest state of the
/// override rows that apply to the user, else the default; served from the cache after a clear.
/// </summary>
[Collection(SandboxGroup.Name)]
public sealed class EffectiveStateTests : LoggedInSandbox
{
    private const string ClearAll = "rest/FeatureService/ClearFeaturesCacheForAllUsers/";

    [Fact]
    public async Task Should_Stay_Off_For_System_Administrators_While_The_Package_Row_Says_0_Whatever_The_Default()
    {
        // Given
        await Client.PostJsonAsync(UpdateQueryPath, Update("AppFeature", "State", BooleanType, true, And(Equal("Code", TextType, OAuth20Integration))));

        // When
        await Client.GetJsonAsync(ClearAll);

        // Then
        Assert.True(Sandbox.Creatio.GetFeatureState(OAuth20Integration));
        Assert.False(await StateForCurrentUserAsync());
    }

    [Fact]
    public async Task Should_Turn_On_Once_The_Override_Row_Is_Updated_And_The_Cache_Cleared()
    {
        // Given
        await Client.PostJsonAsync(UpdateQueryPath, Update("AppFeature", "State", BooleanType, true, And(Equal("Code", TextType, OAuth20Integration))));
        await Client.PostJsonAsync(UpdateQueryPath, Update("AdminUnitFeatureState", "FeatureState", IntegerType, 1,
            And(Equal("Feature.Code", TextType, OAuth20Integration), Equal("SysAdminUnit.Name", TextType, SystemAdministrators))));

        // When
        var beforeClear = await StateForCurrentUserAsync();
        await Client.GetJsonAsync(ClearAll);
        var afterClear = await StateForCurrentUserAsync();

        // Then
        Assert.False(beforeClear);
        Assert.True(afterClear);
    }

    [Fact]
    public async Task Should_Take_The_Highest_Row_Of_The_Users_Units()
    {
        // Given
        Sandbox.Creatio.SetFeatureOverride(OAuth20Integration, AllEmployees, 1);

        // When
        var served = await StateForCurrentUserAsync();

        // Then: System administrators says 0, All employees 1, the default 0
        Assert.True(served);
        Assert.Equal(2, Sandbox.Creatio.GetFeatureOverrides(OAuth20Integration).Count);
    }

    [Fact]
    public async Task Should_Follow_The_Default_When_No_Row_Applies()
    {
        // Given
        Sandbox.Creatio.RemoveFeatureOverrides(OAuth20Integration);
        Sandbox.Creatio.SetFeatureState(OAuth20Integration, true);

        // When
        var served = await StateForCurrentUserAsync();

        // Then
        Assert.True(served);
    }

    [Fact]
    public async Task Should_Start_Without_The_Package_Row_When_Told()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            OAuthPackageOverrideRow = false,
            FeatureOverrides = [new FeatureOverride(OAuth20Integration, "Supervisor", 1)],
        });

        // When
        var overrides = sandbox.Creatio.GetFeatureOverrides(OAuth20Integration);

        // Then
        Assert.Equal([new FeatureOverride(OAuth20Integration, "Supervisor", 1)], overrides);
        Assert.True(sandbox.Creatio.GetEffectiveFeatureState(OAuth20Integration));
        Assert.False(sandbox.Creatio.GetFeatureState(OAuth20Integration));
    }

    [Fact]
    public void Should_Refuse_A_Preset_For_A_Unit_That_Does_Not_Exist_Or_A_Host_Switch()
    {
        // When / Then
        Assert.Throws<ArgumentException>(() => Sandbox.Creatio.SetFeatureOverride(OAuth20Integration, "Nobody", 1));
        Assert.Throws<ArgumentException>(() => Sandbox.Creatio.SetFeatureState("UseSeparateSettingsForOAuth20", false));
        Assert.Throws<ArgumentException>(() => Sandbox.Creatio.SetFeatureOverride("EnableOAuth20Integration", AllEmployees, 1));
    }

    private async Task<bool> StateForCurrentUserAsync()
    {
        var row = Assert.Single(await Client.SelectAsync(Select("AppFeature", ["StateForCurrentUser"], And(Equal("Code", TextType, OAuth20Integration)))));
        return row.GetProperty("StateForCurrentUser").GetBoolean();
    }
}
