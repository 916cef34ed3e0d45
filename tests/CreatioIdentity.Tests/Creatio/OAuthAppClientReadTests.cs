using System.Net;
using System.Text.Json;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.Creatio.DataService;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>OAuthAppClient's reads: the apps and admin units by DataService, the read as the app, and how outcomes are told.</summary>
public sealed class OAuthAppClientReadTests
{
    private const string SelectPath = "/DataService/json/SyncReply/SelectQuery";
    private const string AppId = "0b1c0f3c-0000-0000-0000-000000000001";
    private const string UserId = "0b1c0f3c-0000-0000-0000-000000000002";
    private const string RoleId = "0b1c0f3c-0000-0000-0000-000000000003";
    private const string BareId = "0b1c0f3c-0000-0000-0000-000000000004";

    private static (CreatioFixture Creatio, OAuthAppClient Client) World(string answer, HttpStatusCode status = HttpStatusCode.OK)
    {
        var creatio = CreatioFixture.Net(SelectPath, answer, status);
        var session = creatio.Session();
        return (creatio, new OAuthAppClient(session, new DataServiceClient(session)));
    }

    /// <summary>The one SelectQuery sent, parsed.</summary>
    private static JsonElement Query(CreatioFixture creatio) => Assert.Single(creatio.Received, request => request.Path == SelectPath).Json();

    public sealed class TheReadAppsAsyncMethod
    {
        [Fact]
        public async Task Should_Ask_For_Every_App_In_One_Query_Without_A_Filter()
        {
            // Given
            var (creatio, client) = World("""{"rows":[],"success":true}""");

            // When
            var apps = await client.ReadAppsAsync(CancellationToken.None);

            // Then
            Assert.Empty(apps);
            var query = Query(creatio);
            Assert.Equal("OAuthClientApp", OAuthAppClient.Entity);
            Assert.Equal("OAuthClientApp", query.GetProperty("rootSchemaName").GetString());
            Assert.Equal(["Id", "Name", "ClientId", "ApplicationUrl", "Description", "IsActive", "SystemUser"], SentQuery.Aliases(query));
            Assert.Equal(["Id", "Name", "ClientId", "ApplicationUrl", "Description", "IsActive", "SystemUser"], SentQuery.ColumnPaths(query));
            Assert.Equal(-1, query.GetProperty("rowCount").GetInt32());
            Assert.Equal(0, query.GetProperty("filters").GetProperty("logicalOperation").GetInt32());
            Assert.Empty(query.GetProperty("filters").GetProperty("items").EnumerateObject());
        }

        [Fact]
        public async Task Should_Read_Every_Field_Of_An_App()
        {
            // Given
            var (_, client) = World($$$"""
                {"rows":[{"Id":"{{{AppId}}}","Name":"Portal","ClientId":"C1","ApplicationUrl":"https://portal.example.com","Description":"Partners",
                "IsActive":false,"SystemUser":{"value":"{{{UserId}}}","displayValue":"Portal user"}}],"success":true}
                """);

            // When
            var app = Assert.Single(await client.ReadAppsAsync(CancellationToken.None));

            // Then
            Assert.Equal(new OAuthClientAppRecord(Guid.Parse(AppId), "Portal", "C1", "https://portal.example.com", "Partners", false, Guid.Parse(UserId), "Portal user"), app);
        }

        [Fact]
        public async Task Should_Take_An_App_Without_IsActive_As_Active_And_Its_Missing_Fields_As_Null()
        {
            // Given
            var (_, client) = World($$"""{"rows":[{"Id":"{{AppId}}","Name":"Portal"}],"success":true}""");

            // When
            var app = Assert.Single(await client.ReadAppsAsync(CancellationToken.None));

            // Then
            Assert.Equal(new OAuthClientAppRecord(Guid.Parse(AppId), "Portal", null, null, null, true, null, null), app);
        }

        [Fact]
        public async Task Should_Drop_The_Rows_Without_An_Id_Or_A_Name()
        {
            // Given
            var (_, client) = World($$"""
                {"rows":[{"Name":"No id"},{"Id":"not an id","Name":"Bad id"},{"Id":"{{RoleId}}"},{"Id":"{{AppId}}","Name":"Portal","IsActive":true}],"success":true}
                """);

            // When
            var apps = await client.ReadAppsAsync(CancellationToken.None);

            // Then
            Assert.Equal([new OAuthClientAppRecord(Guid.Parse(AppId), "Portal", null, null, null, true, null, null)], apps);
        }
    }

    public sealed class TheReadUnitsAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Nothing_For_No_Names()
        {
            // Given
            var (creatio, client) = World("""{"rows":[{"Id":"0b1c0f3c-0000-0000-0000-000000000002","Name":"Supervisor"}],"success":true}""");

            // When
            var units = await client.ReadUnitsAsync([], CancellationToken.None);

            // Then
            Assert.Empty(units);
            Assert.Empty(creatio.Received);
        }

