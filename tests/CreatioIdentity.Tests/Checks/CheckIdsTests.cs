using CreatioIdentity.Checks;

namespace CreatioIdentity.Tests.Checks;

public sealed class CheckIdsTests
{
    [Fact]
    public void Should_List_Every_Contract_Check_Id_Once()
    {
        Assert.Equal(9, CheckIds.All.Distinct().Count());
        Assert.Contains("DefaultResourceRegistered", CheckIds.All);
    }
}
