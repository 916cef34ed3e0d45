using CreatioIdentity.Agents;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Tests.Agents;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// The engine as a step of a GitHub Actions job and of an Azure Pipelines job, against the
/// sandbox: the runner's variables are set, and the tests read exactly what a runner would
/// read, the commands on standard output and the files it handed over.
/// </summary>
public sealed class AgentScenarioTests
{
    // examples/sandbox.yml, copied into each world as creatio-identity.yml: the lines annotated.
    private const string IdentityServiceUrlAt = "creatio-identity.yml,line=13,col=8";
    private const string ClientIdAt = "creatio-identity.yml,line=14,col=13";

    private static readonly string[] ConnectSteps = ["Validate", "Preflight", "EnableFeature", "ApplySettings", "TestConnection", "Diagnose"];

    /// <summary>The commands a run wrote, but for the registrations of secrets (<see cref="Registrations"/>).</summary>
    private static string[] Commands(RunResult run) => run.Output.Split('\n').Where(CommandAgentFixture.IsCommand).Where(line => !IsMaskRegistration(line)).ToArray();

    private static string[] Registrations(RunResult run) => run.Output.Split('\n').Where(IsMaskRegistration).ToArray();

    /// <summary>The registrations of the world's two secrets with the runner: each in every form a server may echo it.</summary>
    private static string[] MaskLines(EngineRun world, string command) =>
        [.. world.Secrets.SelectMany(SecretForms.Of).Distinct(StringComparer.Ordinal).Select(form => command + form)];

    private static string[] Lines(RunResult run) => run.Output.Split('\n').Where(line => line.Length > 0).ToArray();

    // The registrations with the runner carry the values (the runner consumes those lines); nothing else may.
    private static bool IsMaskRegistration(string line) =>
        line.StartsWith("::add-mask::", StringComparison.Ordinal) || line.StartsWith("##vso[task.setsecret]", StringComparison.Ordinal);

