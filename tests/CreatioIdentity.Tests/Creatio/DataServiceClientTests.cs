using System.Text.Json;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.Creatio.DataService;

namespace CreatioIdentity.Tests.Creatio;

public sealed class DataServiceClientTests
{
    private const string SelectPath = "/DataService/json/SyncReply/SelectQuery";
    private const string UpdatePath = "/DataService/json/SyncReply/UpdateQuery";

    private static (CreatioFixture Creatio, DataServiceClient Client) World(string path, string answer)
    {
        var creatio = CreatioFixture.Net(path, answer);
        return (creatio, new DataServiceClient(creatio.Session()));
    }

    public sealed class TheSelectAsyncMethod
    {
        [Fact]
        public async Task Should_Send_The_Entity_The_Columns_And_An_Equal_Filter_Per_Value()
        {
            // Given
            var (creatio, client) = World(SelectPath, """{"rows":[],"success":true}""");

            // When
            await client.SelectAsync("AdminUnitFeatureState", ["Id", "Feature.Code"],
                [new ColumnFilter("Feature.Code", DataValue.Text("A")), new ColumnFilter("Feature.Code", DataValue.Text("B"))], anyFilter: true, CancellationToken.None);

            // Then
            using var body = JsonDocument.Parse(creatio.Received[^1].Body!);
            var root = body.RootElement;
            Assert.Equal("AdminUnitFeatureState", root.GetProperty("rootSchemaName").GetString());
            Assert.Equal("Feature.Code", root.GetProperty("columns").GetProperty("items").GetProperty("FeatureCode").GetProperty("expression").GetProperty("columnPath").GetString());
            var filters = root.GetProperty("filters");
            Assert.Equal(1, filters.GetProperty("logicalOperation").GetInt32());
            var first = filters.GetProperty("items").GetProperty("f0");
            Assert.Equal(3, first.GetProperty("comparisonType").GetInt32());
            Assert.Equal(1, first.GetProperty("rightExpression").GetProperty("parameter").GetProperty("dataValueType").GetInt32());
            Assert.Equal("A", first.GetProperty("rightExpression").GetProperty("parameter").GetProperty("value").GetString());
        }

        [Fact]
        public async Task Should_Read_Rows_With_Lookups_In_Any_Letter_Case()
        {
            // Given
            var (_, client) = World(SelectPath,
                """{"rows":[{"id":"0b1c0f3c-0000-0000-0000-000000000001","FeatureCode":"OAuth20Integration","SysAdminUnit":{"value":"0b1c0f3c-0000-0000-0000-000000000002","displayValue":"System administrators"},"FeatureState":0}],"success":true}""");

            // When
            var row = Assert.Single(await client.SelectAsync("AdminUnitFeatureState", ["Id", "Feature.Code", "SysAdminUnit", "FeatureState"], [], false, CancellationToken.None));

            // Then
            Assert.Equal(Guid.Parse("0b1c0f3c-0000-0000-0000-000000000001"), row.Id("Id"));
            Assert.Equal("OAuth20Integration", row.Text("FeatureCode"));
            Assert.Equal("System administrators", row.Display("SysAdminUnit"));
            Assert.Equal(0, row.Number("FeatureState"));
        }

        [Fact]
        public async Task Should_Fail_On_Success_False_With_Its_Error_Code()
        {
            // Given: Creatio answers a failed query with HTTP 200
            var (_, client) = World(SelectPath, """{"success":false,"errorInfo":{"errorCode":"ItemNotFoundException","message":"Схема не найдена"}}""");

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.SelectAsync("AppFeature", ["Id"], [], false, CancellationToken.None));

            // Then
            Assert.Contains("ItemNotFoundException", exception.Message, StringComparison.Ordinal);
            Assert.Contains("AppFeature", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Say_What_Was_Refused_In_Full()
        {
            // Given
            var (_, client) = World(SelectPath, """{"success":false,"errorInfo":{"errorCode":"ItemNotFoundException","message":"Схема не найдена"}}""");

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.SelectAsync("AppFeature", ["Id"], [], false, CancellationToken.None));

            // Then
            Assert.Equal(CreatioFailure.UnexpectedAnswer, exception.Failure);
            Assert.Equal(
                "Creatio refused to read AppFeature (ItemNotFoundException: Схема не найдена). This Creatio version may not have the entity AppFeature, or 'Supervisor' may not read it (a system administrator is needed).",
                exception.Message);
        }

        [Fact]
        public async Task Should_Say_When_A_Refusal_Has_No_Error_Code_Nor_Message()
        {
            // Given
            var (_, client) = World(SelectPath, """{"success":false}""");

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.SelectAsync("AppFeature", ["Id"], [], false, CancellationToken.None));

