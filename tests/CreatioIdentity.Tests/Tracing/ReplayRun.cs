using System.Text.Json.Nodes;
using System.Web;
using CreatioIdentity.Agents;
using CreatioIdentity.Commands;
using CreatioIdentity.Reporting;
using CreatioIdentity.Steps;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.Tracing;

/// <summary>
/// The engine against a replayed trace, in-process as <see cref="EngineRun"/> runs it against the
/// sandbox: a configuration that points creatio.url and identityService.url at the replay, with the
/// user name and client id the trace recorded (its password and secret are redacted, and the replay
/// does not care), and red health answers final after a second.
/// </summary>
public sealed class ReplayRun : IAsyncDisposable
{
    private const string Password = "replayed-password";
    private const string ClientSecret = "replayed-client-secret";

    private readonly Dictionary<string, string?> environment;

    private ReplayRun(HarReplay replay, string directory)
    {
        Replay = replay;
        Directory = directory;
        ConfigPath = Path.Combine(directory, "creatio-identity.yml");
        ReportDir = Path.Combine(directory, "artifacts");
        environment = new Dictionary<string, string?>
        {
            ["CREATIO_PASSWORD"] = Password,
            ["IDENTITY_CLIENT_SECRET"] = ClientSecret,
            [StepTuning.SettleVariable] = "1",
        };
        foreach (var name in EngineRun.CiVariables)
        {
            environment[name] = null;
        }

        File.WriteAllText(ConfigPath, $$"""
            version: 1
            creatio:
              url: {{replay.CreatioUrl ?? throw new InvalidOperationException("The trace holds no Creatio login.")}}
              runtime: auto
              username: {{RecordedUserName(replay)}}
              password: ${CREATIO_PASSWORD}
              timeoutSeconds: 5
            identityService:
              url: {{replay.IdentityServiceUrl?.AbsoluteUri ?? "http://127.0.0.1:9/"}}
              clientId: {{RecordedClientId(replay)}}
              clientSecret: ${IDENTITY_CLIENT_SECRET}
            """);
    }

    public HarReplay Replay { get; }

    public string Directory { get; }

    public string ConfigPath { get; }

    public string ReportDir { get; }

    /// <summary>The folder of the committed traces: a trace from a real site goes here, and a test replays it by name.</summary>
    public static string TracesFolder { get; } = Path.Combine(EngineRun.RepositoryRoot, "tests", "CreatioIdentity.Tests", "Tracing", "Traces");

    /// <summary>Plays a HAR file: a name in <see cref="TracesFolder"/>, or a full path.</summary>
    public static async Task<ReplayRun> StartAsync(string harPath, string? environment = null)
    {
        var path = Path.IsPathRooted(harPath) ? harPath : Path.Combine(TracesFolder, harPath);
        var directory = System.IO.Directory.CreateTempSubdirectory("creatio-identity-tests-").FullName;
        System.IO.Directory.CreateDirectory(directory);
        return new ReplayRun(await HarReplay.StartAsync(path, environment), directory);
    }

    public async Task<RunResult> RunAsync(string command)
    {
        var output = new StringWriter();
        var agent = BuildAgents.Detect(name => environment.GetValueOrDefault(name), output, plain: true);
        var exitCode = await new CommandRunner(agent, name => environment.GetValueOrDefault(name))
            .RunAsync(EngineCommands.Find(command)!, ConfigPath, ReportDir, CancellationToken.None);
        return new RunResult(exitCode, output.ToString(), ReportStore.TryRead(ReportDir), new Dictionary<string, string>());
    }

    public async ValueTask DisposeAsync()
    {
        await Replay.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static string RecordedUserName(HarReplay replay) =>
        replay.Entries.Where(entry => entry.Url.AbsolutePath.EndsWith("/AuthService.svc/Login", StringComparison.OrdinalIgnoreCase))
            .Select(entry => entry.RequestText is { } text ? (string?)JsonNode.Parse(text)?["UserName"] : null)
            .FirstOrDefault(name => name is not null) ?? "Supervisor";

    private static string RecordedClientId(HarReplay replay) =>
        replay.Entries.Where(entry => entry.Url.AbsolutePath.EndsWith("/connect/token", StringComparison.OrdinalIgnoreCase) && entry.RequestText is not null)
            .Select(entry => HttpUtility.ParseQueryString(entry.RequestText!)["client_id"])
            .FirstOrDefault(id => id is not null) ?? "replayed-client";
}
