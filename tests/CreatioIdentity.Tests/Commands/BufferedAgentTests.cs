using CreatioIdentity.Checks;
using CreatioIdentity.Commands;
using CreatioIdentity.Reporting;
using CreatioIdentity.Tests.Agents;

namespace CreatioIdentity.Tests.Commands;

public sealed class BufferedAgentTests
{
    public sealed class TheFlushMethod
    {
        [Fact]
        public void Should_Hold_Everything_Back_Until_Flushed_As_One_Group()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();
            var dev = new BufferedAgent(fixture.Agent);
            var prod = new BufferedAgent(fixture.Agent);
            dev.Info("dev line 1");
            prod.Info("prod line 1");
            dev.ShowStep(new StepResult("Preflight", StepStatus.Unchanged, 10, [], []));
            prod.Error("prod failed");
            Assert.Empty(fixture.Output);

            // When
            prod.Flush("prod", "prod: red");
            dev.Flush("dev", "dev: green");

            // Then
            var lines = fixture.Lines.Where(line => line.Length > 0).ToList();
            var prodTitle = lines.FindIndex(line => line.Contains("prod", StringComparison.Ordinal) && line.Contains('─'));
            var devTitle = lines.FindIndex(line => line.Contains("dev", StringComparison.Ordinal) && line.Contains('─'));
            Assert.Equal(["prod: red", "prod line 1", "error: prod failed"], lines[(prodTitle + 1)..devTitle]);
            Assert.Equal(["dev: green", "dev line 1"], lines[(devTitle + 1)..(devTitle + 3)]);
            Assert.Equal("Preflight: checked the configuration (10 ms)", lines[devTitle + 3]);
        }

        [Fact]
        public void Should_Mask_A_Secret_Registered_While_Buffering()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();
            var agent = new BufferedAgent(fixture.Agent);
            agent.MaskSecrets(["s3cret-value"]);
            agent.Info("the value is s3cret-value");

            // When
            agent.Flush("dev", "dev");

            // Then
            Assert.DoesNotContain("s3cret-value", fixture.Output, StringComparison.Ordinal);
            Assert.Contains("the value is ***", fixture.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Show_A_Sites_Checks_As_Lines_And_Leave_The_Table_To_The_Whole_Run()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();
            var agent = new BufferedAgent(fixture.Agent);
            var report = new Report(1, false, "monitor", "https://dev.example.com/", null, [], [CheckResult.Fail(CheckIds.CreatioLogin, "Refused.")]);

            // When
            agent.ShowReport(report, "artifacts/dev");
            agent.Flush("dev", "dev");

            // Then
            Assert.Contains("fail CreatioLogin: Refused.", fixture.Output, StringComparison.Ordinal);
            Assert.Contains("Creatio Identity Service: not connected (https://dev.example.com/)", fixture.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("┌", fixture.Output, StringComparison.Ordinal);
        }
    }
}