    private static void AssertNoSecret(EngineRun world, IEnumerable<string> texts)
    {
        string[] secrets = [.. world.Secrets, .. world.Sandbox.Creatio.IssuedSessionSecrets, .. world.Sandbox.IssuedTokens.All];
        foreach (var text in texts.SelectMany(text => text.Split('\n')).Where(line => !IsMaskRegistration(line)))
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    public sealed class OnGitHubActions
    {
        private static (string Summary, string Outputs) GitHub(EngineRun world)
        {
            var summary = Path.Combine(world.Directory, "step-summary.md");
            var outputs = Path.Combine(world.Directory, "github-output");
            world.Environment[GitHubActionsAgent.DetectVariable] = "true";
            world.Environment[GitHubActionsAgent.WorkspaceVariable] = world.Directory;
            world.Environment[GitHubActionsAgent.StepSummaryVariable] = summary;
            world.Environment[GitHubActionsAgent.OutputVariable] = outputs;
            return (summary, outputs);
        }

        [Fact]
        public async Task Should_Mask_First_In_Every_Step_Process_And_Publish_Once_From_The_Last()
        {
            // Given: ConnectIdentity as the Cake script runs it, a log group opened around each process
            await using var world = await EngineRun.StartAsync();
            var (summaryFile, outputsFile) = GitHub(world);
            world.Environment[CommandAgent.InLogGroupVariable] = "true";

            // When
            var runs = await world.RunConnectIdentityAsStepsAsync();

            // Then: each process registers both secrets before anything else, and opens no group of its own
            Assert.Equal(7, runs.Count); // the six steps and OAuthApps, the last process
            Assert.All(runs, run => Assert.Equal(0, run.ExitCode));
            var masks = MaskLines(world, "::add-mask::");
            Assert.All(runs, run => Assert.Equal(masks, Lines(run)[..masks.Length]));
            Assert.All(runs, run => Assert.Equal(masks, Registrations(run)));
            Assert.All(runs, run => Assert.Empty(Commands(run)));

            // Then: the job summary and the outputs are written once, with the whole report
            var summary = File.ReadAllText(Path.Combine(world.ReportDir, ReportStore.SummaryFileName));
            Assert.Contains("## Creatio Identity Service: connected ✅", summary, StringComparison.Ordinal);
            Assert.Equal(summary, File.ReadAllText(summaryFile));
            var outputs = CommandAgentFixture.ParseGitHubOutputs(File.ReadAllText(outputsFile));
            Assert.Equal("true", outputs["ok"]);
            Assert.Equal(Path.Combine(world.ReportDir, ReportStore.ReportFileName), outputs["report"]);
            Assert.Equal(summary.TrimEnd('\n'), outputs["summary"]);
            Assert.All(CheckIds.All, id => Assert.Contains($"| {id} | ✅ pass |", outputs["summary"], StringComparison.Ordinal));
            AssertNoSecret(world, [.. runs.Select(run => run.Output), File.ReadAllText(summaryFile), File.ReadAllText(outputsFile)]);
        }

        [Fact]
        public async Task Should_Group_Each_Step_Of_One_Process_Without_Nesting()
        {
            // Given
            await using var world = await EngineRun.StartAsync();
            GitHub(world);

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.Equal(0, run.ExitCode);
            string[] expected = [.. ConnectSteps.SelectMany(step => new[] { $"::group::{step}", "::endgroup::" })];
            Assert.Equal(expected, Commands(run));
            Assert.Equal(MaskLines(world, "::add-mask::"), Lines(run)[..MaskLines(world, "::add-mask::").Length]);
        }

        [Fact]
        public async Task Should_Annotate_A_Configuration_Error_At_Its_Line_And_Set_Ok_False()
        {
            // Given
            await using var world = await EngineRun.StartAsync();
            var (summaryFile, outputsFile) = GitHub(world);
            world.Environment.Remove("IDENTITY_CLIENT_ID");

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.Equal(3, run.ExitCode);
            var error = Assert.Single(Commands(run));
            Assert.StartsWith($"::error file={ClientIdAt}::creatio-identity.yml:14:13: ", error, StringComparison.Ordinal);
            Assert.Contains("IDENTITY_CLIENT_ID", error, StringComparison.Ordinal);
            var outputs = CommandAgentFixture.ParseGitHubOutputs(File.ReadAllText(outputsFile));
            Assert.Equal("false", outputs["ok"]);
            Assert.Contains("## Creatio Identity Service: not connected ❌", File.ReadAllText(summaryFile), StringComparison.Ordinal);
            Assert.Contains("| Validate | ❌ failed |", outputs["summary"], StringComparison.Ordinal);
            AssertNoSecret(world, [run.Output, File.ReadAllText(summaryFile), File.ReadAllText(outputsFile)]);
        }

        [Fact]
        public async Task Should_Annotate_Red_Checks_At_The_Line_Of_The_Setting_Concerned()
        {
            // Given: Creatio cannot reach the Identity Service that the runner reaches
            await using var world = await EngineRun.StartAsync(new SandboxOptions { CreatioCanReachIdentityService = false });
            var (summaryFile, outputsFile) = GitHub(world);
            world.Environment[CommandAgent.InLogGroupVariable] = "true";

            // When
            var runs = await world.RunConnectIdentityAsStepsAsync();

            // Then: TestConnection is red and the last process; it annotates both red checks at identityService.url
            Assert.Equal(5, runs.Count);
            Assert.Equal(1, runs[^1].ExitCode);
            var commands = Commands(runs[^1]);
            Assert.Equal(2, commands.Length);
            Assert.StartsWith($"::error file={IdentityServiceUrlAt}::creatio-identity.yml:13:8: IdentityServiceAvailable: Creatio could not reach the Identity Service", commands[0], StringComparison.Ordinal);
            Assert.StartsWith($"::error file={IdentityServiceUrlAt}::creatio-identity.yml:13:8: AccessTokenRetrievable: ", commands[1], StringComparison.Ordinal);
            Assert.All(runs.Take(runs.Count - 1), run => Assert.Empty(Commands(run)));

            var report = runs[^1].Report!;
            Assert.Equal("identityService.url", report.Checks.Single(check => check.Id == CheckIds.IdentityServiceAvailable).ConfigPath);
            var outputs = CommandAgentFixture.ParseGitHubOutputs(File.ReadAllText(outputsFile));
            Assert.Equal("false", outputs["ok"]);
            Assert.Contains("| IdentityServiceAvailable | ❌ fail |", File.ReadAllText(summaryFile), StringComparison.Ordinal);
            Assert.Single(File.ReadAllText(summaryFile).Split("## Creatio Identity Service").Skip(1));
            AssertNoSecret(world, [.. runs.Select(run => run.Output), File.ReadAllText(summaryFile), File.ReadAllText(outputsFile)]);
        }

        [Fact]
        public async Task Should_Annotate_A_Warning_Of_The_File_Once_Per_Run_Not_Once_Per_Step_Process()
        {
            // Given: the client secret written literally in the file, which is warned about
            await using var world = await EngineRun.StartAsync();
            GitHub(world);
            world.Environment[CommandAgent.InLogGroupVariable] = "true";
            var yaml = ConfigEdit.OfFile(world.ConfigPath).Set("identityService.clientSecret", world.Sandbox.Options.ClientSecret).ToString();
            File.WriteAllText(world.ConfigPath, yaml);
            var lines = yaml.Split('\n');
            var line = Array.FindIndex(lines, text => text.StartsWith("  clientSecret: ", StringComparison.Ordinal)) + 1;
            var column = "  clientSecret: ".Length + 1;

            // When
            var runs = await world.RunConnectIdentityAsStepsAsync();

            // Then: seven green processes, one warning annotation (from Validate, the first), kept once in report.json
            Assert.Equal(7, runs.Count); // the six steps and OAuthApps, the last process
            Assert.All(runs, run => Assert.Equal(0, run.ExitCode));
            var warnings = runs.SelectMany(Commands).Where(command => command.StartsWith("::warning ", StringComparison.Ordinal)).ToList();
            Assert.StartsWith($"::warning file=creatio-identity.yml,line={line},col={column}::", Assert.Single(warnings), StringComparison.Ordinal);
            Assert.Single(Commands(runs[0]), command => command.StartsWith("::warning ", StringComparison.Ordinal));
            Assert.Single(runs[^1].Report!.Warnings);
            AssertNoSecret(world, runs.Select(run => run.Output));
        }
    }

    public sealed class OnAzurePipelines
    {
        private static void Azure(EngineRun world)
        {
            world.Environment[AzurePipelinesAgent.DetectVariable] = "True";
            world.Environment[AzurePipelinesAgent.SourcesDirectoryEnvironmentVariable] = world.Directory;
        }

        [Fact]
        public async Task Should_Set_Secrets_First_Group_Each_Step_And_Upload_The_Summary()
        {
            // Given
            await using var world = await EngineRun.StartAsync();
            Azure(world);

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.Equal(0, run.ExitCode);
            string[] expected =
            [
                .. ConnectSteps.SelectMany(step => new[] { $"##[group]{step}", "##[endgroup]" }),
                $"##vso[task.uploadsummary]{Path.Combine(world.ReportDir, ReportStore.SummaryFileName)}",
            ];
            Assert.Equal(expected, Commands(run));
            var masks = MaskLines(world, "##vso[task.setsecret]");
            Assert.Equal(masks, Lines(run)[..masks.Length]);
            Assert.Contains("## Creatio Identity Service: connected ✅", File.ReadAllText(Path.Combine(world.ReportDir, ReportStore.SummaryFileName)), StringComparison.Ordinal);
            AssertNoSecret(world, [run.Output, .. run.ReportFiles.Values]);
        }

        [Fact]
        public async Task Should_Log_Red_Checks_At_Their_Line_And_Fail_The_Task()
        {
            // Given
            await using var world = await EngineRun.StartAsync(new SandboxOptions { CreatioCanReachIdentityService = false });
            Azure(world);

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.Equal(1, run.ExitCode);
            var commands = Commands(run);
            var issues = commands.Where(command => command.StartsWith("##vso[task.logissue", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, issues.Count);
            Assert.StartsWith("##vso[task.logissue type=error;sourcepath=creatio-identity.yml;linenumber=13;columnnumber=8;]creatio-identity.yml:13:8: IdentityServiceAvailable: ", issues[0], StringComparison.Ordinal);
            Assert.StartsWith("##vso[task.logissue type=error;sourcepath=creatio-identity.yml;linenumber=13;columnnumber=8;]creatio-identity.yml:13:8: AccessTokenRetrievable: ", issues[1], StringComparison.Ordinal);
            Assert.Equal(
            [
                $"##vso[task.uploadsummary]{Path.Combine(world.ReportDir, ReportStore.SummaryFileName)}",
                "##vso[task.complete result=Failed;]Creatio Identity Service: not connected",
            ], commands[^2..]);
            AssertNoSecret(world, [run.Output, .. run.ReportFiles.Values]);
        }

        [Fact]
        public async Task Should_Log_A_Configuration_Error_At_Its_Line_And_Fail_The_Task()
        {
            // Given
            await using var world = await EngineRun.StartAsync();
            Azure(world);
            world.Environment.Remove("IDENTITY_CLIENT_ID");

            // When
            var run = await world.RunAsync("validate");

            // Then
            Assert.Equal(3, run.ExitCode);
            var commands = Commands(run);
            Assert.Equal(3, commands.Length);
            Assert.StartsWith("##vso[task.logissue type=error;sourcepath=creatio-identity.yml;linenumber=14;columnnumber=13;]creatio-identity.yml:14:13: ", commands[0], StringComparison.Ordinal);
            Assert.Contains("IDENTITY_CLIENT_ID", commands[0], StringComparison.Ordinal);
            Assert.Equal($"##vso[task.uploadsummary]{Path.Combine(world.ReportDir, ReportStore.SummaryFileName)}", commands[1]);
            Assert.Equal("##vso[task.complete result=Failed;]Creatio Identity Service: not connected", commands[2]);
        }
    }
}
