using System.Text;
using System.Text.Json;
using CreatioIdentity.Configuration;
using CreatioIdentity.GitHub;
using CreatioIdentity.Reporting;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.GitHub;

public sealed class GitHubSecretsTests
{
    public sealed class TheRegisterMethod
    {
        [Fact]
        public void Should_Mask_The_Job_Tokens_And_The_Long_Values_Of_Variables_Named_Like_Secrets()
        {
            // Given
            var environment = new Dictionary<string, string?>
            {
                ["GITHUB_TOKEN"] = "ghs_short",
                ["PROD_CREATIO_PASSWORD"] = "prod-pa55word",
                ["IDENTITY_CLIENT_SECRET"] = "client-s3cret",
                ["SKIP_TOKEN_CHECK"] = "true",
                ["CREATIO_USERNAME"] = "Supervisor",
            };
            var masker = new SecretMasker();

            // When
            GitHubSecrets.Register(name => environment.GetValueOrDefault(name), environment.Keys, masker);

            // Then
            Assert.Equal("*** *** *** true Supervisor", masker.Mask("ghs_short prod-pa55word client-s3cret true Supervisor"));
        }
    }

    public sealed class WhenAReportIsNotClean
    {
        [Fact]
        public async Task Should_Send_GitHub_And_Print_No_Secret_The_Job_Holds_In_Any_Spelling()
        {
            // Given: a report.json written by hand (an older engine, an edited file) that quotes the
            // password a job variable holds, in clear, JSON-escaped, URL-encoded and base64'd
            await using var world = await GitHubWorld.StartAsync();
            var secret = $"pr0d \"pa55\"+/&<{Guid.NewGuid():N}>";
            world.Environment["PROD_CREATIO_PASSWORD"] = secret;
            var quoted = $"Creatio said {secret}, {JsonSerializer.Serialize(secret)}, {Uri.EscapeDataString(secret)}, {Convert.ToBase64String(Encoding.UTF8.GetBytes(secret))}";
            WriteUncleanReport(world, quoted);

            // When
            var runs = new[] { await world.CheckRunAsync(), await world.SyncIssuesAsync() };

            // Then
            Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Output));
            Assert.Single(world.GitHub.CheckRuns);
            Assert.Single(world.GitHub.Issues);
            var texts = LeakSearch.SentTo(world.GitHub).Concat(runs.Select(run => ("output", run.Output)));
            var leaks = LeakSearch.Leaks(texts, [secret, world.GitHub.Token]).ToList();
            Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
        }

        private static void WriteUncleanReport(GitHubWorld world, string message)
        {
            var report = new
            {
                schemaVersion = Report.CurrentSchemaVersion,
                ok = false,
                command = "connect",
                creatio = "https://creatio.example.com/",
                steps = new[] { new { name = "Diagnose", status = "failed", durationMs = 5, changes = Array.Empty<object>(), error = message } },
                checks = new[] { new { id = "CreatioLogin", status = "fail", message } },
            };
            Directory.CreateDirectory(world.ReportDir);
            File.WriteAllText(Path.Combine(world.ReportDir, ReportStore.ReportFileName), JsonSerializer.Serialize(report));
        }
    }
}
