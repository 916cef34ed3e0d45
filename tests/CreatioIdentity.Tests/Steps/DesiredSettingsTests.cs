using CreatioIdentity.Steps;

namespace CreatioIdentity.Tests.Steps;

public sealed class DesiredSettingsTests
{
    public sealed class TheSameMethod
    {
        [Theory]
        [InlineData("https://identity.example.com", "https://identity.example.com/")]
        [InlineData("HTTPS://Identity.Example.com/", "https://identity.example.com")]
        [InlineData(" client ", "client")]
        [InlineData("True", "true")]
        [InlineData("10.0", "10")]
        public void Should_Treat_Equivalent_Values_As_The_Same(string current, string wanted) =>
            Assert.True(DesiredSettings.Same(current, wanted));

        [Theory]
        [InlineData(null, "client")]
        [InlineData("", "client")]
        [InlineData("https://identity.example.com/a", "https://identity.example.com/b")]
        [InlineData("Client", "client")]
        [InlineData("true", "1")]
        public void Should_Tell_Different_Values_Apart(string? current, string wanted) =>
            Assert.False(DesiredSettings.Same(current, wanted));
    }
}
