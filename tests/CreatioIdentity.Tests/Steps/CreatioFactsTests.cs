using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.Steps;
using CreatioIdentity.Tests.Creatio;

namespace CreatioIdentity.Tests.Steps;

/// <summary>No read is repeated within a process, and a write forgets what it may have changed.</summary>
public sealed class CreatioFactsTests
{
    private const string SettingsPath = "/DataService/json/SyncReply/QuerySysSettings";
    private const string HealthPath = "/api/OAuthHealthCheck";
    private const string SelectPath = "/DataService/json/SyncReply/SelectQuery";

    private static CreatioFacts Facts(CreatioSession session) => StepWorld.Facts(session);

    private static CreatioFixture Creatio() => new() { Runtime = CreatioRuntime.Net };

    private static int Count(CreatioFixture creatio, string path) => creatio.Received.Count(request => request.Path == path);

    public sealed class TheSettingsAsyncMethod
    {
        private static CreatioFixture WithSettings() => Creatio().Answer(SettingsPath, _ => CreatioFixture.Json(
            """{"QuerySysSettingsResult":{"values":{"OAuth20IdentityServerUrl":{"value":"https://identity.example.com","dataValueType":1},"OAuth20IdentityServerClientId":{"value":"creatio","dataValueType":1}}}}"""));

        [Fact]
        public async Task Should_Ask_Creatio_Only_For_Codes_Not_Read_Yet()
        {
            // Given
            var creatio = WithSettings();
            var facts = Facts(creatio.Session());
            await facts.SettingsAsync(["OAuth20IdentityServerUrl"], CancellationToken.None);

            // When
            var values = await facts.SettingsAsync(["oauth20identityserverurl", "OAuth20IdentityServerClientId"], CancellationToken.None);

            // Then
            var queries = creatio.Received.Where(request => request.Path == SettingsPath).Select(request => request.Body!).ToList();
            Assert.Equal(2, queries.Count);
            Assert.DoesNotContain("OAuth20IdentityServerUrl", queries[1], StringComparison.OrdinalIgnoreCase);
            Assert.Contains("OAuth20IdentityServerClientId", queries[1], StringComparison.Ordinal);
            Assert.Equal("https://identity.example.com", values["OAuth20IdentityServerUrl"].Value);
            Assert.Equal("creatio", values["OAuth20IdentityServerClientId"].Value);
        }

        [Fact]
        public async Task Should_Remember_A_Code_Creatio_Did_Not_Give_Back_Without_Asking_Again()
        {
            // Given
            var creatio = WithSettings();
            var facts = Facts(creatio.Session());
            await facts.SettingsAsync(["OAuth20IdentityServerClientSecret"], CancellationToken.None);

            // When
            var values = await facts.SettingsAsync(["OAuth20IdentityServerClientSecret"], CancellationToken.None);

            // Then
            Assert.Empty(values);
            Assert.Equal(1, Count(creatio, SettingsPath));
        }

        [Fact]
        public async Task Should_Read_A_Written_Code_Again_And_Keep_The_Others()
        {
            // Given
            var creatio = WithSettings();
            var facts = Facts(creatio.Session());
            await facts.SettingsAsync(["OAuth20IdentityServerUrl", "OAuth20IdentityServerClientId"], CancellationToken.None);

            // When
            facts.SettingsChanged(["OAuth20IdentityServerUrl"]);
            await facts.SettingsAsync(["OAuth20IdentityServerUrl", "OAuth20IdentityServerClientId"], CancellationToken.None);

            // Then
            var last = creatio.Received.Last(request => request.Path == SettingsPath).Body!;
            Assert.Equal(2, Count(creatio, SettingsPath));
            Assert.Contains("OAuth20IdentityServerUrl", last, StringComparison.Ordinal);
            Assert.DoesNotContain("OAuth20IdentityServerClientId", last, StringComparison.Ordinal);
        }
    }

    public sealed class TheHealthAsyncMethod
    {
        [Fact]
        public async Task Should_Ask_Once_And_Share_The_Answer_With_A_Later_Process_Of_The_Run()
        {
            // Given
            var creatio = Creatio().Answer(HealthPath, _ => CreatioFixture.Json(StepWorld.Green));
            var session = creatio.Session();
            var facts = Facts(session);

            // When
            var first = await facts.HealthAsync(CancellationToken.None);
            var again = await facts.HealthAsync(CancellationToken.None);
            var later = await Facts(session).HealthAsync(CancellationToken.None);

            // Then
            Assert.True(first.IsConnected);
            Assert.Equal(first, again);
            Assert.Equal(first, later);
            Assert.Equal(1, Count(creatio, HealthPath));
        }

