using CreatioIdentity.Creatio;

namespace CreatioIdentity.Tests.Creatio;

public sealed class CreatioAccessTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Should_Refuse_A_Read_Only_Mode_Without_A_Name(string mode) =>
        Assert.Throws<ArgumentException>(() => CreatioAccess.ReadOnly(mode));

    [Fact]
    public void Should_Refuse_To_Admit_No_Route() =>
        Assert.Throws<ArgumentNullException>(() => CreatioAccess.ReadWrite.Admit(null!));

    [Fact]
    public void Should_Name_The_Mode_And_The_Write_It_Refused()
    {
        // When
        var refused = Assert.Throws<CreatioWriteRefusedException>(() => CreatioAccess.ReadOnly("monitor").Admit(CreatioRoutes.ClearFeaturesCacheForAllUsers));

        // Then
        Assert.Equal(
            "monitor writes nothing to Creatio, yet a step asked for GET rest/FeatureService/ClearFeaturesCacheForAllUsers/; it was refused before it was sent. This is a defect of creatio-identity.",
            refused.Message);
        Assert.Equal("monitor", refused.Mode);
        Assert.Equal(CreatioRoutes.ClearFeaturesCacheForAllUsers, refused.Route);
    }

    [Fact]
    public void Should_Admit_Reads_And_The_Session_In_A_Read_Only_Run()
    {
        // Given
        var access = CreatioAccess.ReadOnly("plan");

        // When
        access.Admit(CreatioRoutes.SelectQuery);
        access.Admit(CreatioRoutes.Login);
        access.Admit(CreatioRoutes.Logout);

        // Then
        Assert.False(access.MayWrite);
        Assert.True(CreatioAccess.ReadWrite.MayWrite);
    }

    [Fact]
    public void Should_Say_What_It_Allows()
    {
        Assert.Equal("read-write", CreatioAccess.ReadWrite.ToString());
        Assert.Equal("read-only (plan)", CreatioAccess.ReadOnly("plan").ToString());
    }
}
