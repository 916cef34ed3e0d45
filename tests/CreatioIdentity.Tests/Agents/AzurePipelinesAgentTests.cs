using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Tests.Agents;

public sealed class AzurePipelinesAgentTests
{
    public sealed class TheMaskSecretsMethod
    {
        [Fact]
        public void Should_Register_Each_Secret_First_Then_Every_Form_And_Each_Line_Once_With_Azure_Escaping()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.Azure();

            // When
            agent.MaskSecrets(["pa%ss;word]", "two\r\nlines"]);
            agent.MaskSecrets(["pa%ss;word]"]);

            // Then
            Assert.Equal("##vso[task.setsecret]pa%AZP25ss;word]", fixture.Lines[0]);
            Assert.Contains("##vso[task.setsecret]cGElc3M7d29yZF0=", fixture.Lines); // base64
            Assert.Contains("##vso[task.setsecret]pa%AZP2525ss%AZP253Bword%AZP255D", fixture.Lines); // URL-encoded
            Assert.Contains("##vso[task.setsecret]two%0D%0Alines", fixture.Lines);
            Assert.Contains("##vso[task.setsecret]two\\nlines", fixture.Lines); // JSON-escaped, one line
            Assert.Contains("##vso[task.setsecret]two", fixture.Lines);
            Assert.Contains("##vso[task.setsecret]lines", fixture.Lines);
            Assert.Equal(fixture.Lines.Distinct(), fixture.Lines);
            Assert.Equal(SecretForms.Of("pa%ss;word]").Count, fixture.Lines.TakeWhile(line => !line.Contains("two", StringComparison.Ordinal)).Count());
            Assert.All(fixture.Lines, line => Assert.StartsWith("##vso[task.setsecret]", line, StringComparison.Ordinal));
        }
    }

    public sealed class TheErrorMethod
    {
        [Fact]
        public void Should_Log_An_Issue_At_The_Yaml_Line_Relative_To_The_Sources()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.Azure();

            // When
            agent.Error("AccessTokenRetrievable: check the secret; then run apply-settings.", new SourceLocation(Path.Combine(fixture.Workspace, "ci", "creatio-identity.yml"), 15, 17));

            // Then
            Assert.Equal(
                ["##vso[task.logissue type=error;sourcepath=ci/creatio-identity.yml;linenumber=15;columnnumber=17;]ci/creatio-identity.yml:15:17: AccessTokenRetrievable: check the secret; then run apply-settings."],
                fixture.Lines);
        }

        [Fact]
        public void Should_Escape_A_Property_And_The_Message()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.Azure();

            // When
            agent.Warning("50%\nmore", new SourceLocation("/other/we;ird].yml", 3, 4));

            // Then
            Assert.Equal(["##vso[task.logissue type=warning;sourcepath=/other/we%3Bird%5D.yml;linenumber=3;columnnumber=4;]/other/we;ird].yml:3:4: 50%AZP25%0Amore"], fixture.Lines);
        }

        [Fact]
        public void Should_Log_An_Issue_Without_A_Source_When_There_Is_None()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.Azure();

            // When
            agent.Error("Preflight: Creatio could not be reached.");

            // Then
            Assert.Equal(["##vso[task.logissue type=error;]Preflight: Creatio could not be reached."], fixture.Lines);
        }
    }

    public sealed class TheBeginGroupMethod
    {
        [Fact]
        public void Should_Open_One_Group_And_Never_One_Inside_Another()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.Azure();

            // When
            using (agent.BeginGroup("TestConnection"))
            {
                using (agent.BeginGroup("Inner"))
                {
                    agent.Progress("Waiting for the health check to settle.");
                }
            }

            // Then
            Assert.Equal(["##[group]TestConnection", "Waiting for the health check to settle.", "##[endgroup]"], fixture.Lines);
        }

        [Fact]
        public void Should_Open_None_When_The_Caller_Opened_One_Around_The_Process()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            fixture.Environment[CreatioIdentity.Agents.CommandAgent.InLogGroupVariable] = "true";
            var agent = fixture.Azure();

            // When
            using (agent.BeginGroup("TestConnection"))
            {
                agent.Info("Settled.");
            }

            // Then
            Assert.Equal(["Settled."], fixture.Lines);
        }
    }

    public sealed class TheInfoMethod
    {
        [Fact]
        public void Should_Not_Let_A_Quoted_Server_Answer_Become_A_Logging_Command()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.Azure();

            // When
            agent.Info("Creatio said: ##vso[task.complete result=Succeeded;]done");
            agent.Info("##[section]not a section");

            // Then
            Assert.Empty(fixture.Commands);
            Assert.Equal(["Creatio said: #\u200B#vso[task.complete result=Succeeded;]done", "#\u200B#[section]not a section"], fixture.Lines);
        }
    }

    public sealed class ThePublishReportMethod
    {
        [Fact]
        public void Should_Upload_The_Summary_And_Fail_The_Task_When_Red()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.Azure();
            var reportDir = Path.Combine(fixture.Workspace, "artifacts");
            var report = ReportStore.Record(reportDir, "connect", "https://creatio.example.com", "run-42",
                [new StepResult("Diagnose", StepStatus.Failed, 5, [], [CheckResult.Fail(CheckIds.AccessTokenRetrievable, "Check the client secret.")])]);

            // When
            agent.PublishReport(report, reportDir);

            // Then
            Assert.Equal(
            [
                "##vso[task.uploadsummary]" + Path.Combine(reportDir, "summary.md"),
                "##vso[task.complete result=Failed;]Creatio Identity Service: not connected",
            ], fixture.Lines);
        }

        [Fact]
        public void Should_Only_Upload_The_Summary_When_Green()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.Azure();
            var reportDir = Path.Combine(fixture.Workspace, "artifacts");
            var report = ReportStore.Record(reportDir, "connect", "https://creatio.example.com", "run-42",
                [new StepResult("Diagnose", StepStatus.Unchanged, 5, [], [CheckResult.Pass(CheckIds.AccessTokenRetrievable, "Creatio got a token.")])]);

            // When
            agent.PublishReport(report, reportDir);

            // Then
            Assert.Equal(["##vso[task.uploadsummary]" + Path.Combine(reportDir, "summary.md")], fixture.Lines);
        }
    }
}
