using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;
using CreatioIdentity.Sandbox;
using static CreatioIdentity.Tests.Reporting.Results;

namespace CreatioIdentity.Tests.Reporting;

public sealed class SummaryWriterTests
{
    public sealed class TheRenderMethod
    {
        [Fact]
        public void Should_Say_Connected_With_The_Creatio_Url_When_Ok()
        {
            // Given
            var report = Report(CheckResult.Pass(CheckIds.AccessTokenRetrievable, "Creatio got a token."));

            // When
            var markdown = SummaryWriter.Render(report);

            // Then
            Assert.StartsWith("## Creatio Identity Service: connected ✅", markdown, StringComparison.Ordinal);
            Assert.Contains("https://creatio.example.com", markdown, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Say_Not_Connected_When_Not_Ok()
        {
            // Given
            var report = Report(CheckResult.Fail(CheckIds.CreatioLogin, "Wrong password."));

            // When
            var markdown = SummaryWriter.Render(report);

            // Then
            Assert.StartsWith("## Creatio Identity Service: not connected ❌", markdown, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Put_The_Warnings_Of_The_Run_Right_Under_The_Headline_With_File_And_Line()
        {
            // Given
            var report = Report(CheckResult.Pass(CheckIds.CreatioLogin, "Logged in.")) with
            {
                Warnings = [new ReportWarning("INSECURE: creatio.tls.insecureSkipVerify is true", "/repo/creatio-identity.yml", 8, 25)],
            };

            // When
            var lines = Lines(SummaryWriter.Render(report));

            // Then
            Assert.StartsWith("## Creatio Identity Service", lines[0], StringComparison.Ordinal);
            Assert.Equal("", lines[1]);
            Assert.Equal("> ⚠️ `creatio-identity.yml` line 8: `INSECURE: creatio.tls.insecureSkipVerify is true`", lines[2]);
        }

        [Fact]
        public void Should_Name_Only_The_Command_When_The_File_Was_Invalid_Before_Creatio_Was_Known()
        {
            // Given
            var report = Report([Failed("Validate", "creatio-identity.yml:4:3: unknown key 'usernme'")]) with { Creatio = string.Empty };

            // When
            var lines = Lines(SummaryWriter.Render(report));

            // Then
            Assert.Contains($"command: {report.Command}", lines);
            Assert.DoesNotContain(lines, line => line.StartsWith("Creatio:", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_Name_The_Failed_Step_And_Its_Error_Code_For_An_Environment_That_Stopped_Before_Any_Check_Was_Red()
        {
            // Given: dev green, prod down before any check could be red
            var dev = new EnvironmentReport("dev", true, "https://dev.example.com", [Step("Diagnose")], [CheckResult.Pass(CheckIds.AccessTokenRetrievable, "Creatio got a token.")]);
            var prod = new EnvironmentReport("prod", false, "https://prod.example.com",
                [Failed("Preflight", "Creatio could not be reached.") with { ErrorCode = ErrorCodes.Connect }], []);
            var report = Report() with { Ok = false, Creatio = string.Empty, Steps = [], Checks = [], Environments = [dev, prod] };

            // When
            var lines = Lines(SummaryWriter.Render(report));

            // Then
            Assert.Contains("| dev | ✅ ok | `https://dev.example.com` | – |", lines);
            Assert.Contains("| prod | ❌ not ok | `https://prod.example.com` | `Preflight failed (connect)` |", lines);
        }

        [Fact]
        public void Should_Show_A_Row_Per_Check_With_Its_Status_And_Message()
        {
            // Given
            var report = Report(
                CheckResult.Pass(CheckIds.CreatioLogin, "Logged in."),
                CheckResult.Fail(CheckIds.AccessTokenRetrievable, "Check the client secret."),
                CheckResult.Skip(CheckIds.DefaultResourceRegistered, "Not reported by this Creatio."));

            // When
            var lines = Lines(SummaryWriter.Render(report));

            // Then
            Assert.Contains("| Check | Status | Message |", lines);
            Assert.Contains("| CreatioLogin | ✅ pass | `Logged in.` |", lines);
            Assert.Contains("| AccessTokenRetrievable | ❌ fail | `Check the client secret.` |", lines);
            Assert.Contains("| DefaultResourceRegistered | ⏭️ skip | `Not reported by this Creatio.` |", lines);
        }

        [Fact]
        public void Should_Show_A_Row_Per_Step_With_Status_Duration_And_Changes()
        {
            // Given
            var report = Report([
                Step("Preflight"),
                Step("ApplySettings", StepStatus.Changed, [new Change("OAuth20IdentityServerUrl", null, "https://identity.example.com"), new Change("OAuth20IdentityServerClientId", "old", "creatio")]),
                Failed("Diagnose", "Creatio could not be reached."),
            ]);

            // When
            var lines = Lines(SummaryWriter.Render(report));

            // Then
            Assert.Contains("| Step | Status | Duration | Changes |", lines);
            Assert.Contains("| Preflight | unchanged | 120 ms |  |", lines);
            Assert.Contains("| ApplySettings | changed | 1.5 s | `OAuth20IdentityServerUrl: (none) → https://identity.example.com`<br>`OAuth20IdentityServerClientId: old → creatio` |", lines);
            Assert.Contains("| Diagnose | ❌ failed | 800 ms | `Creatio could not be reached.` |", lines);
        }

        [Fact]
        public void Should_Escape_Pipes_And_Newlines_In_Cells()
        {
            // Given
            var report = Report(CheckResult.Fail(CheckIds.IdentityServiceAvailable, "Creatio said: a | b\r\nthen\nc"));

            // When
            var lines = Lines(SummaryWriter.Render(report));

            // Then
            Assert.Contains("| IdentityServiceAvailable | ❌ fail | `Creatio said: a \\| b`<br>`then`<br>`c` |", lines);
        }

        [Fact]
        public void Should_Show_Html_In_A_Message_As_Code_Instead_Of_Rendering_It()
        {
            // Given
            var report = Report(CheckResult.Fail(CheckIds.CreatioLogin, "Creatio answered <html><body>Login</body></html>"));

            // When
            var markdown = SummaryWriter.Render(report);

            // Then
            Assert.Contains("| CreatioLogin | ❌ fail | `Creatio answered <html><body>Login</body></html>` |", markdown, StringComparison.Ordinal);
            MarkdownAssert.DoesNothing(markdown);
        }

        [Fact]
        public void Should_Show_Server_Text_As_Code_That_Links_Mentions_And_Shows_Nothing()
        {
            // Given: a health check message, a step error and a value read from Creatio, all hostile
            var report = Report([
                Failed("Diagnose", HostileText.Value) with
                {
                    Checks = [CheckResult.Fail(CheckIds.IdentityServiceAvailable, HostileText.Value)],
                    Changes = [new Change("OAuth20IdentityServerUrl", HostileText.Value, "https://identity.example.com")],
                },
            ]) with
            {
                Checks = [CheckResult.Fail(CheckIds.IdentityServiceAvailable, HostileText.Value)],
            };

            // When
            var markdown = SummaryWriter.Render(report);

            // Then
            MarkdownAssert.DoesNothing(markdown);
            MarkdownAssert.TablesKeepTheirColumns(markdown);
        }

        [Fact]
        public void Should_Mask_A_Secret_That_A_Message_Quotes_In_Any_Encoding()
        {
            // Given
            var secret = "summary-" + Guid.NewGuid().ToString("N") + "+/\"&";
            SecretMasker.Shared.Add(secret);
            var quoted = $"{secret} {System.Text.Json.JsonSerializer.Serialize(secret)} {Uri.EscapeDataString(secret)} {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secret))}";
            var report = Report(CheckResult.Fail(CheckIds.CreatioLogin, quoted));

            // When
            var markdown = SummaryWriter.Render(report);

            // Then
            Assert.Contains("| CreatioLogin | ❌ fail | `*** \"***\" *** ***` |", markdown, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Say_So_When_No_Check_Ran()
        {
            // Given
            var report = Report([Step("Validate")]);

            // When
            var markdown = SummaryWriter.Render(report);

            // Then
            Assert.Contains("No check ran.", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("| Check | Status | Message |", markdown, StringComparison.Ordinal);
        }

        private static string[] Lines(string markdown) => markdown.ReplaceLineEndings("\n").Split('\n');
    }
}
