using System.Text.Json.Nodes;
using CreatioIdentity.Creatio.DataService;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>
/// The whole bodies DataService receives, as Creatio's own client and clio write them (clio SelectQueryHelper,
/// UserThemeApplier): every number and flag of the query is part of the contract with Creatio.
/// </summary>
public sealed class DataServiceQueriesTests
{
    private static void AssertJson(string expected, JsonObject actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {JsonNode.Parse(expected)!.ToJsonString()}\nbut was {actual.ToJsonString()}");

    public sealed class TheSelectMethod
    {
        [Fact]
        public void Should_Write_Columns_By_Alias_And_Filters_Joined_By_Or()
        {
            // When
            var query = DataServiceQueries.Select("AdminUnitFeatureState", ["Id", "Feature.Code"],
                [new ColumnFilter("Feature.Code", DataValue.Text("A")), new ColumnFilter("SysAdminUnit", DataValue.Id(Guid.Parse("0b1c0f3c-0000-0000-0000-000000000002")))], anyFilter: true);

            // Then
            AssertJson("""
                {
                  "rootSchemaName": "AdminUnitFeatureState",
                  "operationType": 0,
                  "allColumns": false,
                  "isDistinct": false,
                  "ignoreDisplayValues": false,
                  "rowCount": -1,
                  "rowsOffset": -1,
                  "isPageable": false,
                  "columns": { "items": {
                    "Id": { "expression": { "expressionType": 0, "columnPath": "Id" } },
                    "FeatureCode": { "expression": { "expressionType": 0, "columnPath": "Feature.Code" } } } },
                  "filters": {
                    "filterType": 6, "isEnabled": true, "trimDateTimeParameterToDate": false, "logicalOperation": 1,
                    "items": {
                      "f0": { "filterType": 1, "comparisonType": 3, "isEnabled": true, "trimDateTimeParameterToDate": false,
                              "leftExpression": { "expressionType": 0, "columnPath": "Feature.Code" },
                              "rightExpression": { "expressionType": 2, "parameter": { "dataValueType": 1, "value": "A" } } },
                      "f1": { "filterType": 1, "comparisonType": 3, "isEnabled": true, "trimDateTimeParameterToDate": false,
                              "leftExpression": { "expressionType": 0, "columnPath": "SysAdminUnit" },
                              "rightExpression": { "expressionType": 2, "parameter": { "dataValueType": 0, "value": "0b1c0f3c-0000-0000-0000-000000000002" } } } } }
                }
                """, query);
        }

        [Fact]
        public void Should_Join_Filters_By_And_Unless_Told()
        {
            // When
            var query = DataServiceQueries.Select("SysSettings", ["Code"], [], anyFilter: false);

            // Then
            AssertJson("""{ "filterType": 6, "isEnabled": true, "trimDateTimeParameterToDate": false, "logicalOperation": 0, "items": {} }""", query["filters"]!.AsObject());
        }
    }

    public sealed class TheUpdateMethod
    {
        [Fact]
        public void Should_Write_Typed_Values_And_Filters_Joined_By_And()
        {
            // When
            var query = DataServiceQueries.Update("AppFeature",
                new Dictionary<string, DataValue> { ["State"] = DataValue.Flag(true), ["Order"] = DataValue.Number(2) },
                [new ColumnFilter("Code", DataValue.Text("OAuth20Integration"))]);

            // Then
            AssertJson("""
                {
                  "rootSchemaName": "AppFeature",
                  "operationType": 2,
                  "isForceUpdate": false,
                  "columnValues": { "items": {
                    "State": { "expressionType": 2, "parameter": { "dataValueType": 12, "value": true } },
                    "Order": { "expressionType": 2, "parameter": { "dataValueType": 4, "value": 2 } } } },
                  "filters": {
                    "filterType": 6, "isEnabled": true, "trimDateTimeParameterToDate": false, "logicalOperation": 0,
                    "items": {
                      "f0": { "filterType": 1, "comparisonType": 3, "isEnabled": true, "trimDateTimeParameterToDate": false,
                              "leftExpression": { "expressionType": 0, "columnPath": "Code" },
                              "rightExpression": { "expressionType": 2, "parameter": { "dataValueType": 1, "value": "OAuth20Integration" } } } } }
                }
                """, query);
        }

        [Fact]
        public void Should_Not_Share_A_Value_Between_Two_Queries()
        {
            // Given: one value, put into two queries (a JsonNode has one parent)
            var value = DataValue.Text("x");

            // When
            var first = DataServiceQueries.Update("A", new Dictionary<string, DataValue> { ["C"] = value }, []);
            var second = DataServiceQueries.Update("B", new Dictionary<string, DataValue> { ["C"] = value }, [new ColumnFilter("C", value)]);

            // Then
            Assert.Equal("x", (string?)first["columnValues"]!["items"]!["C"]!["parameter"]!["value"]);
            Assert.Equal("x", (string?)second["filters"]!["items"]!["f0"]!["rightExpression"]!["parameter"]!["value"]);
        }
    }

    public sealed class TheAliasMethod
    {
        [Theory]
        [InlineData("Feature.Code", "FeatureCode")]
        [InlineData("SysAdminUnit.Contact.Name", "SysAdminUnitContactName")]
        [InlineData("Id", "Id")]
        public void Should_Drop_The_Dots_Of_A_Path(string path, string alias) =>
            Assert.Equal(alias, DataServiceQueries.Alias(path));
    }
}