        [Fact]
        public async Task Should_Ask_For_Every_Name_In_One_Query_Joined_With_Or()
        {
            // Given
            var (creatio, client) = World("""{"rows":[],"success":true}""");

            // When
            await client.ReadUnitsAsync(["Supervisor", "Portal users"], CancellationToken.None);

            // Then
            var query = Query(creatio);
            Assert.Equal("SysAdminUnit", query.GetProperty("rootSchemaName").GetString());
            Assert.Equal(["Id", "Name", "SysAdminUnitTypeValue"], SentQuery.Aliases(query));
            Assert.Equal(["Id", "Name", "SysAdminUnitTypeValue"], SentQuery.ColumnPaths(query));
            var filters = query.GetProperty("filters");
            Assert.Equal(1, filters.GetProperty("logicalOperation").GetInt32());
            var items = filters.GetProperty("items").EnumerateObject().ToList();
            Assert.Equal(["f0", "f1"], items.Select(item => item.Name));
            Assert.All(items, item => Assert.Equal("Name", item.Value.GetProperty("leftExpression").GetProperty("columnPath").GetString()));
            Assert.All(items, item => Assert.Equal(1, item.Value.GetProperty("rightExpression").GetProperty("parameter").GetProperty("dataValueType").GetInt32()));
            Assert.Equal(["Supervisor", "Portal users"], items.Select(item => item.Value.GetProperty("rightExpression").GetProperty("parameter").GetProperty("value").GetString()));
        }

        [Fact]
        public async Task Should_Read_Users_And_Roles_And_Drop_The_Rows_Without_An_Id()
        {
            // Given
            var (_, client) = World($$"""
                {"rows":[{"Id":"{{UserId}}","Name":"Supervisor","SysAdminUnitTypeValue":4},{"Id":"{{RoleId}}","Name":"Portal users","SysAdminUnitTypeValue":1},
                {"Id":"{{BareId}}"},{"Name":"Ghost","SysAdminUnitTypeValue":4}],"success":true}
                """);

            // When
            var units = await client.ReadUnitsAsync(["Supervisor", "Portal users", "Ghost"], CancellationToken.None);

            // Then
            Assert.Equal(
                [new AdminUnitRecord(Guid.Parse(UserId), "Supervisor", 4), new AdminUnitRecord(Guid.Parse(RoleId), "Portal users", 1), new AdminUnitRecord(Guid.Parse(BareId), string.Empty, null)],
                units);
            Assert.Equal([true, false, false], units.Select(unit => unit.IsUser));
        }
    }

    public sealed class TheReadAsAppAsyncMethod
    {
        [Fact]
        public async Task Should_Read_One_Admin_Unit_With_The_Bearer_Token_Alone()
        {
            // Given
            const string answer = """{"rows":[{"Id":"0b1c0f3c-0000-0000-0000-000000000002"}],"success":true}""";
            var (creatio, client) = World(answer);

            // When
            var response = await client.ReadAsAppAsync(new Secret("app-token-1"), CancellationToken.None);

            // Then: no login, no session cookie, no CSRF token
            var call = Assert.Single(creatio.Received);
            Assert.Equal("POST", call.Method);
            Assert.Equal(SelectPath, call.Path);
            Assert.Equal("Bearer app-token-1", call.Header("Authorization"));
            Assert.Null(call.Cookie);
            Assert.Null(call.Csrf);
            var query = Query(creatio);
            Assert.Equal("SysAdminUnit", query.GetProperty("rootSchemaName").GetString());
            Assert.Equal(["Id"], SentQuery.Aliases(query));
            Assert.Equal(1, query.GetProperty("rowCount").GetInt32());
            Assert.Equal(0, query.GetProperty("filters").GetProperty("logicalOperation").GetInt32());
            Assert.Empty(query.GetProperty("filters").GetProperty("items").EnumerateObject());
            Assert.Equal(new CreatioResponse(CreatioRoutes.SelectQuery, 200, "application/json", answer), response);
        }

        [Fact]
        public async Task Should_Return_A_Refusal_As_Answered_Without_Logging_In()
        {
            // Given
            var (creatio, client) = World("""{"error":"invalid_token"}""", HttpStatusCode.Unauthorized);

            // When
            var response = await client.ReadAsAppAsync(new Secret("app-token-1"), CancellationToken.None);

            // Then
            Assert.Equal(401, response.StatusCode);
            Assert.Equal("""{"error":"invalid_token"}""", response.Body);
            Assert.Equal(SelectPath, Assert.Single(creatio.Received).Path);
        }
    }

    public sealed class TheDescribeMethod
    {
        [Theory]
        [InlineData(null, "Client not found", "\"Client not found\" (no error code)")]
        [InlineData(null, null, "\"no message\" (no error code)")]
        [InlineData("ItemNotFoundException", null, "ItemNotFoundException")]
        [InlineData("ItemNotFoundException", "Client not found", "ItemNotFoundException: \"Client not found\"")]
        public void Should_Tell_The_Error_Code_And_The_Message(string? code, string? message, string expected) =>
            Assert.Equal(expected, new ConfigServiceOutcome(false, code, message).Describe());
    }

    public sealed class TheIsUserProperty
    {
        [Theory]
        [InlineData(4, true)]
        [InlineData(1, false)]
        [InlineData(6, false)]
        [InlineData(null, false)]
        public void Should_Be_True_For_Type_4_Alone(int? type, bool expected) =>
            Assert.Equal(expected, new AdminUnitRecord(Guid.Parse(UserId), "Supervisor", type).IsUser);
    }
}
