using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Tests.Agents;

public sealed class GitHubActionsAgentTests
{
    private static Report Report(bool ok, params CheckResult[] checks) =>
        new(1, ok, "connect", "https://creatio.example.com", "run-42", [new StepResult("Diagnose", ok ? StepStatus.Unchanged : StepStatus.Failed, 120, [], [])], checks);

    public sealed class TheMaskSecretsMethod
    {
        [Fact]
        public void Should_Register_Each_Secret_First_Then_Every_Form_And_Each_Line_Once_Escaped()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.GitHub();

            // When
            agent.MaskSecrets(["pa%ss:word", "-----BEGIN KEY-----\nAbCd\n-----END KEY-----", string.Empty]);
            agent.MaskSecrets(["pa%ss:word"]);

            // Then
            Assert.Equal("::add-mask::pa%25ss:word", fixture.Lines[0]);
            Assert.Contains("::add-mask::cGElc3M6d29yZA==", fixture.Lines); // base64
            Assert.Contains("::add-mask::pa%2525ss%253Aword", fixture.Lines); // URL-encoded
            Assert.Contains("::add-mask::-----BEGIN KEY-----%0AAbCd%0A-----END KEY-----", fixture.Lines);
            Assert.Contains("::add-mask::-----BEGIN KEY-----", fixture.Lines);
            Assert.Contains("::add-mask::AbCd", fixture.Lines);
            Assert.Contains("::add-mask::-----END KEY-----", fixture.Lines);
            Assert.Equal(fixture.Lines.Distinct(), fixture.Lines);
            Assert.All(fixture.Lines, line => Assert.StartsWith("::add-mask::", line, StringComparison.Ordinal));
        }

        [Fact]
        public void Should_Never_Print_Or_Write_A_Masked_Value()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.GitHub();
            const string Secret = "s3cr3t-Value!";
            var leak = $"client_secret={Secret}";
            agent.MaskSecrets([Secret]);

            // When
            using (agent.BeginGroup("Preflight " + leak))
            {
                agent.Progress(leak);
                agent.Info(leak);
                agent.Warning(leak, new SourceLocation(fixture.PathOf("creatio-identity.yml"), 9, 17));
                agent.Error(leak);
                agent.ShowStep(new StepResult("ApplySettings", StepStatus.Failed, 10, [new Change("OAuth20IdentityServerClientSecret", Secret, leak)], [], leak));
            }

            var report = Report(false, CheckResult.Fail(CheckIds.ClientCredentialsToken, leak));
            agent.ShowReport(report, fixture.Workspace);
            agent.PublishReport(report, fixture.Workspace);

