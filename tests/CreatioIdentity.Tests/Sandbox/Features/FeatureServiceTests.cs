using System.Net;
using System.Text.Json;
using CreatioIdentity.Sandbox;
using static CreatioIdentity.Tests.Sandbox.SandboxPresets;

namespace CreatioIdentity.Tests.Sandbox.Features;

/// <summary>
/// The old FeatureService routes, as Creatio 8.1 really behaves (FeatureService.CrtBase.cs,
/// FeatureValueProvider.CrtFeatureToggling.cs, FeatureInfo.CrtFeatureToggling.cs). The product no longer
/// calls them; they answer faithfully so that a test can prove what calling them would do.
/// </summary>
public static class FeatureServiceTests
{
    private const string SetForAllUsers = "rest/FeatureService/SetFeatureStateForAllUsers";

    [Collection(SandboxGroup.Name)]
    public sealed class TheGetFeatureStateMethod : LoggedInSandbox
    {
        [Fact]
        public async Task Should_Answer_The_Cached_Effective_State_For_The_Caller()
        {
            // Given: the default written, the cache not cleared
            Sandbox.Creatio.RemoveFeatureOverrides(OAuth20Integration);
            Sandbox.Creatio.SetFeatureState("RefreshAccessTokenUnderLock", false);

            // When
            var oauth = await FeatureStateAsync(Client, OAuth20Integration);
            var refresh = await FeatureStateAsync(Client, "RefreshAccessTokenUnderLock");
            var unknown = await FeatureStateAsync(Client, "NoSuchFeature");

            // Then: All employees' row keeps RefreshAccessTokenUnderLock on whatever its default
            Assert.Equal((0, 1, 0), (oauth, refresh, unknown));
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheSetFeatureStateForAllUsersMethod : LoggedInSandbox
    {
        [Fact]
        public async Task Should_Set_Every_Existing_Override_Row_And_Never_The_Default_Nor_The_Cache()
        {
            // Given
            Sandbox.Creatio.SetFeatureOverride(OAuth20Integration, AllEmployees, 0);

            // When
            var answer = await Client.PostJsonAsync(SetForAllUsers, new { code = OAuth20Integration, state = 1 });

            // Then
            Assert.Equal(JsonValueKind.Object, answer.ValueKind);
            Assert.Equal(
                [new FeatureOverride(OAuth20Integration, SystemAdministrators, 1), new FeatureOverride(OAuth20Integration, AllEmployees, 1)],
                Sandbox.Creatio.GetFeatureOverrides(OAuth20Integration));
            Assert.False(Sandbox.Creatio.GetFeatureState(OAuth20Integration));
            Assert.Equal(0, await FeatureStateAsync(Client, OAuth20Integration));
            Assert.EndsWith("SetFeatureStateForAllUsers", Assert.Single(Sandbox.Creatio.Writes).Path, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Create_A_Row_For_The_Calling_User_Only_When_There_Is_None()
        {
            // Given
            Sandbox.Creatio.RemoveFeatureOverrides(OAuth20Integration);

            // When
            await Client.PostJsonAsync(SetForAllUsers, new { code = OAuth20Integration, state = 1 });

            // Then: on for the caller, still off by default for everyone else
            Assert.Equal([new FeatureOverride(OAuth20Integration, Sandbox.Options.CreatioUsername, 1)], Sandbox.Creatio.GetFeatureOverrides(OAuth20Integration));
            Assert.False(Sandbox.Creatio.GetFeatureState(OAuth20Integration));
        }

        [Fact]
        public async Task Should_Answer_500_For_A_Feature_Not_In_The_Feature_Table()
        {
            // When
            using var unknown = await Client.PostAsync(SetForAllUsers, new { code = "UseSeparateSettingsForOAuth20", state = 1 });
            using var notANumber = await Client.PostAsync(SetForAllUsers, new { code = OAuth20Integration, state = true });

            // Then
            Assert.Equal(HttpStatusCode.InternalServerError, unknown.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
            Assert.Single(Sandbox.Creatio.GetFeatureOverrides(OAuth20Integration));
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheGetFeaturesInfoMethod(SandboxFixture fixture) : IClassFixture<SandboxFixture>
    {
        [Fact]
        public async Task Should_Show_A_Group_State_Only_For_A_Feature_With_An_All_Employees_Row()
        {
            // Given
            using var client = await CreatioTestClient.LoggedInAsync(fixture.Sandbox);

            // When
            var answer = await client.PostJsonAsync("rest/FeatureService/GetFeaturesInfo", new { });

            // Then
            var features = answer.GetProperty("GetFeaturesInfoResult").EnumerateArray().ToDictionary(feature => feature.GetProperty("Code").GetString()!);
            var oauth = features[OAuth20Integration];
            Assert.False(oauth.GetProperty("HasStateForGroup").GetBoolean());
            Assert.Equal(0, oauth.GetProperty("GroupState").GetInt32());
            Assert.False(oauth.GetProperty("HasStateForUser").GetBoolean());
            var row = Assert.Single(oauth.GetProperty("StatesInfo").EnumerateArray());
            Assert.Equal("83a43ebc-f36b-1410-298d-001e8c82bcad", row.GetProperty("adminUnitId").GetString());
            Assert.Equal(0, row.GetProperty("state").GetInt32());
            var refresh = features["RefreshAccessTokenUnderLock"];
            Assert.True(refresh.GetProperty("HasStateForGroup").GetBoolean());
            Assert.Equal(1, refresh.GetProperty("GroupState").GetInt32());
            Assert.DoesNotContain("UseSeparateSettingsForOAuth20", features.Keys);
        }
    }

    private static async Task<int> FeatureStateAsync(CreatioTestClient client, string code) =>
        (await client.PostJsonAsync("rest/FeatureService/GetFeatureState", new { code })).GetProperty("FeatureState").GetInt32();
}