            // Then
            Assert.StartsWith("Creatio refused to read AppFeature (no error code). ", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Read_Rows_When_Success_Is_Not_Said()
        {
            // Given: only "success": false is a refusal; rows that are not objects are skipped
            var (_, client) = World(SelectPath, """{"rows":[{"Name":"a"},42,null,{"Name":"b"}]}""");

            // When
            var rows = await client.SelectAsync("SysAdminUnit", ["Name"], [], false, CancellationToken.None);

            // Then
            Assert.Equal(["a", "b"], rows.Select(row => row.Text("Name")));
        }

        [Theory]
        [InlineData("""{"success":true}""")]
        [InlineData("""{"rows":{},"success":true}""")]
        public async Task Should_Not_Understand_An_Answer_Without_Rows(string answer)
        {
            // Given
            var (_, client) = World(SelectPath, answer);

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.SelectAsync("AppFeature", ["Id"], [], false, CancellationToken.None));

            // Then
            Assert.Equal(CreatioFailure.UnexpectedAnswer, exception.Failure);
            Assert.StartsWith($"Creatio answered {CreatioRoutes.SelectQuery.Path} with HTTP 200 that was not understood (no \"rows\"): {answer}. ", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Not_Understand_An_Answer_That_Is_Not_An_Object()
        {
            // Given
            var (_, client) = World(SelectPath, "[]");

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.SelectAsync("AppFeature", ["Id"], [], false, CancellationToken.None));

            // Then
            Assert.StartsWith($"Creatio answered {CreatioRoutes.SelectQuery.Path} with HTTP 200 that was not understood (not a JSON object): []. ", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Fail_On_An_Error_Status_With_What_To_Look_At()
        {
            // Given
            var creatio = new CreatioFixture { Runtime = CreatioRuntime.Net }
                .Answer(SelectPath, _ => CreatioFixture.Json("""{"Message":"Object reference not set"}""", System.Net.HttpStatusCode.InternalServerError));
            var client = new DataServiceClient(creatio.Session());

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.SelectAsync("AppFeature", ["Id"], [], false, CancellationToken.None));

            // Then
            Assert.Equal(CreatioFailure.HttpStatus, exception.Failure);
            Assert.Equal(
                $"Creatio answered {CreatioRoutes.SelectQuery.Path} with HTTP 500: {{\"Message\":\"Object reference not set\"}}. DataService could not be used for AppFeature; look at Creatio's error log.",
                exception.Message);
        }
    }

    public sealed class TheUpdateAsyncMethod
    {
        [Fact]
        public async Task Should_Send_A_Typed_Value_And_A_Filter_By_Id()
        {
            // Given
            var (creatio, client) = World(UpdatePath, """{"rowsAffected":1,"success":true}""");
            var id = Guid.NewGuid();

            // When
            var outcome = await client.UpdateAsync("AppFeature", new Dictionary<string, DataValue> { ["State"] = DataValue.Flag(true) },
                [new ColumnFilter("Id", DataValue.Id(id))], CancellationToken.None);

            // Then
            Assert.True(outcome.Success);
            Assert.Equal(1, outcome.RowsAffected);
            using var body = JsonDocument.Parse(creatio.Received[^1].Body!);
            var parameter = body.RootElement.GetProperty("columnValues").GetProperty("items").GetProperty("State").GetProperty("parameter");
            Assert.Equal(12, parameter.GetProperty("dataValueType").GetInt32());
            Assert.True(parameter.GetProperty("value").GetBoolean());
            Assert.Equal(id.ToString(), body.RootElement.GetProperty("filters").GetProperty("items").GetProperty("f0").GetProperty("rightExpression").GetProperty("parameter").GetProperty("value").GetString());
        }

        [Fact]
        public async Task Should_Return_A_Refusal_By_Its_Error_Code()
        {
            // Given
            var (_, client) = World(UpdatePath, """{"rowsAffected":-1,"success":false,"errorInfo":{"errorCode":"SecurityException","message":"Недостаточно прав"}}""");

            // When
            var outcome = await client.UpdateAsync("AppFeature", new Dictionary<string, DataValue> { ["State"] = DataValue.Flag(true) }, [], CancellationToken.None);

            // Then
            Assert.Equal(new UpdateOutcome(false, -1, "SecurityException", "Недостаточно прав"), outcome);
        }

        [Fact]
        public async Task Should_Count_No_Rows_When_Creatio_Does_Not_Say()
        {
            // Given
            var (_, client) = World(UpdatePath, """{"rowsAffected":"1","success":true}""");

            // When
            var outcome = await client.UpdateAsync("AppFeature", new Dictionary<string, DataValue> { ["State"] = DataValue.Flag(true) }, [], CancellationToken.None);

            // Then
            Assert.Equal(new UpdateOutcome(true, -1, null, null), outcome);
        }

        [Fact]
        public async Task Should_Not_Understand_An_Answer_Without_Success()
        {
            // Given
            var (_, client) = World(UpdatePath, """{"rowsAffected":1}""");

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() =>
                client.UpdateAsync("AppFeature", new Dictionary<string, DataValue> { ["State"] = DataValue.Flag(true) }, [], CancellationToken.None));

            // Then
            Assert.StartsWith($"Creatio answered {CreatioRoutes.UpdateQuery.Path} with HTTP 200 that was not understood (no \"success\"): ", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Read_No_Error_From_A_Success()
        {
            // Given: a success that still carries an errorInfo
            var (_, client) = World(UpdatePath, """{"rowsAffected":2,"success":true,"errorInfo":{"errorCode":"Stale","message":"ignored"}}""");

            // When
            var outcome = await client.UpdateAsync("AppFeature", new Dictionary<string, DataValue> { ["State"] = DataValue.Flag(true) }, [], CancellationToken.None);

            // Then
            Assert.Equal(new UpdateOutcome(true, 2, null, null), outcome);
        }
    }
}
