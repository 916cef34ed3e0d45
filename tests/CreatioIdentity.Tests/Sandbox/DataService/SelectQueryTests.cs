using System.Text.Json;
using CreatioIdentity.Sandbox;
using static CreatioIdentity.Tests.Sandbox.CreatioBodies;

namespace CreatioIdentity.Tests.Sandbox.DataService;

/// <summary>DataService SelectQuery on the entities SPEC section 4 reads, as the wire doc words them.</summary>
public static class SelectQueryTests
{
    private static JsonElement Single(IReadOnlyList<JsonElement> rows) => Assert.Single(rows);

    [Collection(SandboxGroup.Name)]
    public sealed class TheAppFeatureEntity(SandboxFixture fixture) : IClassFixture<SandboxFixture>
    {
        [Fact]
        public async Task Should_List_OAuth20Integration_In_The_Database_Off_And_Not_In_Effect()
        {
            // Given
            using var client = await CreatioTestClient.LoggedInAsync(fixture.Sandbox);

            // When
            var rows = await client.SelectAsync(Select("AppFeature", ["Id", "Code", "State", "StateForCurrentUser", "Source"],
                And(Equal("Code", TextType, "OAuth20Integration"))));

            // Then
            var feature = Single(rows);
            Assert.Equal("f836e885-8e51-44dd-879c-37c901210874", feature.GetProperty("Id").GetString());
            Assert.False(feature.GetProperty("State").GetBoolean());
            Assert.False(feature.GetProperty("StateForCurrentUser").GetBoolean());
            Assert.Equal("DbFeatureProvider", feature.GetProperty("Source").GetString());
        }

        [Theory]
        [InlineData("EnableOAuth20Integration", "web.config")]
        [InlineData("UseSeparateSettingsForOAuth20", "GlobalAppSettings")]
        public async Task Should_List_A_Host_Switch_With_Its_Source_And_Host_Value(string code, string source)
        {
            // Given
            using var client = await CreatioTestClient.LoggedInAsync(fixture.Sandbox);

            // When
            var rows = await client.SelectAsync(Select("AppFeature", ["State", "StateForCurrentUser", "Source"], And(Equal("Code", TextType, code))));

            // Then
            var feature = Single(rows);
            Assert.Equal(source, feature.GetProperty("Source").GetString());
            Assert.True(feature.GetProperty("State").GetBoolean());
            Assert.True(feature.GetProperty("StateForCurrentUser").GetBoolean());
        }

