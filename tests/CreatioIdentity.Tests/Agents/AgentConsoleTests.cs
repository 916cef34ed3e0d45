using CreatioIdentity.Agents;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Tests.Agents;

public sealed class AgentConsoleTests
{
    // Longer than any terminal is wide: a discovery address behind a long path.
    private static readonly string LongUrl = "https://identity.example.com/" + string.Join('/', Enumerable.Range(1, 30).Select(i => $"segment-{i:00}")) + "/.well-known/openid-configuration";

    private static Report Red(string message) =>
        new(1, false, "preflight", "https://creatio.example.com", "run-1", [], [CheckResult.Fail(CheckIds.IdentityServiceDiscovery, message), CheckResult.Pass(CheckIds.CreatioLogin, "Logged in.")]);

    public sealed class TheCreateMethod
    {
        [Fact]
        public void Should_Wrap_Nothing_And_Keep_A_Long_Url_Whole_When_The_Output_Is_Not_A_Terminal()
        {
            // Given: a log redirected to a file (not plain: the console decides by itself)
            var output = new StringWriter();
            var agent = new ConsoleAgent(AgentConsole.Create(output, plain: false), new SecretMasker());
            var message = $"The discovery document at {LongUrl} could not be read: connection refused. Check identityService.url, and that the runner can reach it.";

            // When
            agent.ShowReport(Red(message), "artifacts");
            agent.Info("Discovery: " + LongUrl);

            // Then: each text on one line, the URL whole
            var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');
            Assert.Single(lines, line => line.Contains(message, StringComparison.Ordinal));
            Assert.Contains("Discovery: " + LongUrl, lines);
            Assert.True(lines.Max(line => line.Length) > 300);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Should_Print_No_Ansi_Code_When_The_Output_Is_Not_A_Terminal(bool plain)
        {
            // Given
            var output = new StringWriter();
            var agent = new ConsoleAgent(AgentConsole.Create(output, plain), new SecretMasker());

            // When
            using (agent.BeginStep("Preflight", namedByCaller: false))
            {
                agent.ShowStep(new StepResult("Preflight", StepStatus.Failed, 10, [], [], "refused"));
            }

            agent.Warning("careful");
            agent.ShowReport(Red("red"), "artifacts");

            // Then
            Assert.DoesNotContain('\u001b', output.ToString());
            Assert.Contains("warning: careful", output.ToString(), StringComparison.Ordinal);
        }
    }

    public sealed class TheNoColorMethod
    {
        [Theory]
        [InlineData("1", true)]
        [InlineData("true", true)]
        [InlineData("", false)]
        [InlineData(null, false)]
        public void Should_Follow_NO_COLOR_Set_To_Anything_But_Empty(string? value, bool expected)
        {
            // When
            var noColor = AgentConsole.NoColor(name => name == "NO_COLOR" ? value : null);

            // Then
            Assert.Equal(expected, noColor);
        }

        [Fact]
        public void Should_Make_The_Detected_Console_Plain()
        {
            // Given
            var output = new StringWriter();

            // When
            var agent = BuildAgents.Detect(name => name == "NO_COLOR" ? "1" : null, output);
            agent.Error("red");
            agent.ShowReport(Red("red"), "artifacts");

            // Then
            Assert.DoesNotContain('\u001b', output.ToString());
        }
    }

    public sealed class TheShowReportMethod
    {
        [Fact]
        public void Should_Keep_A_Url_Whole_On_A_Terminal_Too_Narrow_For_It_In_A_Table()
        {
            // Given: a terminal of 80 columns
            using var fixture = new ConsoleAgentFixture();
            fixture.Console.Profile.Width = 80;
            var message = $"The discovery document at {LongUrl} could not be read.";

            // When
            fixture.Agent.ShowReport(Red(message), "artifacts");

            // Then: one line per check, the message whole on it
            Assert.Single(fixture.Lines, line => line.Contains(message, StringComparison.Ordinal) && line.Contains(CheckIds.IdentityServiceDiscovery, StringComparison.Ordinal));
            Assert.Single(fixture.Lines, line => line.Contains(CheckIds.CreatioLogin, StringComparison.Ordinal));
        }

        [Fact]
        public void Should_Draw_A_Table_Within_The_Terminal_When_Every_Word_Fits()
        {
            // Given: a terminal of 100 columns, and a URL that fits in the message column
            using var fixture = new ConsoleAgentFixture();
            fixture.Console.Profile.Width = 100;
            var url = "http://127.0.0.1:44753/.well-known/openid-configuration";

            // When
            fixture.Agent.ShowReport(Red($"The runner could not read the discovery document at {url}: the connection was refused by the host."), "artifacts");

            // Then: the table wraps the message between words, never inside the URL
            Assert.All(fixture.Lines, line => Assert.True(line.Length <= 100, $"{line.Length}: {line}"));
            Assert.Single(fixture.Lines, line => line.StartsWith('┌'));
            Assert.Single(fixture.Lines, line => line.Contains(url, StringComparison.Ordinal));
        }
    }
}
