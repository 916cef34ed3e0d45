using CreatioIdentity.Agents;

namespace CreatioIdentity.Tests.Agents;

public sealed class BuildAgentsTests
{
    public sealed class TheDetectMethod
    {
        [Fact]
        public void Should_Choose_The_Console_Outside_A_CI_System()
        {
            // When
            var agent = BuildAgents.Detect(_ => null, new StringWriter(), plain: true);

            // Then
            Assert.IsType<ConsoleAgent>(agent);
            Assert.Equal("Console", agent.Name);
        }

        [Theory]
        [InlineData("true")]
        [InlineData("TRUE")]
        public void Should_Choose_GitHub_Actions_When_GITHUB_ACTIONS_Is_True(string value)
        {
            // When
            var agent = BuildAgents.Detect(name => name == "GITHUB_ACTIONS" ? value : null, new StringWriter(), plain: true);

            // Then
            Assert.IsType<GitHubActionsAgent>(agent);
            Assert.Equal("GitHub Actions", agent.Name);
        }

        [Fact]
        public void Should_Choose_Azure_Pipelines_When_TF_BUILD_Is_True()
        {
            // When
            var agent = BuildAgents.Detect(name => name == "TF_BUILD" ? "True" : null, new StringWriter(), plain: true);

            // Then
            Assert.IsType<AzurePipelinesAgent>(agent);
            Assert.Equal("Azure Pipelines", agent.Name);
        }

        [Theory]
        [InlineData("GITHUB_ACTIONS", "false")]
        [InlineData("TF_BUILD", "")]
        public void Should_Choose_The_Console_When_The_Variable_Is_Not_True(string name, string value)
        {
            // When
            var agent = BuildAgents.Detect(variable => variable == name ? value : null, new StringWriter(), plain: true);

            // Then
            Assert.IsType<ConsoleAgent>(agent);
        }

        [Fact]
        public void Should_Print_To_The_Given_Writer()
        {
            // Given
            var output = new StringWriter();

            // When
            BuildAgents.Detect(_ => null, output, plain: true).Info("Hello from the agent.");

            // Then
            Assert.Equal("Hello from the agent." + Environment.NewLine, output.ToString());
        }
    }
}
