using System.Net;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.Creatio.DataService;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>Features as clio's set-feature and the /0/Flags page read and write them: AppFeature, AdminUnitFeatureState, FeatureService.</summary>
public sealed class FeatureClientTests
{
    private const string SelectPath = "/DataService/json/SyncReply/SelectQuery";
    private const string UpdatePath = "/DataService/json/SyncReply/UpdateQuery";
    private const string StatePath = "/rest/FeatureService/GetFeatureState";
    private const string ClearPath = "/rest/FeatureService/ClearFeaturesCacheForAllUsers/";
    private const string FeatureId = "0b1c0f3c-0000-0000-0000-000000000001";

    private static (CreatioFixture Creatio, FeatureClient Client) World(Action<CreatioFixture> script)
    {
        var creatio = new CreatioFixture { Runtime = CreatioRuntime.Net };
        script(creatio);
        var session = creatio.Session();
        return (creatio, new FeatureClient(session, new DataServiceClient(session)));
    }

    public sealed class TheReadAsyncMethod
    {
        [Fact]
        public async Task Should_Read_The_Features_Named_In_One_Query()
        {
            // Given
            var (creatio, client) = World(c => c.Answer(SelectPath, _ => CreatioFixture.Json(
                $$"""{"rows":[{"Id":"{{FeatureId}}","Code":"OAuth20Integration","State":true,"StateForCurrentUser":false,"Source":"DbFeatureProvider"},{"Id":"{{FeatureId}}"},{"Code":"NoId"}],"success":true}""")));

            // When
            var features = await client.ReadAsync(["OAuth20Integration", "Other"], CancellationToken.None);

            // Then
            Assert.Equal([new AppFeature(Guid.Parse(FeatureId), "OAuth20Integration", true, false, "DbFeatureProvider")], features);
            var query = creatio.Received[^1].Json();
            Assert.Equal("AppFeature", query.GetProperty("rootSchemaName").GetString());
            Assert.Equal(["Id", "Code", "State", "StateForCurrentUser", "Source"], SentQuery.ColumnPaths(query));
            Assert.Equal(["Code=OAuth20Integration", "Code=Other"], SentQuery.Filters(query));
            Assert.Equal(1, query.GetProperty("filters").GetProperty("logicalOperation").GetInt32());
        }

        [Fact]
        public async Task Should_Ask_FeatureService_Only_For_A_Named_Feature_Without_A_State_For_The_User()
        {
            // Given: 8.1 AppFeature has no StateForCurrentUser; a row whose code differs in case was not named
            var (creatio, client) = World(c => c
                .Answer(SelectPath, _ => CreatioFixture.Json(
                    $$"""{"rows":[{"Id":"{{FeatureId}}","Code":"OAuth20Integration","State":1},{"Id":"{{FeatureId}}","Code":"oauth20integration","State":0}],"success":true}"""))
                .Answer(StatePath, _ => CreatioFixture.Json("""{"GetFeatureStateResult":{"FeatureState":true}}""")));

            // When
            var features = await client.ReadAsync(["OAuth20Integration"], CancellationToken.None);

            // Then
            Assert.Equal([true, null], features.Select(feature => feature.EffectiveState));
            Assert.Equal([true, false], features.Select(feature => feature.DefaultState));
            var asked = Assert.Single(creatio.Received, call => call.Path == StatePath);
            Assert.Equal("""{"code":"OAuth20Integration"}""", asked.Body);
        }
    }

    public sealed class TheEffectiveStateAsyncMethod
    {
        [Fact]
        public async Task Should_Say_What_The_User_Needs_When_FeatureService_Fails()
        {
            // Given
            var (_, client) = World(c => c.Answer(StatePath, _ => CreatioFixture.Json("{}", HttpStatusCode.InternalServerError)));

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.EffectiveStateAsync("OAuth20Integration", CancellationToken.None));

            // Then
            Assert.Equal("Creatio answered rest/FeatureService/GetFeatureState with HTTP 500: {}. The user needs the system administrator's rights to manage features.", exception.Message);
        }

