using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

/// <summary>GET api/OAuthHealthCheck: the documented fields only, HTTP 500 on a problem, and its real-world variants.</summary>
public static class HealthCheckTests
{
    private const string HealthCheck = "api/OAuthHealthCheck";

    private static readonly string[] DocumentedFields =
        ["HasProblem", "IsSystemSettingsFilledIn", "IsIdentityServiceAvailable", "IsAccessTokenRetrievableForSystemActions"];

    [Collection(SandboxGroup.Name)]
    public sealed class TheAnswer
    {
        [Fact]
        public async Task Should_Be_Green_With_The_Documented_Fields_Only_After_A_Connection_Through_The_Api()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { OAuthPackageOverrideRow = false });
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);
            await client.PostJsonAsync(CreatioBodies.UpdateQueryPath, CreatioBodies.Update("AppFeature", "State", CreatioBodies.BooleanType, true,
                CreatioBodies.And(CreatioBodies.Equal("Code", CreatioBodies.TextType, "OAuth20Integration"))));
            await client.GetJsonAsync("rest/FeatureService/ClearFeaturesCacheForAllUsers/");
            await client.PostJsonAsync("DataService/json/SyncReply/PostSysSettingsValues", CreatioBodies.PostSysSettings(new Dictionary<string, object?>
            {
                ["OAuth20IdentityServerUrl"] = sandbox.IdentityServiceUrl.ToString(),
                ["OAuth20IdentityServerClientId"] = sandbox.Options.ClientId,
                ["OAuth20IdentityServerClientSecret"] = sandbox.Options.ClientSecret,
            }));

            // When
            var (status, health) = await HealthAsync(client);

            // Then
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(DocumentedFields, health.EnumerateObject().Select(field => field.Name));
            Assert.False(health.GetProperty("HasProblem").GetBoolean());
            Assert.All(DocumentedFields.Skip(1), name => Assert.True(health.GetProperty(name).GetBoolean(), name));
        }

        [Fact]
        public async Task Should_Answer_500_With_The_Same_Json_And_A_Message_When_Settings_Are_Empty()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync();
            sandbox.Connected();
            sandbox.Creatio.SetSetting("OAuth20IdentityServerUrl", null);
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);

            // When
            var (status, health) = await HealthAsync(client);

            // Then
            Assert.Equal(HttpStatusCode.InternalServerError, status);
            Assert.Equal([.. DocumentedFields, "Message"], health.EnumerateObject().Select(field => field.Name));
            Assert.True(health.GetProperty("HasProblem").GetBoolean());
            Assert.False(health.GetProperty("IsSystemSettingsFilledIn").GetBoolean());
            Assert.Contains("OAuth20IdentityServerUrl", health.GetProperty("Message").GetString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Say_The_Feature_Is_Off_While_The_Package_Row_Keeps_It_Off_For_Administrators()
        {
            // Given: the default on and the settings filled in, the System administrators row still at 0
            await using var sandbox = await SandboxHost.StartAsync();
            sandbox.Connected();
            sandbox.Creatio.SetFeatureOverride("OAuth20Integration", "System administrators", 0);
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);

            // When
            var (status, health) = await HealthAsync(client);

            // Then
            Assert.Equal(HttpStatusCode.InternalServerError, status);
            Assert.Contains("OAuth20Integration", health.GetProperty("Message").GetString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Report_No_Token_When_The_Secret_Is_Wrong()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync();
            sandbox.Connected();
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
        public async Task Should_Keep_Seeing_The_Previous_Settings_Until_They_Settle()
        {
            // Given: a settling time far longer than one request takes even on a busy machine (the first read must fall within it)
            var settle = TimeSpan.FromSeconds(5);
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { HealthSettleDelay = settle });
            sandbox.Connected();
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);
            await client.PostJsonAsync("DataService/json/SyncReply/PostSysSettingsValues",
                CreatioBodies.PostSysSettings(new Dictionary<string, object?> { ["OAuth20IdentityServerClientSecret"] = "not-the-secret" }));

            // When
            var (settlingStatus, _) = await HealthAsync(client);
            await Task.Delay(settle + TimeSpan.FromMilliseconds(500));
            var (settledStatus, settled) = await HealthAsync(client);

            // Then
            Assert.Equal(HttpStatusCode.OK, settlingStatus);
            Assert.Equal(HttpStatusCode.InternalServerError, settledStatus);
            Assert.False(settled.GetProperty("IsAccessTokenRetrievableForSystemActions").GetBoolean());
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheHostSettings
    {
        [Fact]
        public async Task Should_Read_The_IdentityServer_Settings_When_The_Host_Does_Not_Use_Separate_Settings()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { UseSeparateSettingsForOAuth20 = false });
            sandbox.Connected();
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);

            // When
            var (_, before) = await HealthAsync(client);
            sandbox.FillIn("IdentityServer");
            var (status, after) = await HealthAsync(client);

            // Then
            Assert.False(before.GetProperty("IsSystemSettingsFilledIn").GetBoolean());
            Assert.Contains("IdentityServerUrl", before.GetProperty("Message").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(after.GetProperty("IsSystemSettingsFilledIn").GetBoolean());
        }

        [Fact]
        public async Task Should_Name_The_Host_Key_When_OAuth_Is_Off_On_The_Host()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { HostOAuthEnabled = false });
            sandbox.Connected();
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);

            // When
            var (status, health) = await HealthAsync(client);

            // Then
            Assert.Equal(HttpStatusCode.InternalServerError, status);
            Assert.Contains("Feature-EnableOAuth20Integration", health.GetProperty("Message").GetString(), StringComparison.Ordinal);
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheVariants
    {
        [Fact]
        public async Task Should_Not_Exist_Before_8_1_2_On_Net_Framework_And_8_3_2_On_Net()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { HealthCheckAvailable = false });
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);

            // When
            using var response = await client.GetAsync(HealthCheck);

            // Then
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        [Fact]
        public async Task Should_Report_The_Identity_Service_Unavailable_When_Creatio_Cannot_Reach_It_After_Its_Own_Timeout()
        {
            // Given
            var options = new SandboxOptions { CreatioCanReachIdentityService = false, UnreachableHealthDelay = TimeSpan.FromMilliseconds(700) };
            await using var sandbox = await SandboxHost.StartAsync(options);
            sandbox.Connected();
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);
            using var runner = new HttpClient();

            // When
            var clock = Stopwatch.StartNew();
            var (status, health) = await HealthAsync(client);
            var waited = clock.Elapsed;
            using var fromRunner = await runner.GetAsync(new Uri(sandbox.IdentityServiceUrl, ".well-known/openid-configuration"));

            // Then
            Assert.Equal(HttpStatusCode.InternalServerError, status);
            Assert.True(health.GetProperty("IsSystemSettingsFilledIn").GetBoolean());
            Assert.False(health.GetProperty("IsIdentityServiceAvailable").GetBoolean());
            Assert.False(health.GetProperty("IsAccessTokenRetrievableForSystemActions").GetBoolean());
            Assert.True(waited >= TimeSpan.FromMilliseconds(650), $"answered after {waited.TotalMilliseconds} ms");
            Assert.Equal(HttpStatusCode.OK, fromRunner.StatusCode);
        }

        [Fact]
        public async Task Should_Answer_A_Problem_That_No_Flag_Explains()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { UnexplainedHealthProblem = true });
            sandbox.Connected();
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);

            // When
            var (status, health) = await HealthAsync(client);

            // Then
            Assert.Equal(HttpStatusCode.InternalServerError, status);
            Assert.True(health.GetProperty("HasProblem").GetBoolean());
            Assert.All(DocumentedFields.Skip(1), name => Assert.True(health.GetProperty(name).GetBoolean(), name));
            Assert.Contains("scope", health.GetProperty("Message").GetString(), StringComparison.Ordinal);
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Health)> HealthAsync(CreatioTestClient client)
    {
        using var response = await client.GetAsync(HealthCheck);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