        [Fact]
        public async Task Should_Ask_Again_After_Any_Write()
        {
            // Given
            var creatio = Creatio().Answer(HealthPath, _ => CreatioFixture.Json(StepWorld.Green));
            var session = creatio.Session();
            var facts = Facts(session);
            await facts.HealthAsync(CancellationToken.None);

            // When
            facts.SettingsChanged([]);
            await facts.HealthAsync(CancellationToken.None);
            facts.FeaturesChanged();
            await facts.HealthAsync(CancellationToken.None);
            facts.DefaultResourceChanged();
            await Facts(session).HealthAsync(CancellationToken.None);

            // Then: four answers, the last read by another process, since nothing read before a write stands
            Assert.Equal(4, Count(creatio, HealthPath));
        }

        [Fact]
        public async Task Should_Poll_For_A_New_Answer_Whatever_Is_Known()
        {
            // Given
            var answers = new Queue<string>([StepWorld.NoToken, StepWorld.Green]);
            var creatio = Creatio().Answer(HealthPath, _ => CreatioFixture.Json(answers.Dequeue()));
            var facts = Facts(creatio.Session());
            var first = await facts.HealthAsync(CancellationToken.None);

            // When
            var refreshed = await facts.RefreshHealthAsync(CancellationToken.None);

            // Then
            Assert.False(first.IsConnected);
            Assert.True(refreshed.IsConnected);
            Assert.Equal(refreshed, await facts.HealthAsync(CancellationToken.None));
            Assert.Equal(2, Count(creatio, HealthPath));
        }
    }

    public sealed class TheDefaultResourceAsyncMethod
    {
        [Fact]
        public async Task Should_Remember_That_There_Is_None_Until_One_Is_Registered()
        {
            // Given
            var creatio = Creatio().Answer(SelectPath, _ => CreatioFixture.Json("""{"rows":[],"success":true}"""));
            var facts = Facts(creatio.Session());

            // When
            var none = await facts.DefaultResourceAsync(CancellationToken.None);
            await facts.DefaultResourceAsync(CancellationToken.None);
            facts.DefaultResourceChanged();
            creatio.Answer(SelectPath, _ => CreatioFixture.Json("""{"rows":[{"Id":"0b1c0f3c-0000-0000-0000-000000000009","Name":"ApplicationAccess_1","IsDefault":true}],"success":true}"""));
            var registered = await facts.DefaultResourceAsync(CancellationToken.None);

            // Then
            Assert.Null(none);
            Assert.Equal("ApplicationAccess_1", registered?.Name);
            Assert.Equal(2, Count(creatio, SelectPath));
        }
    }

    public sealed class TheFeaturesAsyncMethod
    {
        private const string Feature = """{"rows":[{"Id":"0b1c0f3c-0000-0000-0000-000000000001","Code":"OAuth20Integration","State":true,"StateForCurrentUser":true,"Source":"DbFeatureProvider"}],"success":true}""";

        [Fact]
        public async Task Should_Read_The_Features_And_Their_Overrides_Once_Until_They_Change()
        {
            // Given
            var creatio = Creatio().Answer(SelectPath, request => CreatioFixture.Json(
                request.Content!.ReadAsStringAsync().Result.Contains("AdminUnitFeatureState", StringComparison.Ordinal) ? """{"rows":[],"success":true}""" : Feature));
            var facts = Facts(creatio.Session());

            // When
            var first = await facts.FeaturesAsync(["OAuth20Integration"], CancellationToken.None);
            var again = await facts.FeaturesAsync(["OAuth20Integration"], CancellationToken.None);
            var afterReads = Count(creatio, SelectPath);
            facts.FeaturesChanged();
            await facts.FeaturesAsync(["OAuth20Integration"], CancellationToken.None);

            // Then
            Assert.Same(first, again);
            Assert.Equal("OAuth20Integration", Assert.Single(first.Features).Code);
            Assert.Empty(first.Overrides);
            Assert.Equal(2, afterReads);
            Assert.Equal(4, Count(creatio, SelectPath));
        }

        [Fact]
        public async Task Should_Look_For_A_Code_In_Another_Letter_Case_Only_When_The_Filter_Missed_It()
        {
            // Given: a database that compares text case-sensitively finds nothing for the code as written;
            // only the unfiltered read of every code (no value to filter on) finds it
            var creatio = Creatio().Answer(SelectPath, request =>
            {
                var body = request.Content!.ReadAsStringAsync().Result;
                return CreatioFixture.Json(
                    body.Contains("AdminUnitFeatureState", StringComparison.Ordinal) || body.Contains("oauth20integration", StringComparison.Ordinal)
                        ? """{"rows":[],"success":true}"""
                        : """{"rows":[{"Id":"0b1c0f3c-0000-0000-0000-000000000001","Code":"OAuth20Integration"},{"Id":"0b1c0f3c-0000-0000-0000-000000000002","Code":"Other"}],"success":true}""");
            });
            var facts = Facts(creatio.Session());

            // When
            var reading = await facts.FeaturesAsync(["oauth20integration"], CancellationToken.None);

            // Then
            Assert.Equal(3, Count(creatio, SelectPath));
            Assert.Contains(reading.Features, feature => feature.Code == "OAuth20Integration");
        }
    }
}