        [Theory]
        [InlineData("""{"FeatureState":false}""", false)]
        [InlineData("""{"d":{"FeatureState":"1"}}""", true)]
        public async Task Should_Read_The_State_Wrapped_Or_Bare(string answer, bool state)
        {
            // Given
            var (_, client) = World(c => c.Answer(StatePath, _ => CreatioFixture.Json(answer)));

            // Then
            Assert.Equal(state, await client.EffectiveStateAsync("OAuth20Integration", CancellationToken.None));
        }

        [Fact]
        public async Task Should_Not_Understand_An_Answer_Without_A_State()
        {
            // Given
            var (_, client) = World(c => c.Answer(StatePath, _ => CreatioFixture.Json("""{"GetFeatureStateResult":{}}""")));

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.EffectiveStateAsync("OAuth20Integration", CancellationToken.None));

            // Then
            Assert.StartsWith("Creatio answered rest/FeatureService/GetFeatureState with HTTP 200 that was not understood (no FeatureState): ", exception.Message, StringComparison.Ordinal);
        }
    }

    public sealed class TheReadCodesAsyncMethod
    {
        [Fact]
        public async Task Should_Read_Every_Code_Unfiltered()
        {
            // Given
            var (creatio, client) = World(c => c.Answer(SelectPath, _ => CreatioFixture.Json(
                $$"""{"rows":[{"Id":"{{FeatureId}}","Code":"oauth20integration"},{"Id":"{{FeatureId}}","Code":""},{"Code":"NoId"}],"success":true}""")));

            // When
            var features = await client.ReadCodesAsync(CancellationToken.None);

            // Then
            Assert.Equal([new AppFeature(Guid.Parse(FeatureId), "oauth20integration", null, null, null)], features);
            var query = creatio.Received[^1].Json();
            Assert.Equal(["Id", "Code"], SentQuery.ColumnPaths(query));
            Assert.Empty(SentQuery.Filters(query));
            Assert.Equal(0, query.GetProperty("filters").GetProperty("logicalOperation").GetInt32());
        }
    }

    public sealed class TheReadOverridesAsyncMethod
    {
        [Fact]
        public async Task Should_Name_The_Unit_By_Its_Display_Value_Its_Id_Or_Neither()
        {
            // Given
            var (creatio, client) = World(c => c.Answer(SelectPath, _ => CreatioFixture.Json($$"""
                {"rows":[
                  {"Id":"{{FeatureId}}","FeatureCode":"OAuth20Integration","SysAdminUnit":{"value":"{{FeatureId}}","displayValue":"Supervisor"},"FeatureState":1},
                  {"Id":"{{FeatureId}}","FeatureCode":"OAuth20Integration","SysAdminUnit":"{{FeatureId}}","FeatureState":false},
                  {"Id":"{{FeatureId}}"},
                  {"FeatureCode":"NoId","FeatureState":1}],"success":true}
                """)));

            // When
            var rows = await client.ReadOverridesAsync(["OAuth20Integration"], CancellationToken.None);

            // Then
            var id = Guid.Parse(FeatureId);
            Assert.Equal(
                [
                    new FeatureOverride(id, "OAuth20Integration", "Supervisor", 1),
                    new FeatureOverride(id, "OAuth20Integration", FeatureId, 0),
                    new FeatureOverride(id, string.Empty, "an unnamed user or role", 0),
                ],
                rows);
            Assert.Equal([true, false, false], rows.Select(row => row.IsOn));
            var query = creatio.Received[^1].Json();
            Assert.Equal("AdminUnitFeatureState", query.GetProperty("rootSchemaName").GetString());
            Assert.Equal(["Id", "Feature.Code", "SysAdminUnit", "FeatureState"], SentQuery.ColumnPaths(query));
            Assert.Equal(["Feature.Code=OAuth20Integration"], SentQuery.Filters(query));
            Assert.Equal(1, query.GetProperty("filters").GetProperty("logicalOperation").GetInt32());
        }
    }

    public sealed class TheWrites
    {
        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task Should_Write_The_Default_State_Of_The_Feature_By_Its_Id(bool enabled)
        {
            // Given
            var (creatio, client) = World(c => c.Answer(UpdatePath, _ => CreatioFixture.Json("""{"rowsAffected":1,"success":true}""")));

            // When
            await client.SetDefaultStateAsync(new AppFeature(Guid.Parse(FeatureId), "OAuth20Integration", !enabled, null, "DbFeatureProvider"), enabled, CancellationToken.None);

            // Then
            var query = creatio.Received[^1].Json();
            Assert.Equal("AppFeature", query.GetProperty("rootSchemaName").GetString());
            Assert.Equal(enabled, query.GetProperty("columnValues").GetProperty("items").GetProperty("State").GetProperty("parameter").GetProperty("value").GetBoolean());
            Assert.Equal([$"Id={FeatureId}"], SentQuery.Filters(query));
        }

        [Theory]
        [InlineData(true, 1)]
        [InlineData(false, 0)]
        public async Task Should_Write_An_Override_As_One_Or_Zero_By_Its_Id(bool enabled, int state)
        {
            // Given
            var (creatio, client) = World(c => c.Answer(UpdatePath, _ => CreatioFixture.Json("""{"rowsAffected":1,"success":true}""")));

            // When
            await client.SetOverrideStateAsync(new FeatureOverride(Guid.Parse(FeatureId), "OAuth20Integration", "Supervisor", 1 - state), enabled, CancellationToken.None);

            // Then
            var query = creatio.Received[^1].Json();
            Assert.Equal("AdminUnitFeatureState", query.GetProperty("rootSchemaName").GetString());
            Assert.Equal(state, query.GetProperty("columnValues").GetProperty("items").GetProperty("FeatureState").GetProperty("parameter").GetProperty("value").GetInt32());
            Assert.Equal([$"Id={FeatureId}"], SentQuery.Filters(query));
        }
    }

    public sealed class TheClearFeaturesCacheForAllUsersAsyncMethod
    {
        [Theory]
        [InlineData("")]
        [InlineData("  ")]
        [InlineData("{}")]
        public async Task Should_Clear_With_A_Get_And_Take_An_Empty_Or_Json_Answer(string answer)
        {
            // Given
            var (creatio, client) = World(c => c.Answer(ClearPath, _ => CreatioFixture.Json(answer)));

            // When
            await client.ClearFeaturesCacheForAllUsersAsync(CancellationToken.None);

            // Then
            Assert.Equal("GET", creatio.Received[^1].Method);
        }

        [Fact]
        public async Task Should_Not_Understand_An_Answer_That_Is_Not_Json()
        {
            // Given
            var (_, client) = World(c => c.Answer(ClearPath, _ => CreatioFixture.Json("done")));

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.ClearFeaturesCacheForAllUsersAsync(CancellationToken.None));

            // Then
            Assert.Equal(CreatioFailure.UnexpectedAnswer, exception.Failure);
        }

        [Fact]
        public async Task Should_Say_What_The_User_Needs_When_The_Clear_Fails()
        {
            // Given
            var (_, client) = World(c => c.Answer(ClearPath, _ => CreatioFixture.Json("{}", HttpStatusCode.InternalServerError)));

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.ClearFeaturesCacheForAllUsersAsync(CancellationToken.None));

            // Then
            Assert.Equal("Creatio answered rest/FeatureService/ClearFeaturesCacheForAllUsers/ with HTTP 500: {}. The user needs the system administrator's rights to manage features.", exception.Message);
        }
    }

    public sealed class TheAppFeatureRecord
    {
        [Theory]
        [InlineData("DbFeatureProvider", true)]
        [InlineData("dbfeatureprovider", true)]
        [InlineData("ConfigurationFeatureProvider", false)]
        [InlineData(null, false)]
        public void Should_Know_A_Database_Feature_By_Its_Source(string? source, bool inDatabase) =>
            Assert.Equal(inDatabase, new AppFeature(Guid.Empty, "F", null, null, source).IsInDatabase);
    }
}
