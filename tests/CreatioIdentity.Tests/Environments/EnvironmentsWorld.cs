using System.Text;
using CreatioIdentity.Agents;
using CreatioIdentity.Commands;
using CreatioIdentity.Reporting;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Steps;
using CreatioIdentity.Tests.Integration;
using Spectre.Console;

namespace CreatioIdentity.Tests.Environments;

/// <summary>
/// The world a multi-site test needs: one sandbox per environment, each with credentials of its
/// own, a file with defaults: and environments: naming them, and the variables that file reads.
/// Commands run in-process through the same CommandRunner the program uses.
/// </summary>
public sealed class EnvironmentsWorld : IAsyncDisposable
{
    private readonly Dictionary<string, string?> environment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxHost> sandboxes;
    private readonly HashSet<string> stopped = new(StringComparer.Ordinal);

    private EnvironmentsWorld(string directory, Dictionary<string, SandboxHost> sandboxes)
    {
        Directory = directory;
        this.sandboxes = sandboxes;
        ConfigPath = Path.Combine(directory, "creatio-identity.yml");
        ReportDir = Path.Combine(directory, "artifacts");
        environment["CREATIO_USERNAME"] = "Supervisor";
        environment["IDENTITY_CLIENT_ID"] = "creatio-sandbox";
        environment[StepTuning.SettleVariable] = "1";

        var yaml = new StringBuilder("""
            version: 1
            defaults:
              creatio:
                username: ${CREATIO_USERNAME}
                timeoutSeconds: 10
              identityService:
                clientId: ${IDENTITY_CLIENT_ID}
              features:
                OAuth20Integration: true
            environments:

            """);
        foreach (var (name, sandbox) in sandboxes)
        {
            var prefix = name.ToUpperInvariant();
            yaml.Append("  ").Append(name).Append(":\n")
                .Append("    creatio:\n")
                .Append("      url: ${").Append(prefix).Append("_CREATIO_URL}\n")
                .Append("      password: ${").Append(prefix).Append("_CREATIO_PASSWORD}\n")
                .Append("    identityService:\n")
                .Append("      url: ${").Append(prefix).Append("_IDENTITY_URL}\n")
                .Append("      clientSecret: ${").Append(prefix).Append("_IDENTITY_CLIENT_SECRET}\n");
            environment[$"{prefix}_CREATIO_URL"] = sandbox.CreatioUrl.AbsoluteUri;
            environment[$"{prefix}_CREATIO_PASSWORD"] = sandbox.Options.CreatioPassword;
            environment[$"{prefix}_IDENTITY_URL"] = sandbox.IdentityServiceUrl.AbsoluteUri;
            environment[$"{prefix}_IDENTITY_CLIENT_SECRET"] = sandbox.Options.ClientSecret;
        }

        File.WriteAllText(ConfigPath, yaml.ToString());
    }

    public string Directory { get; }

    public string ConfigPath { get; }

    public string ReportDir { get; }

    public IDictionary<string, string?> Environment => environment;

    public IReadOnlyCollection<string> Names => sandboxes.Keys;

    /// <summary>Every secret of every site: none may ever be printed or written.</summary>
    public IReadOnlyList<string> Secrets => [.. sandboxes.Values.SelectMany(sandbox => new[] { sandbox.Options.CreatioPassword, sandbox.Options.ClientSecret })];

    public SandboxHost this[string name] => sandboxes[name];

    /// <summary>Starts one sandbox per name, at once, each with a password and client secret of its own.</summary>
    public static async Task<EnvironmentsWorld> StartAsync(params string[] names)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("creatio-identity-tests-").FullName;
        System.IO.Directory.CreateDirectory(directory);
        var started = await Task.WhenAll(names.Select(name => SandboxHost.StartAsync(new SandboxOptions
        {
            CreatioPassword = $"Creatio-{name}-password-7",
            ClientSecret = $"identity-{name}-secret-7",
        })));
        return new EnvironmentsWorld(directory, names.Zip(started).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal));
    }

    public async Task<RunResult> RunAsync(string command, params string[] environments) => await RunAsync(command, RunSelection.DefaultParallel, environments);

    public async Task<RunResult> RunAsync(string command, int parallel, params string[] environments)
    {
        var output = new StringWriter();
        var engineCommand = EngineCommands.Find(command) ?? throw new ArgumentException($"no command {command}", nameof(command));
        var exitCode = await new CommandRunner(new ConsoleAgent(Console(output)), name => environment.GetValueOrDefault(name))
            .RunAsync(engineCommand, ConfigPath, ReportDir, new RunSelection(environments, parallel), CancellationToken.None);
        return new RunResult(exitCode, output.ToString(), ReportStore.TryRead(ReportDir), ReportFiles());
    }

    /// <summary>Runs a command with a CI agent of the test's choosing; returns its exit code.</summary>
    public Task<int> RunWithAsync(IBuildAgent agent, string command, params string[] environments) =>
        new CommandRunner(agent, name => environment.GetValueOrDefault(name))
            .RunAsync(EngineCommands.Find(command)!, ConfigPath, ReportDir, new RunSelection(environments), CancellationToken.None);

    /// <summary>The report of one environment's own folder.</summary>
    public Report? ReportOf(string name) => ReportStore.TryRead(Path.Combine(ReportDir, name));

    /// <summary>Every file the run wrote under the report folder, by relative path.</summary>
    public Dictionary<string, string> ReportFiles() =>
        System.IO.Directory.Exists(ReportDir)
            ? System.IO.Directory.GetFiles(ReportDir, "*", SearchOption.AllDirectories)
                .Where(path => !Path.GetFileName(path).StartsWith('.'))
                .ToDictionary(path => Path.GetRelativePath(ReportDir, path).Replace('\\', '/'), File.ReadAllText)
            : [];

    /// <summary>Stops one site's sandbox, as a Creatio that is down.</summary>
    public async Task StopAsync(string name)
    {
        if (stopped.Add(name))
        {
            await sandboxes[name].DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (name, sandbox) in sandboxes)
        {
            if (stopped.Add(name))
            {
                await sandbox.DisposeAsync();
            }
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static IAnsiConsole Console(StringWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        return console;
    }
}
