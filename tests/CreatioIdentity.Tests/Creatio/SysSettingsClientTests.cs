using System.Net;
using System.Text.Json.Nodes;
using CreatioIdentity.Creatio;
using CreatioIdentity.Creatio.DataService;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>System settings as 8.1 BaseSysSettingsService reads and writes them, and as clio SysSettingsManager judges a write.</summary>
public sealed class SysSettingsClientTests
{
    private const string QueryPath = "/DataService/json/SyncReply/QuerySysSettings";
    private const string PostPath = "/DataService/json/SyncReply/PostSysSettingsValues";

    private static (CreatioFixture Creatio, SysSettingsClient Client) World(string path, string answer, HttpStatusCode status = HttpStatusCode.OK)
    {
        var creatio = CreatioFixture.Net(path, answer, status);
        return (creatio, new SysSettingsClient(creatio.Session()));
    }

    public sealed class TheQueryAsyncMethod
    {
        [Fact]
        public async Task Should_Ask_For_The_Codes_And_Read_Each_Value_With_Its_Type()
        {
            // Given
            var (creatio, client) = World(QueryPath, """
                {"QuerySysSettingsResult":{"success":true,"values":{
                  "OAuth20IdentityServerUrl":{"value":"https://id.example.com","dataValueType":1},
                  "OAuth20IdentityServerClientId":{"value":42,"dataValueType":"1"},
                  "UseOAuth":{"value":true,"dataValueType":12,"displayValue":"Yes"},
                  "UseLdap":{"value":false,"dataValueType":12},
                  "Bare":"text",
                  "NoValue":{"dataValueType":1}}}}
                """);

            // When
            var values = await client.QueryAsync(["OAuth20IdentityServerUrl", "UseOAuth"], CancellationToken.None);

            // Then
            Assert.Equal("""{"sysSettingsNameCollection":["OAuth20IdentityServerUrl","UseOAuth"]}""", creatio.Received[^1].Body);
            Assert.Equal(new SettingValue("OAuth20IdentityServerUrl", "https://id.example.com", DataValueType.Text, null), values["oauth20identityserverurl"]);
            Assert.Equal(new SettingValue("OAuth20IdentityServerClientId", "42", null, null), values["OAuth20IdentityServerClientId"]);
            Assert.Equal(new SettingValue("UseOAuth", "true", DataValueType.Boolean, "Yes"), values["UseOAuth"]);
            Assert.Equal(new SettingValue("Bare", "text", null, null), values["Bare"]);
            Assert.Equal(new SettingValue("NoValue", null, DataValueType.Text, null), values["NoValue"]);
            Assert.Equal(new SettingValue("UseLdap", "false", DataValueType.Boolean, null), values["UseLdap"]);
            Assert.Equal(6, values.Count);
        }

        [Theory]
        [InlineData("""{"QuerySysSettingsResult":{"success":true}}""")]
        [InlineData("""{"values":[]}""")]
        public async Task Should_Not_Understand_An_Answer_Without_Values(string answer)
        {
            // Given
            var (_, client) = World(QueryPath, answer);

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.QueryAsync(["A"], CancellationToken.None));

            // Then
            Assert.StartsWith("Creatio answered DataService/json/SyncReply/QuerySysSettings with HTTP 200 that was not understood (no \"values\" object): ", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Fail_On_An_Error_Status()
        {
            // Given
            var (_, client) = World(QueryPath, "{}", HttpStatusCode.InternalServerError);

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.QueryAsync(["A"], CancellationToken.None));

            // Then
            Assert.Equal("Creatio answered DataService/json/SyncReply/QuerySysSettings with HTTP 500: {}. Look at Creatio's error log.", exception.Message);
        }
    }

    public sealed class ThePostAsyncMethod
    {
        [Fact]
        public async Task Should_Write_Every_Value_In_One_Request_And_Read_A_Verdict_Per_Code()
        {
            // Given: the top-level success says false although both were saved (clio does not trust it either)
            var (creatio, client) = World(PostPath, """{"PostSysSettingsValuesResult":{"success":false,"saveResult":{"A":true,"B":"false","C":"maybe"}}}""");

            // When
            var verdicts = await client.PostAsync(new Dictionary<string, JsonNode?> { ["A"] = JsonValue.Create(true), ["B"] = JsonValue.Create("x"), ["C"] = null }, CancellationToken.None);

            // Then
            Assert.Equal("""{"isPersonal":false,"sysSettingsValues":{"A":true,"B":"x","C":null}}""", creatio.Received[^1].Body);
            Assert.True(verdicts["a"]);
            Assert.False(verdicts["B"]);
            Assert.False(verdicts["C"]);
            Assert.Equal(3, verdicts.Count);
        }

        [Fact]
        public async Task Should_Not_Understand_An_Answer_Without_A_Verdict_Per_Setting()
        {
            // Given
            var (_, client) = World(PostPath, """{"success":true,"saveResult":true}""");

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.PostAsync(new Dictionary<string, JsonNode?> { ["A"] = JsonValue.Create(1) }, CancellationToken.None));

            // Then: the request carried the secret, so the answer is not quoted
            Assert.Equal(
                "Creatio answered DataService/json/SyncReply/PostSysSettingsValues with HTTP 200 that was not understood (no \"saveResult\" per setting) (the answer is not quoted, as the request carried a secret). "
                + "Check that the URL points at the Creatio site root and that this Creatio version has the service.",
                exception.Message);
        }

        [Fact]
        public async Task Should_Say_Nothing_Is_Known_To_Be_Saved_On_An_Error_Status()
        {
            // Given
            var (_, client) = World(PostPath, """{"echo":"s3cret"}""", HttpStatusCode.BadGateway);

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.PostAsync(new Dictionary<string, JsonNode?> { ["A"] = JsonValue.Create("s3cret") }, CancellationToken.None));

            // Then
            Assert.Equal(
                "Creatio answered DataService/json/SyncReply/PostSysSettingsValues with HTTP 502 (the answer is not quoted, as the request carried a secret). Nothing is known to have been saved.",
                exception.Message);
        }
    }
}
