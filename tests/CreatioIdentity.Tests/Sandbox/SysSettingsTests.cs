using System.Text.Json;

namespace CreatioIdentity.Tests.Sandbox;

/// <summary>QuerySysSettings and PostSysSettingsValues: typed values, secrets left out, a save result per code.</summary>
public static class SysSettingsTests
{
    private const string Query = "DataService/json/SyncReply/QuerySysSettings";
    private const string Post = "DataService/json/SyncReply/PostSysSettingsValues";

    [Collection(SandboxGroup.Name)]
    public sealed class TheQuerySysSettingsMethod : LoggedInSandbox
    {
        [Fact]
        public async Task Should_Leave_The_Secret_And_Unknown_Codes_Out_Of_The_Values()
        {
            // Given
            Sandbox.Creatio.SetSetting("OAuth20IdentityServerUrl", "http://is.example/");
            Sandbox.Creatio.SetSetting("OAuth20IdentityServerClientSecret", "s3cret");

            // When
            var answer = await Client.PostJsonAsync(Query, CreatioBodies.QuerySysSettings(
                "OAuth20IdentityServerUrl", "OAuth20IdentityServerClientSecret", "IdentityServerClientSecret", "NoSuchSetting"));

            // Then
            Assert.True(answer.GetProperty("success").GetBoolean());
            var values = answer.GetProperty("values");
            Assert.Equal(["OAuth20IdentityServerUrl"], values.EnumerateObject().Select(value => value.Name));
            var url = values.GetProperty("OAuth20IdentityServerUrl");
            Assert.Equal("http://is.example/", url.GetProperty("value").GetString());
            Assert.Equal("http://is.example/", url.GetProperty("displayValue").GetString());
            Assert.Equal(1, url.GetProperty("dataValueType").GetInt32());
            Assert.True(url.GetProperty("isCacheable").GetBoolean());
        }

        [Theory]
        [InlineData("MaxFileSize", 4, "10")]
        [InlineData("ShowDemoLinks", 12, "true")]
        [InlineData("SandboxCreatedOn", 7, "\"2024-01-15T09:30:00.000\"")]
        [InlineData("PrimaryCurrency", 10, "\"915e8a55-98d6-df11-9b2a-001d60e938c6\"")]
        public async Task Should_Answer_Each_Type_With_Its_Json_Kind_And_DataValueType(string code, int dataValueType, string json)
        {
            // When
            var answer = await Client.PostJsonAsync(Query, CreatioBodies.QuerySysSettings(code));

            // Then
            var setting = answer.GetProperty("values").GetProperty(code);
            Assert.Equal(json, setting.GetProperty("value").GetRawText());
            Assert.Equal(dataValueType, setting.GetProperty("dataValueType").GetInt32());
        }

        [Fact]
        public async Task Should_Answer_A_Lookup_With_Its_Display_Value()
        {
            // When
            var answer = await Client.PostJsonAsync(Query, CreatioBodies.QuerySysSettings("PrimaryCurrency"));

            // Then
            Assert.Equal("US Dollar", answer.GetProperty("values").GetProperty("PrimaryCurrency").GetProperty("displayValue").GetString());
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class ThePostSysSettingsValuesMethod : LoggedInSandbox
    {
        [Fact]
        public async Task Should_Report_A_Save_Result_Per_Code_And_Success_False_Even_When_Saved()
        {
            // Given
            var values = new Dictionary<string, object?>
            {
                ["OAuth20IdentityServerUrl"] = "http://127.0.0.1:1/",
                ["OAuth20IdentityServerClientId"] = "client",
                ["OAuth20IdentityServerClientSecret"] = "secret",
                ["NoSuchSetting"] = "x",
            };

            // When
            var answer = await Client.PostJsonAsync(Post, CreatioBodies.PostSysSettings(values));

            // Then
            var saveResult = answer.GetProperty("saveResult");
            Assert.True(saveResult.GetProperty("OAuth20IdentityServerUrl").GetBoolean());
            Assert.True(saveResult.GetProperty("OAuth20IdentityServerClientSecret").GetBoolean());
            Assert.False(saveResult.GetProperty("NoSuchSetting").GetBoolean());
            Assert.False(answer.GetProperty("success").GetBoolean());
            Assert.Equal("secret", Sandbox.Creatio.GetSetting("OAuth20IdentityServerClientSecret"));
            Assert.Null(Sandbox.Creatio.GetSetting("NoSuchSetting"));
        }

        [Fact]
        public async Task Should_Store_Each_Type_Given_Its_Json_Kind()
        {
            // Given
            var values = new Dictionary<string, object?>
            {
                ["MaxFileSize"] = 25,
                ["ShowDemoLinks"] = false,
                ["SandboxCreatedOn"] = "2025-03-01T10:20:30.000",
                ["PrimaryCurrency"] = "c1057119-53e6-df11-971b-001d60e938c6",
                ["SiteUrl"] = "http://creatio.example/",
            };

            // When
            var answer = await Client.PostJsonAsync(Post, CreatioBodies.PostSysSettings(values));

            // Then
            Assert.All(answer.GetProperty("saveResult").EnumerateObject(), result => Assert.True(result.Value.GetBoolean(), result.Name));
            Assert.Equal(
                ["25", "false", "2025-03-01T10:20:30.000", "c1057119-53e6-df11-971b-001d60e938c6", "http://creatio.example/"],
                values.Keys.Select(Sandbox.Creatio.GetSetting));
            var read = await Client.PostJsonAsync(Query, CreatioBodies.QuerySysSettings("PrimaryCurrency"));
            Assert.Equal("Euro", read.GetProperty("values").GetProperty("PrimaryCurrency").GetProperty("displayValue").GetString());
        }

        [Theory]
        [InlineData("MaxFileSize", "\"25\"")]
        [InlineData("MaxFileSize", "2.5")]
        [InlineData("ShowDemoLinks", "\"true\"")]
        [InlineData("ShowDemoLinks", "1")]
        [InlineData("SandboxCreatedOn", "20250301")]
        [InlineData("SandboxCreatedOn", "\"next tuesday\"")]
        [InlineData("PrimaryCurrency", "\"US Dollar\"")]
        [InlineData("PrimaryCurrency", "\"00000000-0000-0000-0000-000000000001\"")]
        public async Task Should_Refuse_A_Value_Creatio_Could_Not_Convert(string code, string json)
        {
            // Given
            var before = Sandbox.Creatio.GetSetting(code);
            var body = $"{{\"isPersonal\":false,\"sysSettingsValues\":{{\"{code}\":{json}}}}}";

            // When
            var answer = await Client.PostJsonAsync(Post, body);

            // Then
            Assert.False(answer.GetProperty("saveResult").GetProperty(code).GetBoolean());
            Assert.Equal(before, Sandbox.Creatio.GetSetting(code));
        }

        [Fact]
        public async Task Should_Read_Back_What_Was_Written()
        {
            // Given
            await Client.PostJsonAsync(Post, CreatioBodies.PostSysSettings(new Dictionary<string, object?> { ["SiteUrl"] = "http://creatio.example/" }));

            // When
            var answer = await Client.PostJsonAsync(Query, CreatioBodies.QuerySysSettings("SiteUrl"));

            // Then
            Assert.Equal("http://creatio.example/", answer.GetProperty("values").GetProperty("SiteUrl").GetProperty("value").GetString());
            Assert.Equal(JsonValueKind.True, answer.GetProperty("success").ValueKind);
        }
    }
}
