using CreatioIdentity.Creatio;
using CreatioIdentity.Creatio.DataService;

namespace CreatioIdentity.Tests.Steps;

public sealed class SettingValuesTests
{
    public sealed class TheSameMethod
    {
        [Theory]
        [InlineData(DataValueType.Text, "https://identity.example.com", "https://identity.example.com/")]
        [InlineData(DataValueType.Text, "HTTPS://Identity.Example.com/", "https://identity.example.com")]
        [InlineData(DataValueType.ShortText, " client ", "client")]
        [InlineData(DataValueType.Boolean, "True", "true")]
        [InlineData(DataValueType.Boolean, "1", "true")]
        [InlineData(DataValueType.Boolean, "0", "false")]
        [InlineData(DataValueType.Text, "http://identity.example.com/", "http://identity.example.com")]
        [InlineData(DataValueType.Integer, "10", "10")]
        [InlineData(DataValueType.Float, "10.0", "10")]
        [InlineData(DataValueType.DateTime, "2026-01-31T08:00:00", "2026-01-31T08:00:00.000")]
        [InlineData(DataValueType.Lookup, "6B0B4A3A-0000-0000-0000-000000000001", "6b0b4a3a-0000-0000-0000-000000000001")]
        public void Should_Treat_Equivalent_Values_Of_The_Type_As_The_Same(DataValueType type, string current, string wanted) =>
            Assert.True(SettingValues.Same(type, current, wanted));

        [Theory]
        [InlineData(DataValueType.Text, null, "client")]
        [InlineData(DataValueType.Text, "", "client")]
        [InlineData(DataValueType.Text, "https://identity.example.com/a", "https://identity.example.com/b")]
        [InlineData(DataValueType.Text, "Client", "client")]
        [InlineData(DataValueType.Text, "true", "1")]
        [InlineData(DataValueType.Boolean, "false", "true")]
        [InlineData(DataValueType.Integer, "10", "11")]
        public void Should_Tell_Different_Values_Apart(DataValueType type, string? current, string wanted) =>
            Assert.False(SettingValues.Same(type, current, wanted));
    }

    public sealed class TheToJsonMethod
    {
        [Theory]
        [InlineData(DataValueType.Boolean, "true", "true")]
        [InlineData(DataValueType.Integer, "42", "42")]
        [InlineData(DataValueType.Money, "4.50", "4.50")]
        [InlineData(DataValueType.DateTime, "2026-01-31T08:00:00", "\"2026-01-31T08:00:00.000\"")]
        [InlineData(DataValueType.Lookup, "6B0B4A3A-0000-0000-0000-000000000001", "\"6b0b4a3a-0000-0000-0000-000000000001\"")]
        [InlineData(DataValueType.Text, "true", "\"true\"")]
        [InlineData(null, "42", "\"42\"")]
        public void Should_Write_The_Json_Type_Creatio_Declares(DataValueType? type, string text, string json)
        {
            // When
            var value = SettingValues.ToJson(type, text, out var problem);

            // Then
            Assert.Null(problem);
            Assert.Equal(json, value!.ToJsonString());
        }

        [Theory]
        [InlineData(DataValueType.Boolean, "yes", "Boolean")]
        [InlineData(DataValueType.Integer, "4.5", "whole number")]
        [InlineData(DataValueType.Lookup, "Supervisor", "Guid")]
        [InlineData(DataValueType.DateTime, "tomorrow", "ISO 8601")]
        [InlineData(DataValueType.Float, "4.5.1", "Creatio declares it a number: write digits with a dot for decimals")]
        public void Should_Say_What_Fits_When_A_Value_Does_Not(DataValueType type, string text, string expected)
        {
            // When
            var value = SettingValues.ToJson(type, text, out var problem);

            // Then
            Assert.Null(value);
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }
    }
}
