using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Tests.Agents;

public sealed class ConsoleAgentTests
{
    private static Report Report(bool ok, params CheckResult[] checks) =>
        new(1, ok, "connect", "https://creatio.example.com", "run-42", [], checks);

    public sealed class TheMaskSecretsMethod
    {
        private const string ClientSecret = "s3cr3t-Value!";

        [Fact]
        public void Should_Never_Print_A_Masked_Value()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();
            fixture.Agent.MaskSecrets([ClientSecret, string.Empty]);
            var leak = $"client_secret={ClientSecret}";

            // When
            using (fixture.Agent.BeginGroup("Preflight " + leak))
            {
                fixture.Agent.Progress(leak);
                fixture.Agent.Info(leak);
                fixture.Agent.Warning(leak, new SourceLocation("creatio-identity.yml", 9, 17));
                fixture.Agent.Error(leak);
                fixture.Agent.ShowStep(new StepResult("ApplySettings", StepStatus.Failed, 10, [new Change("OAuth20IdentityServerClientSecret", ClientSecret, leak)], [], leak));
            }

            fixture.Agent.ShowReport(Report(false, CheckResult.Fail(CheckIds.ClientCredentialsToken, leak)), "artifacts");

            // Then
            Assert.DoesNotContain(ClientSecret, fixture.Output, StringComparison.Ordinal);
            Assert.Contains("client_secret=***", fixture.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Mask_A_Secret_That_Contains_Another_Whole()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();
            fixture.Agent.MaskSecrets(["abc", "abcdef"]);

            // When
            fixture.Agent.Info("value abcdef");

            // Then
            Assert.Contains("value ***", fixture.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("def", fixture.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Never_Print_A_Masked_Value_In_Any_Encoding()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();
            fixture.Agent.MaskSecrets([ClientSecret]);

            // When
            fixture.Agent.Info("echo: " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ClientSecret)) + " " + Uri.EscapeDataString(ClientSecret));

            // Then
            Assert.Equal("echo: *** ***", fixture.Lines[0]);
        }
    }

    public sealed class TheInfoMethod
    {
        [Fact]
        public void Should_Print_Control_Characters_From_A_Server_As_Replacement_Characters()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();

            // When: a terminal escape (set the window title) and a bell
            fixture.Agent.Info("Creatio said: \u001b]0;pwned\u0007 done\u009b");

