using CreatioIdentity.Protocol;

namespace CreatioIdentity.Tests.Protocol;

/// <summary>The one CI detection of the engine and the recipe.</summary>
public sealed class CiSystemsTests
{
    public sealed class TheDetectMethod
    {
        [Theory]
        [InlineData("GITHUB_ACTIONS", "true", CiSystem.GitHubActions)]
        [InlineData("GITHUB_ACTIONS", "TRUE", CiSystem.GitHubActions)]
        [InlineData("TF_BUILD", "True", CiSystem.AzurePipelines)]
        [InlineData("TF_BUILD", "", CiSystem.None)]
        [InlineData("GITHUB_ACTIONS", "false", CiSystem.None)]
        [InlineData("CI", "true", CiSystem.None)]
        public void Should_Read_The_Variable_Each_System_Sets(string name, string value, CiSystem expected)
        {
            // When
            var detected = CiSystems.Detect(variable => variable == name ? value : null);

            // Then
            Assert.Equal(expected, detected);
        }

        [Fact]
        public void Should_Prefer_GitHub_Actions_When_Both_Are_Set()
        {
            // When
            var detected = CiSystems.Detect(_ => "true");

            // Then
            Assert.Equal(CiSystem.GitHubActions, detected);
        }
    }
}