            // Then
            var written = fixture.Lines.Skip(1).Append(File.ReadAllText(fixture.PathOf("step-summary.md"))).Append(File.ReadAllText(fixture.PathOf("github-output")));
            Assert.All(written, text => Assert.DoesNotContain(Secret, text, StringComparison.Ordinal));
            Assert.Contains("client_secret=***", fixture.Output, StringComparison.Ordinal);
        }
    }

    public sealed class TheErrorMethod
    {
        [Fact]
        public void Should_Annotate_The_Yaml_Line_With_The_File_Relative_To_The_Workspace()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.GitHub();
            var file = Path.Combine(fixture.Workspace, "deploy", "creatio-identity.yml");

            // When
            agent.Error("identityService.url: expected an absolute http(s) URL.", new SourceLocation(file, 12, 8));

            // Then
            Assert.Equal(
                ["::error file=deploy/creatio-identity.yml,line=12,col=8::deploy/creatio-identity.yml:12:8: identityService.url: expected an absolute http(s) URL."],
                fixture.Lines);
        }

        [Fact]
        public void Should_Escape_What_Would_End_The_Message_Or_A_Property()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.GitHub();

            // When
            agent.Error("100% red\r\nsecond line", new SourceLocation("/elsewhere/a,b:c.yml", 1, 2));

            // Then
            // (a line break, whichever it was, is one LF)
            Assert.Equal(["::error file=/elsewhere/a%2Cb%3Ac.yml,line=1,col=2::/elsewhere/a,b:c.yml:1:2: 100%25 red%0Asecond line"], fixture.Lines);
        }

        [Fact]
        public void Should_Write_A_Plain_Error_Without_A_Location()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.GitHub();

            // When
            agent.Error("Preflight: Creatio could not be reached.");

            // Then
            Assert.Equal(["::error::Preflight: Creatio could not be reached."], fixture.Lines);
        }
    }

    public sealed class TheWarningMethod
    {
        [Fact]
        public void Should_Annotate_The_Yaml_Line_As_A_Warning()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.GitHub();

            // When
            agent.Warning("The client secret is written literally.", new SourceLocation(fixture.PathOf("creatio-identity.yml"), 15, 17));

            // Then
            Assert.Equal(["::warning file=creatio-identity.yml,line=15,col=17::creatio-identity.yml:15:17: The client secret is written literally."], fixture.Lines);
        }
    }

    public sealed class TheBeginGroupMethod
    {
        [Fact]
        public void Should_Open_One_Group_And_Never_One_Inside_Another()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.GitHub();

            // When
            using (agent.BeginGroup("Preflight"))
            {
                using (agent.BeginGroup("Inner"))
                {
                    agent.Info("Logging in.");
                }

                agent.Info("Logged in.");
            }

            using (agent.BeginGroup("EnableFeature"))
            {
            }

            // Then
            Assert.Equal(["::group::Preflight", "Logging in.", "Logged in.", "::endgroup::", "::group::EnableFeature", "::endgroup::"], fixture.Lines);
        }

        [Fact]
        public void Should_Open_None_When_The_Caller_Opened_One_Around_The_Process()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            fixture.Environment[CreatioIdentity.Agents.CommandAgent.InLogGroupVariable] = "true";
            var agent = fixture.GitHub();

            // When
            using (agent.BeginGroup("Preflight"))
            {
                agent.Info("Logged in.");
            }

            // Then
            Assert.Equal(["Logged in."], fixture.Lines);
        }
    }

    public sealed class TheInfoMethod
    {
        [Fact]
        public void Should_Not_Let_A_Quoted_Server_Answer_Become_A_Workflow_Command()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.GitHub();

            // When
            agent.Info("::set-env name=PATH::/tmp/evil");

            // Then
            Assert.Empty(fixture.Commands);
            Assert.Equal([":\u200B:set-env name=PATH::/tmp/evil"], fixture.Lines);
        }

        [Fact]
        public void Should_Not_Let_A_Carriage_Return_Or_The_Legacy_Form_Anywhere_Start_A_Workflow_Command()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.GitHub();

            // When
            agent.Info("Creatio said: done\r::error::pwned and ##[error]pwned too");

            // Then: the runner reads a CR as a line end too
            Assert.Equal(["Creatio said: done", ":\u200B:error::pwned and #\u200B#[error]pwned too"], fixture.Output.Split('\n', '\r')[..^1]);
        }
    }

    public sealed class TheShowReportMethod
    {
        [Fact]
        public void Should_Show_The_Checks_Table_In_The_Log_And_Publish_Nothing()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.GitHub();

            // When
            agent.ShowReport(Report(true, CheckResult.Pass(CheckIds.CreatioLogin, "Logged in.")), fixture.Workspace);

            // Then
            Assert.Contains(fixture.Lines, line => line.Contains("CreatioLogin", StringComparison.Ordinal) && line.Contains("Logged in.", StringComparison.Ordinal));
            Assert.Empty(fixture.Commands);
            Assert.False(File.Exists(fixture.PathOf("step-summary.md")));
            Assert.False(File.Exists(fixture.PathOf("github-output")));
        }
    }

    public sealed class ThePublishReportMethod
    {
        [Fact]
        public void Should_Append_The_Summary_To_The_Job_Summary()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.GitHub();
            File.WriteAllText(fixture.PathOf("step-summary.md"), "# An earlier step\n");
            var report = Report(false, CheckResult.Fail(CheckIds.AccessTokenRetrievable, "Check the client | secret."));

            // When
            agent.PublishReport(report, fixture.Workspace);

            // Then
            Assert.Equal("# An earlier step\n" + SummaryWriter.Render(report), File.ReadAllText(fixture.PathOf("step-summary.md")));
            Assert.Empty(fixture.Lines);
        }

        [Fact]
        public void Should_Set_Ok_Report_And_Summary_In_The_Multi_Line_Safe_Form()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.GitHub();
            var report = Report(true, CheckResult.Pass(CheckIds.AccessTokenRetrievable, "Creatio got a token."));
            var reportDir = Path.Combine(fixture.Workspace, "artifacts");

            // When
            agent.PublishReport(report, reportDir);

            // Then
            var text = File.ReadAllText(fixture.PathOf("github-output"));
            Assert.Matches(@"^ok<<(ghadelimiter_[0-9a-f]{32})\ntrue\n\1\nreport<<(ghadelimiter_[0-9a-f]{32})\n[^\n]+\n\2\nsummary<<(ghadelimiter_[0-9a-f]{32})\n", text);
            var outputs = CommandAgentFixture.ParseGitHubOutputs(text);
            Assert.Equal(["ok", "report", "summary"], outputs.Keys);
            Assert.Equal("true", outputs["ok"]);
            Assert.Equal(Path.Combine(reportDir, "report.json"), outputs["report"]);
            Assert.Equal(SummaryWriter.Render(report).TrimEnd('\n'), outputs["summary"]);
        }

        [Fact]
        public void Should_Set_How_Many_Changes_Plan_Found()
        {
            // Given
            using var fixture = new CommandAgentFixture();
            var agent = fixture.GitHub();
            var plan = new Report(1, true, "plan", "https://creatio.example.com", "run-1",
                [new StepResult("Plan", StepStatus.Changed, 10, [new Change("feature cache", "stale", "cleared"), new Change("OAuth20IdentityServerClientSecret", "(not set)", "***")], [])], []);

            // When
            agent.PublishReport(plan, Path.Combine(fixture.Workspace, "artifacts"));

            // Then
            var outputs = CommandAgentFixture.ParseGitHubOutputs(File.ReadAllText(fixture.PathOf("github-output")));
            Assert.Equal("2", outputs["pending-changes"]);
            Assert.Contains("2 changes pending", outputs["summary"], StringComparison.Ordinal);
        }
    }
}
