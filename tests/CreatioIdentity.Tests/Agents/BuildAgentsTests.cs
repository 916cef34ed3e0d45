using CreatioIdentity.Agents;

namespace CreatioIdentity.Tests.Agents;

public sealed class BuildAgentsTests
{
    public sealed class TheDetectMethod
    {
        [Fact]
        public void Should_Choose_The_Console_Outside_A_CI_System()
        {
            // Given
            var fixture = new ConsoleAgentFixture();

            // When
            var agent = BuildAgents.Detect(_ => null, fixture.Console);

            // Then
            Assert.IsType<ConsoleAgent>(agent);
            Assert.Equal("Console", agent.Name);
        }

        [Fact]
        public void Should_Print_To_The_Given_Console()
        {
            // Given
            var fixture = new ConsoleAgentFixture();

            // When
            BuildAgents.Detect(_ => null, fixture.Console).Info("Hello from the agent.");

            // Then
            Assert.Contains("Hello from the agent.", fixture.Output, StringComparison.Ordinal);
        }
    }
}
