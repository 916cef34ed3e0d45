using System.Text.Json;
using CreatioIdentity.Creatio.DataService;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>A SelectQuery row, read as versions of Creatio write it: lookups as objects or bare ids, flags as numbers.</summary>
public sealed class DataRowTests
{
    private static DataRow Row(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new DataRow(document.RootElement.Clone());
    }

    public sealed class TheNumberMethod
    {
        [Theory]
        [InlineData("""{"State":2}""", 2)]
        [InlineData("""{"State":true}""", 1)]
        [InlineData("""{"State":false}""", 0)]
        [InlineData("""{"State":"1"}""", 1)]
        [InlineData("""{"State":" 0 "}""", 0)]
        [InlineData("""{"State":"FALSE"}""", 0)]
        [InlineData("""{"State":1.5}""", null)]
        [InlineData("""{"State":"two"}""", null)]
        [InlineData("""{}""", null)]
        public void Should_Read_A_Number_Or_A_Flag_As_One_Or_Zero(string json, int? expected) =>
            Assert.Equal(expected, Row(json).Number("state"));
    }

    public sealed class TheIdMethod
    {
        [Theory]
        [InlineData("""{"SysAdminUnit":"0b1c0f3c-0000-0000-0000-000000000002"}""")]
        [InlineData("""{"SysAdminUnit":{"value":"0b1c0f3c-0000-0000-0000-000000000002","displayValue":"Supervisor"}}""")]
        public void Should_Read_A_Bare_Id_Or_A_Lookup_Value(string json) =>
            Assert.Equal(Guid.Parse("0b1c0f3c-0000-0000-0000-000000000002"), Row(json).Id("SysAdminUnit"));

        [Theory]
        [InlineData("""{"SysAdminUnit":"not an id"}""")]
        [InlineData("""{"SysAdminUnit":42}""")]
        [InlineData("""{"SysAdminUnit":{"displayValue":"Supervisor"}}""")]
        [InlineData("""{"SysAdminUnit":{"value":null}}""")]
        [InlineData("""{}""")]
        public void Should_Give_No_Id_For_Anything_Else(string json) =>
            Assert.Null(Row(json).Id("SysAdminUnit"));
    }

    public sealed class TheDisplayMethod
    {
        [Fact]
        public void Should_Read_The_Display_Value_Of_A_Lookup() =>
            Assert.Equal("Supervisor", Row("""{"SystemUser":{"value":"0b1c0f3c-0000-0000-0000-000000000002","displayValue":"Supervisor"}}""").Display("SystemUser"));

        [Theory]
        [InlineData("""{"SystemUser":"Supervisor"}""")]
        [InlineData("""{}""")]
        public void Should_Give_None_For_A_Column_That_Is_Not_A_Lookup(string json) =>
            Assert.Null(Row(json).Display("SystemUser"));
    }

    public sealed class TheFlagAndTextMethods
    {
        [Fact]
        public void Should_Read_In_Any_Letter_Case()
        {
            // Given
            var row = Row("""{"isActive":"false","NAME":"erp-sync"}""");

            // Then
            Assert.False(row.Flag("IsActive"));
            Assert.Equal("erp-sync", row.Text("Name"));
        }
    }
}