            // Then
            Assert.Equal("Creatio said: \uFFFD]0;pwned\uFFFD done\uFFFD", fixture.Lines[0]);
        }
    }

    public sealed class TheShowReportMethod
    {
        [Fact]
        public void Should_Show_The_Checks_As_A_Table()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();
            var report = Report(false,
                CheckResult.Pass(CheckIds.CreatioLogin, "Logged in."),
                CheckResult.Fail(CheckIds.AccessTokenRetrievable, "Check the client secret."),
                CheckResult.Skip(CheckIds.DefaultResourceRegistered, "Not reported by this Creatio."));

            // When
            fixture.Agent.ShowReport(report, "artifacts/creatio-identity");

            // Then
            Assert.Contains(fixture.Lines, l => Cells(l) is ["Check", "Status", "Message"]);
            Assert.Contains(fixture.Lines, l => Cells(l) is ["CreatioLogin", "pass", "Logged in."]);
            Assert.Contains(fixture.Lines, l => Cells(l) is ["AccessTokenRetrievable", "fail", "Check the client secret."]);
            Assert.Contains(fixture.Lines, l => Cells(l) is ["DefaultResourceRegistered", "skip", "Not reported by this Creatio."]);
        }

        [Fact]
        public void Should_Say_Not_Connected_And_Where_The_Report_Is()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();

            // When
            fixture.Agent.ShowReport(Report(false, CheckResult.Fail(CheckIds.CreatioLogin, "Wrong password.")), "out");

            // Then
            Assert.Contains("Creatio Identity Service: not connected (https://creatio.example.com)", fixture.Output, StringComparison.Ordinal);
            Assert.Contains(Path.Combine("out", "report.json"), fixture.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Say_Connected_When_Creatio_Got_A_Token()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();

            // When
            fixture.Agent.ShowReport(Report(true, CheckResult.Pass(CheckIds.AccessTokenRetrievable, "Creatio got a token.")), "out");

            // Then
            Assert.Contains("Creatio Identity Service: connected (https://creatio.example.com)", fixture.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Not_Claim_A_Connection_That_Was_Not_Tested()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();

            // When
            fixture.Agent.ShowReport(Report(true, CheckResult.Pass(CheckIds.CreatioLogin, "Logged in.")), "out");

            // Then
            Assert.DoesNotContain("Identity Service: connected", fixture.Output, StringComparison.Ordinal);
            Assert.Contains("the connection was not tested", fixture.Output, StringComparison.Ordinal);
        }

        // The cells of a table row, whatever box characters the console draws.
        private static string[] Cells(string line) =>
            line.Split(['│', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(c => c.Length > 0).ToArray();
    }

    public sealed class TheShowStepMethod
    {
        [Fact]
        public void Should_Show_Name_Summary_And_Duration_Then_Each_Change_On_A_Line_Of_Its_Own()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();
            var step = new StepResult("EnableFeature", StepStatus.Changed, 1234, [new Change("OAuth20Integration", "off", "on")], [CheckResult.Pass(CheckIds.FeatureEnabled, "on")]);

            // When
            fixture.Agent.ShowStep(step);

            // Then
            Assert.Equal(["EnableFeature: 1 change, checked FeatureEnabled (1.2 s)", "  OAuth20Integration: off → on", ""], fixture.Lines);
        }

        [Fact]
        public void Should_Show_The_Error_Of_A_Failed_Step()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();

            // When
            fixture.Agent.ShowStep(new StepResult("ApplySettings", StepStatus.Failed, 50, [], [], "Creatio could not be reached."));

            // Then
            Assert.Equal("ApplySettings: failed (50 ms): Creatio could not be reached.", fixture.Lines[0]);
        }

        [Fact]
        public void Should_Say_What_A_Step_That_Wrote_Nothing_Checked()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();
            var preflight = new StepResult("Preflight", StepStatus.Unchanged, 4800, [],
                [CheckResult.Pass(CheckIds.IdentityServiceDiscovery, "read"), CheckResult.Pass(CheckIds.ClientCredentialsToken, "issued"), CheckResult.Pass(CheckIds.CreatioLogin, "logged in")]);

            // When
            fixture.Agent.ShowStep(preflight);
            fixture.Agent.ShowStep(new StepResult("Validate", StepStatus.Unchanged, 3, [], []));

            // Then
            Assert.Equal("Preflight: checked IdentityServiceDiscovery, ClientCredentialsToken, CreatioLogin (4.8 s)", fixture.Lines[0]);
            Assert.Equal("Validate: checked the configuration (3 ms)", fixture.Lines[1]);
            Assert.DoesNotContain("unchanged", fixture.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Say_A_Secret_Was_Set_Or_Replaced_And_Never_Show_A_Mask_Turning_Into_A_Mask()
        {
            // Given: the first write of the client secret (it had none), and a secret written over another
            using var fixture = new ConsoleAgentFixture();
            var step = new StepResult("ApplySettings", StepStatus.Changed, 10,
                [new Change("OAuth20IdentityServerClientSecret", "(not set)", "***"), new Change("SiteSecret", "***", "***"), new Change("OAuth20IdentityServerUrl", "(not set)", "https://identity.example.com/")],
                []);

            // When
            fixture.Agent.ShowStep(step);

            // Then
            Assert.Contains("  OAuth20IdentityServerClientSecret: set", fixture.Lines);
            Assert.Contains("  SiteSecret: replaced", fixture.Lines);
            Assert.Contains("  OAuth20IdentityServerUrl: (not set) → https://identity.example.com/", fixture.Lines);
            Assert.DoesNotContain("*** → ***", fixture.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_List_What_Plan_Found_As_Changes_Pending()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();
            var plan = new StepResult("Plan", StepStatus.Changed, 2600, [new Change("feature cache", "stale", "cleared"), new Change("default OAuth resource", "not registered", "registered")], []);

            // When
            fixture.Agent.ShowStep(plan);

            // Then
            Assert.Equal("Plan: 2 changes pending (2.6 s)", fixture.Lines[0]);
            Assert.DoesNotContain("changed", fixture.Output, StringComparison.Ordinal);
        }
    }

    public sealed class TheBeginStepMethod
    {
        [Fact]
        public void Should_Name_The_Step_Once_In_Its_Heading()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();

            // When
            using (fixture.Agent.BeginStep("Preflight", namedByCaller: false))
            {
                fixture.Agent.ShowStep(new StepResult("Preflight", StepStatus.Unchanged, 10, [], [CheckResult.Pass(CheckIds.CreatioLogin, "ok")]));
            }

            // Then
            Assert.Equal(["── Preflight", "checked CreatioLogin (10 ms)", ""], fixture.Lines);
        }

        [Fact]
        public void Should_Leave_The_Name_To_The_Cake_Task_That_Runs_The_Step()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();

            // When
            using (fixture.Agent.BeginStep("EnableFeature", namedByCaller: true))
            {
                fixture.Agent.ShowStep(new StepResult("EnableFeature", StepStatus.Changed, 10, [new Change("feature cache", "stale", "cleared")], []));
            }

            // Then
            Assert.Equal(["1 change (10 ms)", "  feature cache: stale → cleared", ""], fixture.Lines);
        }
    }

    public sealed class TheWarningMethod
    {
        [Fact]
        public void Should_Point_At_The_Location()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();

            // When
            fixture.Agent.Warning("The client secret is written literally.", new SourceLocation("creatio-identity.yml", 12, 17));

            // Then
            Assert.Equal("warning: creatio-identity.yml:12:17: The client secret is written literally.", fixture.Lines[0]);
        }
    }

    public sealed class TheErrorMethod
    {
        [Fact]
        public void Should_Print_Brackets_As_They_Are()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();

            // When
            fixture.Agent.Error("Creatio answered [red]{\"Code\":1}[/]");

            // Then
            Assert.Equal("error: Creatio answered [red]{\"Code\":1}[/]", fixture.Lines[0]);
        }
    }

    public sealed class TheBeginGroupMethod
    {
        [Fact]
        public void Should_Print_The_Title_Before_What_The_Group_Holds()
        {
            // Given
            using var fixture = new ConsoleAgentFixture();

            // When
            using (fixture.Agent.BeginGroup("ApplySettings"))
            {
                fixture.Agent.Info("Writing three settings.");
            }

            // Then
            var title = Array.FindIndex(fixture.Lines, l => l.Contains("ApplySettings", StringComparison.Ordinal));
            var info = Array.IndexOf(fixture.Lines, "Writing three settings.");
            Assert.InRange(title, 0, info - 1);
        }
    }
}