        [Fact]
        public async Task Should_Answer_Each_Column_Under_Its_Alias_With_Its_Type_In_RowConfig()
        {
            // Given
            using var client = await CreatioTestClient.LoggedInAsync(fixture.Sandbox);

            // When
            var answer = await client.PostJsonAsync(SelectQueryPath, Select("AppFeature", ["IsOn=State", "Code"], And(Equal("Code", TextType, "OAuth20Integration"))));

            // Then
            var row = Single([.. answer.GetProperty("rows").EnumerateArray()]);
            Assert.Equal(["IsOn", "Code"], row.EnumerateObject().Select(column => column.Name));
            Assert.Equal(12, answer.GetProperty("rowConfig").GetProperty("IsOn").GetProperty("dataValueType").GetInt32());
            Assert.Equal(0, answer.GetProperty("notFoundColumns").GetArrayLength());
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheOtherEntities(SandboxFixture fixture) : IClassFixture<SandboxFixture>
    {
        [Fact]
        public async Task Should_Hold_The_Override_Row_The_OAuth_Package_Ships()
        {
            // Given
            using var client = await CreatioTestClient.LoggedInAsync(fixture.Sandbox);

            // When
            var rows = await client.SelectAsync(Select("AdminUnitFeatureState", ["Id", "SysAdminUnit", "FeatureState"],
                And(Equal("Feature.Code", TextType, "OAuth20Integration"))));

            // Then
            var row = Single(rows);
            Assert.Equal("e070cb4a-0cf5-483f-91a7-76310979e5df", row.GetProperty("Id").GetString());
            Assert.Equal("83a43ebc-f36b-1410-298d-001e8c82bcad", row.GetProperty("SysAdminUnit").GetProperty("value").GetString());
            Assert.Equal("System administrators", row.GetProperty("SysAdminUnit").GetProperty("displayValue").GetString());
            Assert.Equal(0, row.GetProperty("FeatureState").GetInt32());
        }

        [Fact]
        public async Task Should_Know_The_User_As_A_Unit_Of_Type_4()
        {
            // Given
            using var client = await CreatioTestClient.LoggedInAsync(fixture.Sandbox);

            // When
            var rows = await client.SelectAsync(Select("SysAdminUnit", ["Id"],
                And(Equal("Name", TextType, fixture.Sandbox.Options.CreatioUsername), Equal("SysAdminUnitTypeValue", IntegerType, 4))));

            // Then
            Assert.Equal("410006e1-ca4e-4502-a9ec-e54d922d2c00", Single(rows).GetProperty("Id").GetString());
        }

        [Fact]
        public async Task Should_Have_No_Default_Resource_On_A_Fresh_Site()
        {
            // Given
            using var client = await CreatioTestClient.LoggedInAsync(fixture.Sandbox);

            // When
            var rows = await client.SelectAsync(Select("OAuthResource", ["Id", "Name"], And(Equal("IsDefault", BooleanType, true))));

            // Then
            Assert.Empty(rows);
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheFilters(SandboxFixture fixture) : IClassFixture<SandboxFixture>
    {
        [Fact]
        public async Task Should_Compare_Text_Ignoring_Case_As_MS_SQL_Does()
        {
            // Given
            using var client = await CreatioTestClient.LoggedInAsync(fixture.Sandbox);

            // When
            var rows = await client.SelectAsync(Select("AppFeature", ["Code"], And(Equal("Code", TextType, "oauth20INTEGRATION"))));

            // Then
            Assert.Equal("OAuth20Integration", Single(rows).GetProperty("Code").GetString());
        }

        [Fact]
        public async Task Should_Compare_Text_Exactly_When_Case_Sensitive_As_PostgreSQL_Does()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { CaseSensitiveStrings = true });
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);

            // When
            var wrongCase = await client.SelectAsync(Select("AppFeature", ["Code"], And(Equal("Code", TextType, "oauth20integration"))));
            var rightCase = await client.SelectAsync(Select("AppFeature", ["Code"], And(Equal("Code", TextType, "OAuth20Integration"))));

            // Then
            Assert.Empty(wrongCase);
            Assert.Single(rightCase);
        }

        [Fact]
        public async Task Should_Combine_An_Or_Group_Nested_In_An_And_Group()
        {
            // Given
            using var client = await CreatioTestClient.LoggedInAsync(fixture.Sandbox);
            var filters = And(
                Or(Equal("Code", TextType, "OAuth20Integration"), Equal("Code", TextType, "EnableOAuth20Integration"), Equal("Code", TextType, "RefreshAccessTokenUnderLock")),
                NotEqual("Source", TextType, "web.config"));

            // When
            var rows = await client.SelectAsync(Select("AppFeature", ["Code"], filters));

            // Then
            Assert.Equal(["OAuth20Integration", "RefreshAccessTokenUnderLock"], rows.Select(row => row.GetProperty("Code").GetString()));
        }

        [Fact]
        public async Task Should_Leave_Out_A_Filter_That_Is_Not_Enabled()
        {
            // Given
            using var client = await CreatioTestClient.LoggedInAsync(fixture.Sandbox);

            // When
            var rows = await client.SelectAsync(Select("SysAdminUnit", ["Name"], And(Equal("Name", TextType, "Nobody", isEnabled: false))));

            // Then
            Assert.Equal((await client.SelectAsync(Select("SysAdminUnit", ["Name"]))).Count, rows.Count);
        }

        [Fact]
        public async Task Should_Filter_A_Lookup_By_Its_Id()
        {
            // Given
            using var client = await CreatioTestClient.LoggedInAsync(fixture.Sandbox);

            // When
            var rows = await client.SelectAsync(Select("AdminUnitFeatureState", ["Code=Feature.Code", "SysAdmin=SysAdminUnit.Name"],
                And(Equal("SysAdminUnit", GuidType, "a29a3ba5-4b0d-de11-9a51-005056c00008"))));

            // Then
            var row = Single(rows);
            Assert.Equal("RefreshAccessTokenUnderLock", row.GetProperty("Code").GetString());
            Assert.Equal("All employees", row.GetProperty("SysAdmin").GetString());
        }

        [Fact]
        public async Task Should_Answer_No_More_Rows_Than_RowCount()
        {
            // Given: the body clio's runtime detection sends
            using var client = await CreatioTestClient.LoggedInAsync(fixture.Sandbox);
            var query = Select("SysAdminUnit", ["Id"]);
            query["rowCount"] = 1;

            // When
            var rows = await client.SelectAsync(query);

            // Then
            Assert.Single(rows);
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheFailures(SandboxFixture fixture) : IClassFixture<SandboxFixture>
    {
        [Theory]
        [InlineData("NoSuchEntity", "Code", "ItemNotFoundException", "NoSuchEntity")]
        [InlineData("AppFeature", "NoSuchColumn", "ItemNotFoundException", "NoSuchColumn")]
        [InlineData("AdminUnitFeatureState", "FeatureState.Code", "ItemNotFoundException", "FeatureState.Code")]
        public async Task Should_Answer_Http_200_With_Success_False_For_What_Does_Not_Exist(string entity, string column, string errorCode, string named)
        {
            // Given
            using var client = await CreatioTestClient.LoggedInAsync(fixture.Sandbox);

            // When
            var answer = await client.PostJsonAsync(SelectQueryPath, Select(entity, [column]));

            // Then
            Assert.False(answer.GetProperty("success").GetBoolean());
            Assert.Equal(JsonValueKind.Null, answer.GetProperty("rows").ValueKind);
            Assert.Equal(errorCode, answer.GetProperty("errorInfo").GetProperty("errorCode").GetString());
            Assert.Contains(named, answer.GetProperty("errorInfo").GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(4, 3, "filterType 4")]
        [InlineData(1, 7, "comparisonType 7")]
        public async Task Should_Name_What_The_Sandbox_Does_Not_Support(int filterType, int comparisonType, string named)
        {
            // Given
            using var client = await CreatioTestClient.LoggedInAsync(fixture.Sandbox);
            var filter = new
            {
                filterType,
                comparisonType,
                isEnabled = true,
                leftExpression = new { expressionType = 0, columnPath = "Code" },
                rightExpression = new { expressionType = 2, parameter = new { dataValueType = TextType, value = "x" } },
            };

            // When
            var answer = await client.PostJsonAsync(SelectQueryPath, Select("AppFeature", ["Code"], And(filter)));

            // Then
            Assert.False(answer.GetProperty("success").GetBoolean());
            Assert.Equal("NotSupportedException", answer.GetProperty("errorInfo").GetProperty("errorCode").GetString());
            Assert.Contains(named, answer.GetProperty("errorInfo").GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }
}
