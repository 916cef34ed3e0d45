// Everything the command line and the run decide once, before any task runs.

using System.Security.Cryptography;

public sealed class BuildParameters
{
    public static readonly string[] SandboxRuntimes = ["net", "netframework"];
    public static readonly string[] MatrixFormats = ["github", "azure"];

    public required string Target { get; init; }
    public required DirectoryPath CallerDirectory { get; init; }
    // Null for the Sandbox target without --config: the engine then uses the sandbox's own file.
    public required FilePath ConfigFile { get; init; }
    public required DirectoryPath ReportDirectory { get; init; }
    public required string SandboxRuntime { get; init; }
    public required string RunId { get; init; }
    public required string SessionKey { get; init; }
    // --environment (repeatable; the engine also splits commas) and --parallel: the engine checks
    // the names and the number, against the file (exit 3 with what to do).
    public required IReadOnlyList<string> Environments { get; init; }
    public required string Parallel { get; init; }
    // --trace-http=FILE: every engine process of the run appends its exchanges to this one HAR
    // file (the engine redacts secrets, checks the path and refuses links).
    public FilePath TraceFile { get; init; }
    // --format for ListEnvironments: github ({"environment":[...]}) or azure ({"NAME":{"environment":"NAME"}}).
    public required string MatrixFormat { get; init; }
    // --app NAME for RotateSecrets: the app of oauthApps: that gets new credentials.
    public required string App { get; init; }

    public bool HasEnvironments => Environments.Count > 0;

    // The engine command behind --target (protocol.cake: the table the engine reads).
    public string TargetCommand => EngineProtocol.Commands.TryGetValue(Target, out var command) ? command : null;

    public bool IsSandbox => string.Equals(Target, "Sandbox", StringComparison.OrdinalIgnoreCase);

    // This run's private folder, made on first use: 0700 under a name nobody can guess (mkdtemp),
    // so that no other local user can have made it first, look into it, or plant a link in it. The
    // engine keeps its encrypted Creatio session there (CREATIO_IDENTITY_SESSION_DIR); Teardown
    // deletes it.
    private System.IO.DirectoryInfo runDirectory;

    public DirectoryPath RunDirectory =>
        new DirectoryPath((runDirectory ??= System.IO.Directory.CreateTempSubdirectory("creatio-identity-")).FullName);

    public bool HasRunDirectory => runDirectory is not null;

    public static BuildParameters Create(ICakeContext context)
    {
        var caller = CallerDirectoryLocator.Find(context.Environment.WorkingDirectory); // Cake starts in the script's folder.
        var target = context.Argument("target", "ConnectIdentity");
        var configGiven = context.HasArgument("config");
        return new BuildParameters
        {
            Target = target,
            CallerDirectory = caller,
            ConfigFile = configGiven
                ? FromCaller(caller, context.Argument<string>("config"))
                : target.Equals("Sandbox", StringComparison.OrdinalIgnoreCase) ? null : caller.CombineWithFilePath("creatio-identity.yml"),
            ReportDirectory = FromCaller(caller, new DirectoryPath(context.Argument("report-dir", "artifacts/creatio-identity"))),
            SandboxRuntime = context.Argument("sandbox-runtime", "net"),
            RunId = Guid.NewGuid().ToString(),
            SessionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            Environments = context.HasArgument("environment") ? context.Arguments<string>("environment").ToList() : new List<string>(),
            Parallel = context.Argument("parallel", string.Empty),
            TraceFile = context.HasArgument("trace-http") ? FromCaller(caller, context.Argument<string>("trace-http")) : null,
            MatrixFormat = context.Argument("format", "github").ToLowerInvariant(),
            App = context.Argument("app", string.Empty),
        };
    }

    // What the command line got wrong, or null; checked before any task runs (exit 3).
    public string Problem()
    {
        if (!SandboxRuntimes.Contains(SandboxRuntime, StringComparer.OrdinalIgnoreCase))
        {
            return $"--sandbox-runtime must be one of {string.Join(", ", SandboxRuntimes)}, not '{SandboxRuntime}'.";
        }

        if (Target.Equals("RotateSecrets", StringComparison.OrdinalIgnoreCase) && App.Length == 0)
        {
            return "RotateSecrets needs --app NAME: the app of oauthApps: that gets new credentials.";
        }

        if (!MatrixFormats.Contains(MatrixFormat))
        {
            return $"--format must be one of {string.Join(", ", MatrixFormats)}, not '{MatrixFormat}'.";
        }

        return null;
    }

    // The engine's own arguments for --environment, --parallel and --trace-http; it checks them (exit 3).
    public void AppendEngineArguments(ProcessArgumentBuilder arguments)
    {
        foreach (var environment in Environments)
        {
            arguments.Append("--environment").AppendQuoted(environment);
        }

        if (Parallel.Length > 0)
        {
            arguments.Append("--parallel").AppendQuoted(Parallel);
        }

        if (TraceFile is not null)
        {
            arguments.Append("--trace-http").AppendQuoted(TraceFile.FullPath);
        }
    }

    // The variables every engine process gets: one run, one report, one shared session.
    public IDictionary<string, string> EngineEnvironment()
    {
        var variables = new Dictionary<string, string>
        {
            [EngineProtocol.RunIdVariable] = RunId,
            [EngineProtocol.SessionKeyVariable] = SessionKey,
            [EngineProtocol.SessionDirectoryVariable] = RunDirectory.FullPath,
        };
        if (TargetCommand is { } command)
        {
            variables[EngineProtocol.TargetVariable] = command;
        }

        if (CiLogGroups.Detect() is not null)
        {
            variables[CiLogGroups.InLogGroupVariable] = "true"; // loggroups.cake opened one around the task
        }

        return variables;
    }

    // Cake refuses to combine with an absolute path; an absolute argument stands as given.
    private static FilePath FromCaller(DirectoryPath caller, string path)
    {
        var file = new FilePath(path);
        return (file.IsRelative ? caller.CombineWithFilePath(file) : file).Collapse();
    }

    private static DirectoryPath FromCaller(DirectoryPath caller, DirectoryPath directory) =>
        (directory.IsRelative ? caller.Combine(directory) : directory).Collapse();
}
