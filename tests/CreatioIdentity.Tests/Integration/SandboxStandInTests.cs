using System.Text.Json;
using CreatioIdentity.Agents;
using CreatioIdentity.Checks;
using CreatioIdentity.Commands;
using CreatioIdentity.Companions;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;
using CreatioIdentity.Tests.Configuration;
using Spectre.Console;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// `creatio-identity sandbox --config FILE`: the sandbox stands in for the Creatio and the Identity
/// Service the user's own file names, so that a file can be tried as it is before it meets a real site.
/// </summary>
public sealed class SandboxStandInTests
{
    /// <summary>Every configuration file under examples/ (not the workflows of examples/github/), as users copy them.</summary>
    public static TheoryData<string> Examples() =>
    [
        .. Directory.GetFiles(RepositoryRoot.Combine("examples"), "*.yml", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepositoryRoot.FullPath, file).Replace('\\', '/'))
            .Where(name => !name.StartsWith("examples/github/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal),
    ];

    public sealed class TheMinimalExample
    {
        [Fact]
        public async Task Should_Connect_The_Sandbox_In_Place_Of_The_Sites_The_File_Names()
        {
            // Given: examples/minimal.yml as copied, naming creatio.example.com and identity.example.com
            using var world = new StandInWorld("examples/minimal.yml");

            // When
            var exitCode = await world.RunAsync();

            // Then: green, and every request reached the sandbox, which recorded them
            Assert.True(exitCode == ExitCodes.Ok, world.Output);
            Assert.All(world.Report.Checks, check => Assert.Equal(CheckStatus.Pass, check.Status));
            Assert.StartsWith("http://127.0.0.1:", world.Report.Creatio, StringComparison.Ordinal);
            var record = Assert.Single(world.Records);
            Assert.Equal(1, record.GetProperty("logins").GetInt32());
            Assert.Contains(record.GetProperty("requests").EnumerateArray(), request => request.GetProperty("isWrite").GetBoolean());
        }

        [Fact]
        public async Task Should_Say_Once_What_Stood_In_For_What()
        {
            // Given
            using var world = new StandInWorld("examples/minimal.yml");

            // When
            await world.RunAsync();

            // Then
            var line = Assert.Single(world.Output.Split('\n'), line => line.Contains("stands in for", StringComparison.Ordinal));
            Assert.Contains("https://creatio.example.com/ → http://127.0.0.1:", line, StringComparison.Ordinal);
            Assert.Contains("https://identity.example.com/ → http://127.0.0.1:", line, StringComparison.Ordinal);
        }
    }

    public sealed class TheProductionExample
    {
        [Fact]
        public async Task Should_Set_Aside_The_Trust_And_Runtime_A_Loopback_Sandbox_Cannot_Use()
        {
            // Given: a corporate CA file that is not there, and runtime netframework against a net sandbox
            using var world = new StandInWorld("examples/production.yml");

            // When
            var exitCode = await world.RunAsync();

            // Then
            Assert.True(exitCode == ExitCodes.Ok, world.Output);
            Assert.Contains("set aside (nothing of them applies to the sandbox on loopback): creatio.tls, identityService.tls", world.Output, StringComparison.Ordinal);
            Assert.Contains("creatio.runtime netframework → net", world.Output, StringComparison.Ordinal);
        }
    }

    public sealed class AVariableTheSandboxReplaces
    {
        [Fact]
        public async Task Should_Need_No_Value_When_Only_A_Replaced_Key_Reads_It()
        {
            // Given: the consumer's file reads its URLs from CREATIO_URL and IDENTITY_SERVICE_URL, unset here
            using var world = new StandInWorld("examples/consumer/creatio-identity.yml");

            // When
            var exitCode = await world.RunAsync();

            // Then
            Assert.True(exitCode == ExitCodes.Ok, world.Output);
        }

        [Fact]
        public async Task Should_Still_Be_Required_Where_The_File_Uses_It_For_Itself()
        {
            // Given: a setting that reads an unset variable is the file's own value, not the site's
            using var world = new StandInWorld("examples/minimal.yml", append: "settings:\n  SiteUrl: ${STAND_IN_UNSET_SITE_URL}\n");

            // When
            var exitCode = await world.RunAsync();

            // Then
            Assert.Equal(ExitCodes.InvalidConfiguration, exitCode);
            Assert.Contains("STAND_IN_UNSET_SITE_URL is not set", world.Output, StringComparison.Ordinal);
            Assert.Empty(world.Records);
        }
    }

    public sealed class EveryExample
    {
        [Theory]
        [MemberData(nameof(Examples), MemberType = typeof(SandboxStandInTests))]
        public async Task Should_Run_Green_As_Copied(string example)
        {
            // Given
            using var world = new StandInWorld(example);

            // When: every environment of a file with several
            var exitCode = await world.RunAsync(ConfigLoader.ReadEnvironmentNames(world.ConfigPath).Count > 0 ? ["all"] : []);

            // Then
            Assert.True(exitCode == ExitCodes.Ok, world.Output);
            var checks = world.Report.Environments is { } environments ? environments.SelectMany(environment => environment.Checks) : world.Report.Checks;
            Assert.NotEmpty(checks);
            Assert.All(checks, check => Assert.True(check.Status == CheckStatus.Pass, $"{example}: {check.Id} {check.Status}: {check.Message}"));
        }
    }

    /// <summary>An example copied into a folder of its own, run by the sandbox command with nothing of the caller's environment.</summary>
    private sealed class StandInWorld : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("creatio-identity-stand-in-").FullName;
        private readonly StringWriter output = new();

        public StandInWorld(string example, string append = "")
        {
            ConfigPath = Path.Combine(folder, Path.GetFileName(example));
            File.WriteAllText(ConfigPath, File.ReadAllText(RepositoryRoot.Combine(example)) + append);
        }

        public string ConfigPath { get; }

        public string ReportDir => Path.Combine(folder, "report");

        public string Output => output.ToString();

        public Report Report => ReportStore.TryRead(ReportDir) ?? throw new InvalidOperationException($"no report was written:{Environment.NewLine}{Output}");

        /// <summary>What the sandbox recorded (GET /_sandbox/record), read when the run published its report, before the sandbox stopped.</summary>
        public List<JsonElement> Records { get; } = [];

        public Task<int> RunAsync(IReadOnlyList<string>? environments = null)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No });
            console.Profile.Width = 1000; // a line per message, as the assertions read them
            var agent = new RecordReadingAgent(new ConsoleAgent(console), Records);
            var sandboxDll = Path.Combine(AppContext.BaseDirectory, Companion.Sandbox.DllName);
            return SandboxCommand.RunAsync(agent, _ => null, "net", sandboxDll, ConfigPath, ReportDir, CancellationToken.None, new RunSelection(environments ?? []));
        }

        public void Dispose()
        {
            output.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class RecordReadingAgent(IBuildAgent inner, List<JsonElement> records) : IBuildAgent
    {
        public string Name => inner.Name;

        public void MaskSecrets(IEnumerable<string> values) => inner.MaskSecrets(values);

        public IDisposable BeginGroup(string title) => inner.BeginGroup(title);

        public void Progress(string message) => inner.Progress(message);

        public void Info(string message) => inner.Info(message);

        public void Warning(string message, SourceLocation? location = null) => inner.Warning(message, location);

        public void Error(string message, SourceLocation? location = null) => inner.Error(message, location);

        public void ShowStep(StepResult step) => inner.ShowStep(step);

        public void ShowReport(Report report, string reportDir) => inner.ShowReport(report, reportDir);

        public void PublishReport(Report report, string reportDir)
        {
            if (report.Creatio.StartsWith("http", StringComparison.Ordinal))
            {
                using var http = new HttpClient();
                var json = http.GetStringAsync(new Uri(new Uri(report.Creatio), "/_sandbox/record")).GetAwaiter().GetResult();
                records.Add(JsonDocument.Parse(json).RootElement.Clone());
            }

            inner.PublishReport(report, reportDir);
        }
    }
}
