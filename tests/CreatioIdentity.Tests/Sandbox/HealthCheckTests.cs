using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

[Collection(SandboxCollection.Name)]
public sealed class HealthCheckTests
{
    private const string HealthCheck = "api/OAuthHealthCheck";

    [Fact]
    public async Task Should_Be_Green_After_Settings_Feature_And_Resource_Were_Set_Through_The_Api()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync();
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);
        await client.PostJsonAsync("rest/FeatureService/SetFeatureStateForAllUsers", new { code = "OAuth20Integration", state = 1 });
        await client.GetJsonAsync("rest/FeatureService/ClearFeaturesCacheForAllUsers/");
        await client.PostJsonAsync("DataService/json/SyncReply/PostSysSettingsValues", new
        {
            isPersonal = false,
            sysSettingsValues = new Dictionary<string, string>
            {
                ["OAuth20IdentityServerUrl"] = sandbox.IdentityServiceUrl.ToString(),
                ["OAuth20IdentityServerClientId"] = sandbox.Options.ClientId,
                ["OAuth20IdentityServerClientSecret"] = sandbox.Options.ClientSecret,
            },
        });
        await client.PostJsonAsync("rest/OAuthConfigService/AddDefaultResource", new { });

        // When
        var (status, health) = await HealthAsync(client);

        // Then
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(health.GetProperty("HasProblem").GetBoolean());
        Assert.True(health.GetProperty("IsSystemSettingsFilledIn").GetBoolean());
        Assert.True(health.GetProperty("IsIdentityServiceAvailable").GetBoolean());
        Assert.True(health.GetProperty("IsAccessTokenRetrievableForSystemActions").GetBoolean());
        Assert.True(health.GetProperty("IsDefaultResourceRegistered").GetBoolean());
        Assert.False(health.TryGetProperty("Message", out _));
    }

    [Fact]
    public async Task Should_Answer_500_With_The_Same_Json_And_A_Message_When_Settings_Are_Empty()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync();
        sandbox.Creatio.SetFeatureState("OAuth20Integration", true);
        sandbox.Creatio.DefaultResourceRegistered = true;
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);

        // When
        var (status, health) = await HealthAsync(client);

        // Then
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.True(health.GetProperty("HasProblem").GetBoolean());
        Assert.False(health.GetProperty("IsSystemSettingsFilledIn").GetBoolean());
        Assert.False(health.GetProperty("IsIdentityServiceAvailable").GetBoolean());
        Assert.True(health.GetProperty("IsDefaultResourceRegistered").GetBoolean());
        Assert.Contains("OAuth20IdentityServerUrl", health.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task Should_Report_Everything_False_While_The_Feature_Is_Not_Effective()
    {
        // Given
        await using var sandbox = await StartHealthyAsync();
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);
        await client.PostJsonAsync("rest/FeatureService/SetFeatureStateForAllUsers", new { code = "OAuth20Integration", state = 0 });
        await client.GetJsonAsync("rest/FeatureService/ClearFeaturesCacheForAllUsers/");

        // When
        var (status, health) = await HealthAsync(client);

        // Then
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("OAuth 2.0 integration feature", health.GetProperty("Message").GetString());
        Assert.All(
            ["IsSystemSettingsFilledIn", "IsIdentityServiceAvailable", "IsAccessTokenRetrievableForSystemActions", "IsDefaultResourceRegistered"],
            name => Assert.False(health.GetProperty(name).GetBoolean(), name));
    }

    [Fact]
    public async Task Should_Report_The_Identity_Service_Unavailable_When_Creatio_Cannot_Reach_It()
    {
        // Given
        await using var sandbox = await StartHealthyAsync(new SandboxOptions { CreatioCanReachIdentityService = false });
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);
        using var runner = new HttpClient();

        // When
        var (status, health) = await HealthAsync(client);
        using var fromRunner = await runner.GetAsync(new Uri(sandbox.IdentityServiceUrl, ".well-known/openid-configuration"));

        // Then
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.True(health.GetProperty("IsSystemSettingsFilledIn").GetBoolean());
        Assert.False(health.GetProperty("IsIdentityServiceAvailable").GetBoolean());
        Assert.False(health.GetProperty("IsAccessTokenRetrievableForSystemActions").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, fromRunner.StatusCode);
    }

    [Fact]
    public async Task Should_Report_No_Token_When_The_Secret_Is_Wrong()
    {
        // Given
        await using var sandbox = await StartHealthyAsync();
        sandbox.Creatio.SetSetting("OAuth20IdentityServerClientSecret", "not-the-secret");
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);

        // When
        var (status, health) = await HealthAsync(client);

        // Then
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.True(health.GetProperty("IsIdentityServiceAvailable").GetBoolean());
        Assert.False(health.GetProperty("IsAccessTokenRetrievableForSystemActions").GetBoolean());
    }

    [Fact]
    public async Task Should_Read_The_IdentityServer_Settings_When_Separate_Settings_Are_Off()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { UseSeparateSettingsForOAuth20 = false });
        sandbox.Creatio.SetFeatureState("OAuth20Integration", true);
        sandbox.Creatio.DefaultResourceRegistered = true;
        FillIn(sandbox, "OAuth20IdentityServer");
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);

        // When
        var (_, before) = await HealthAsync(client);
        FillIn(sandbox, "IdentityServer");
        var (status, after) = await HealthAsync(client);

        // Then
        Assert.False(before.GetProperty("IsSystemSettingsFilledIn").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(after.GetProperty("IsSystemSettingsFilledIn").GetBoolean());
    }

    [Fact]
    public async Task Should_Leave_The_Default_Resource_Out_When_The_Version_Does_Not_Report_It()
    {
        // Given
        await using var sandbox = await StartHealthyAsync(new SandboxOptions { HealthCheckReportsDefaultResource = false });
        sandbox.Creatio.DefaultResourceRegistered = false;
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);

        // When
        var (status, health) = await HealthAsync(client);

        // Then
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(health.TryGetProperty("IsDefaultResourceRegistered", out _));
    }

    [Fact]
    public async Task Should_Keep_Seeing_The_Previous_Settings_Until_They_Settle()
    {
        // Given
        await using var sandbox = await StartHealthyAsync(new SandboxOptions { HealthSettleDelay = TimeSpan.FromMilliseconds(400) });
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);
        await client.PostJsonAsync("DataService/json/SyncReply/PostSysSettingsValues", new
        {
            isPersonal = false,
            sysSettingsValues = new Dictionary<string, string> { ["OAuth20IdentityServerClientSecret"] = "not-the-secret" },
        });

        // When
        var (settlingStatus, _) = await HealthAsync(client);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var (settledStatus, settled) = await HealthAsync(client);

        // Then
        Assert.Equal(HttpStatusCode.OK, settlingStatus);
        Assert.Equal(HttpStatusCode.InternalServerError, settledStatus);
        Assert.False(settled.GetProperty("IsAccessTokenRetrievableForSystemActions").GetBoolean());
    }

    /// <summary>A sandbox preset to a green health check.</summary>
    private static async Task<SandboxHost> StartHealthyAsync(SandboxOptions? options = null)
    {
        var sandbox = await SandboxHost.StartAsync(options);
        sandbox.Creatio.SetFeatureState("OAuth20Integration", true);
        sandbox.Creatio.DefaultResourceRegistered = true;
        FillIn(sandbox, "OAuth20IdentityServer");
        return sandbox;
    }

    private static void FillIn(SandboxHost sandbox, string prefix)
    {
        sandbox.Creatio.SetSetting(prefix + "Url", sandbox.IdentityServiceUrl.ToString());
        sandbox.Creatio.SetSetting(prefix + "ClientId", sandbox.Options.ClientId);
        sandbox.Creatio.SetSetting(prefix + "ClientSecret", sandbox.Options.ClientSecret);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Health)> HealthAsync(CreatioTestClient client)
    {
        using var response = await client.GetAsync(HealthCheck);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
