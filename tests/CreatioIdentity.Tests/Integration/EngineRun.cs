using System.Security.Cryptography;
using CreatioIdentity.Agents;
using CreatioIdentity.Commands;
using CreatioIdentity.Creatio;
using CreatioIdentity.Reporting;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Steps;

namespace CreatioIdentity.Tests.Integration;

/// <summary>What one engine command printed, returned and wrote.</summary>
public sealed record RunResult(int ExitCode, string Output, Report? Report, IReadOnlyDictionary<string, string> ReportFiles);

/// <summary>
/// The world an engine test needs: fresh sandboxes on loopback, a working folder with a configuration
/// file, and the environment variables that file reads. One site (<see cref="StartAsync"/>) runs the
/// repository's examples/sandbox.yml; several (<see cref="StartSitesAsync"/>) a file with defaults: and
/// environments: naming them, each with credentials of its own. Commands run in-process through the
/// CommandRunner the program uses, each with its own services, as separate engine processes would.
/// </summary>
public sealed partial class EngineRun : IAsyncDisposable
{
    private readonly Dictionary<string, string?> environment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxHost> sites;
    private readonly HashSet<string> stopped = new(StringComparer.Ordinal);
    private readonly List<Action<RunResult>> observers = [];

    private EngineRun(string directory, Dictionary<string, SandboxHost> sites)
    {
        Directory = directory;
        this.sites = sites;
        ConfigPath = Path.Combine(directory, "creatio-identity.yml");
        ReportDir = Path.Combine(directory, "artifacts");

        // Red answers are final after a second here; a real Creatio gets the default minute.
        environment[StepTuning.SettleVariable] = "1";

        // A test run inside a CI job must not speak to that job's runner: a child process (dotnet
        // cake) started from this world sees none of its variables (null removes a variable).
        foreach (var name in CiVariables)
        {
            environment[name] = null;
        }
    }

    /// <summary>The sandbox of a one-site world (the first site of several).</summary>
    public SandboxHost Sandbox => sites.Values.First();

    public string Directory { get; }

    public string ConfigPath { get; }

    public string ReportDir { get; }

    public IDictionary<string, string?> Environment => environment;

    /// <summary>--trace-http for every later run: the HAR file they append to.</summary>
    public string? TracePath { get; set; }

    /// <summary>The secrets of every site of this world: nothing of these may ever be printed or written.</summary>
    public IReadOnlyList<string> Secrets => [.. sites.Values.SelectMany(site => new[] { site.Options.CreatioPassword, site.Options.ClientSecret })];

    /// <summary>
    /// Everything that must never be printed or written: the password and the client secret, and every
    /// session cookie and access token this sandbox has issued so far (its Creatio's and its Identity Service's).
    /// </summary>
    public IReadOnlyList<string> SecretsAndSessions =>
        [.. Secrets, .. Sandbox.Creatio.IssuedSessionSecrets, .. Sandbox.IssuedTokens.All, .. Sandbox.Creatio.IssuedClientSecrets];

    /// <summary>The text of every file under a folder (report.json, junit.xml, summary.md, runner files), for secret searches.</summary>
    public static string FilesUnder(string directory) =>
        System.IO.Directory.Exists(directory)
            ? string.Join('\n', System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(File.ReadAllText))
            : string.Empty;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The variables by which the engine and the Cake script detect a CI runner and reach it.</summary>
    public static IReadOnlyList<string> CiVariables { get; } =
    [
        GitHubActionsAgent.DetectVariable, GitHubActionsAgent.OutputVariable, GitHubActionsAgent.StepSummaryVariable,
        GitHubActionsAgent.WorkspaceVariable, AzurePipelinesAgent.DetectVariable, AzurePipelinesAgent.SourcesDirectoryEnvironmentVariable,
        CommandAgent.InLogGroupVariable,
    ];

    /// <summary>One site: a sandbox (with <paramref name="options"/>) and examples/sandbox.yml with the variables it reads.</summary>
    public static async Task<EngineRun> StartAsync(SandboxOptions? options = null)
    {
        var directory = CreateFolder();
        var sandbox = await SandboxHost.StartAsync(options);
        var world = new EngineRun(directory, new Dictionary<string, SandboxHost>(StringComparer.Ordinal) { ["sandbox"] = sandbox });
        File.Copy(Path.Combine(RepositoryRoot, "examples", "sandbox.yml"), world.ConfigPath);
        world.environment["SANDBOX_CREATIO_URL"] = sandbox.CreatioUrl.AbsoluteUri;
        world.environment["SANDBOX_IDENTITY_URL"] = sandbox.IdentityServiceUrl.AbsoluteUri;
        world.environment["CREATIO_USERNAME"] = sandbox.Options.CreatioUsername;
        world.environment["CREATIO_PASSWORD"] = sandbox.Options.CreatioPassword;
        world.environment["IDENTITY_CLIENT_ID"] = sandbox.Options.ClientId;
        world.environment["IDENTITY_CLIENT_SECRET"] = sandbox.Options.ClientSecret;
        return world;
    }

