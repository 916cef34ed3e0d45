using CreatioIdentity.Steps;

namespace CreatioIdentity.Tests.Steps;

/// <summary>The OAuth switches that only the host configuration and a restart change.</summary>
public sealed class HostSwitchesTests
{
    [Theory]
    [InlineData("EnableOAuth20Integration", "Feature-EnableOAuth20Integration")]
    [InlineData("enableoauth20integration", "Feature-EnableOAuth20Integration")]
    [InlineData("UseSeparateSettingsForOAuth20", "Feature-UseSeparateSettingsForOAuth20")]
    [InlineData("USESEPARATESETTINGSFOROAUTH20", "Feature-UseSeparateSettingsForOAuth20")]
    public void Should_Name_The_Configuration_Key_The_Files_And_The_Restart_In_Any_Letter_Case(string code, string key)
    {
        // When
        var remedy = HostSwitches.Remedy(code);

        // Then
        Assert.NotNull(remedy);
        Assert.Contains(key, remedy, StringComparison.Ordinal);
        Assert.Contains("Terrasoft.WebHost.dll.config on .NET, Web.config on .NET Framework", remedy, StringComparison.Ordinal);
        Assert.EndsWith("set it to true there and restart Creatio", remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Say_Which_Settings_Creatio_Reads_While_Separate_Settings_Are_Off()
    {
        Assert.Contains("reads IdentityServerUrl, IdentityServerClientId and IdentityServerClientSecret instead of the OAuth20IdentityServer* settings",
            HostSwitches.Remedy(HostSwitches.UseSeparateSettingsForOAuth20), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OAuth20Integration")]
    [InlineData("EnableOAuth20")]
    [InlineData("")]
    public void Should_Have_No_Remedy_For_A_Code_That_Is_No_Host_Switch(string code)
    {
        Assert.Null(HostSwitches.Remedy(code));
    }

    [Fact]
    public void Should_List_Both_Switches()
    {
        Assert.Equal(["EnableOAuth20Integration", "UseSeparateSettingsForOAuth20"], HostSwitches.All);
    }
}
