using System.Reflection;
using CreatioIdentity.Checks;

namespace CreatioIdentity.Tests.Checks;

public sealed class CheckIdsTests
{
    [Fact]
    public void Should_List_Every_Check_Id_Once_Under_Its_Own_Name()
    {
        // Given: every id constant, so a new check that is not in All (and so not in the report order) fails here
        var constants = typeof(CheckIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .ToDictionary(field => field.Name, field => (string)field.GetRawConstantValue()!);

        // Then
        Assert.Equal(CheckIds.All.Count, CheckIds.All.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(constants.Keys.Order(StringComparer.Ordinal), CheckIds.All.Order(StringComparer.Ordinal));
        Assert.All(constants, constant => Assert.Equal(constant.Key, constant.Value));
    }
}