    /// <summary>The agents a run can be under: the local console, a GitHub Actions runner, an Azure Pipelines agent.</summary>
    public static IReadOnlyList<string> Agents { get; } = ["console", "github", "azure"];

    /// <summary>
    /// Sets the variables of the CI runner that <paramref name="agent"/> names (one of <see cref="Agents"/>);
    /// the runner's files (step summary, outputs) go into this world's folder.
    /// </summary>
    public void ActAs(string agent)
    {
        switch (agent)
        {
            case "github":
                environment[GitHubActionsAgent.DetectVariable] = "true";
                environment[GitHubActionsAgent.WorkspaceVariable] = Directory;
                environment[GitHubActionsAgent.StepSummaryVariable] = Path.Combine(Directory, "step-summary.md");
                environment[GitHubActionsAgent.OutputVariable] = Path.Combine(Directory, "github-output");
                break;
            case "azure":
                environment[AzurePipelinesAgent.DetectVariable] = "True";
                environment[AzurePipelinesAgent.SourcesDirectoryEnvironmentVariable] = Directory;
                break;
            default:
                break;
        }
    }

    /// <summary>Hands a run id and key to the commands, as the Cake script does, so they share one session and one report.</summary>
    public void ShareSessionAcrossCommands(string target = "connect")
    {
        environment[SessionCache.RunIdVariable] = Guid.NewGuid().ToString("D");
        environment[SessionCache.KeyVariable] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        environment[SessionCache.FolderVariable] = Path.Combine(Directory, "session");
        environment[CommandRunner.TargetVariable] = target;
    }

    public Task<RunResult> RunAsync(string command, string? configPath = null, string? reportDir = null) =>
        RunAsync(command, configPath ?? ConfigPath, reportDir ?? ReportDir, selection: null);

    /// <summary>Runs a command with a CI agent of the test's choosing; returns its exit code.</summary>
    public Task<int> RunWithAsync(IBuildAgent agent, string command, params string[] environments) =>
        new CommandRunner(agent, Lookup).RunAsync(Command(command), ConfigPath, ReportDir, new RunSelection(environments), CancellationToken.None);

    /// <summary>Hands every later run's result to <paramref name="observer"/> as well.</summary>
    public void Observe(Action<RunResult> observer) => observers.Add(observer);

    /// <summary>
    /// Runs the seven commands of ConnectIdentity one after the other, stopping at the first failure, as
    /// Cake does: OAuthApps (nothing to do without oauthApps:) last, the process that publishes the report.
    /// </summary>
    public async Task<IReadOnlyList<RunResult>> RunConnectIdentityAsStepsAsync()
    {
        ShareSessionAcrossCommands();
        var results = new List<RunResult>();
        foreach (var command in new[] { "validate", "preflight", "enable-feature", "apply-settings", "test-connection", "diagnose", "oauth-apps" })
        {
            var result = await RunAsync(command);
            results.Add(result);
            if (result.ExitCode != 0)
            {
                break;
            }
        }

        return results;
    }

    public string WriteConfig(string yaml)
    {
        var path = Path.Combine(Directory, $"config-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>Writes this world's configuration file as <paramref name="edit"/> changes it (through the YAML model); returns the new file.</summary>
    public string WriteConfig(Func<ConfigEdit, ConfigEdit> edit) => WriteConfig(edit(ConfigEdit.OfFile(ConfigPath)).ToString());

    /// <summary>Every file the runs wrote under the report folder (the lock file aside), by relative path.</summary>
    public Dictionary<string, string> ReportFiles() =>
        System.IO.Directory.Exists(ReportDir)
            ? System.IO.Directory.GetFiles(ReportDir, "*", SearchOption.AllDirectories)
                .Where(path => !Path.GetFileName(path).StartsWith('.'))
                .ToDictionary(path => Path.GetRelativePath(ReportDir, path).Replace('\\', '/'), File.ReadAllText)
            : [];

    public async ValueTask DisposeAsync()
    {
        foreach (var name in sites.Keys)
        {
            await StopAsync(name);
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static string CreateFolder() => System.IO.Directory.CreateTempSubdirectory("creatio-identity-tests-").FullName;

    private string? Lookup(string name) => environment.GetValueOrDefault(name);

    private static EngineCommand Command(string name) => EngineCommands.Find(name) ?? throw new ArgumentException($"no command {name}", nameof(name));

    private async Task<RunResult> RunAsync(string command, string configPath, string reportDir, RunSelection? selection)
    {
        var output = new StringWriter();

        // The agent is chosen from this world's environment, as Program chooses it from the process's.
        var agent = BuildAgents.Detect(Lookup, output, plain: true);
        var runner = new CommandRunner(agent, Lookup) { TracePath = TracePath };
        var exitCode = selection is null
            ? await runner.RunAsync(Command(command), configPath, reportDir, CancellationToken.None)
            : await runner.RunAsync(Command(command), configPath, reportDir, selection, CancellationToken.None);
        var result = new RunResult(exitCode, output.ToString(), ReportStore.TryRead(ReportDir), ReportFiles());
        observers.ForEach(observer => observer(result));
        return result;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Directory.Build.props")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Directory.Build.props) was not found above the test binaries.");
    }
}
