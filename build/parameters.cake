// Everything the command line and the run decide once, before any task runs.

using System.Security.Cryptography;

public sealed class BuildParameters
{
    // Cake target -> engine command (SPEC §2, contract).
    public static readonly IReadOnlyDictionary<string, string> EngineCommands =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Validate"] = "validate",
            ["Preflight"] = "preflight",
            ["Plan"] = "plan",
            ["EnableFeature"] = "enable-feature",
            ["ApplySettings"] = "apply-settings",
            ["TestConnection"] = "test-connection",
            ["Diagnose"] = "diagnose",
            ["ConnectIdentity"] = "connect",
            ["Monitor"] = "monitor",
            ["Sandbox"] = "sandbox",
        };

    public static readonly string[] SandboxRuntimes = ["net", "netframework"];
    public static readonly string[] EngineKinds = ["native", "jit"];
    public static readonly string[] MatrixFormats = ["github", "azure"];

    public required string Target { get; init; }
    public required string Configuration { get; init; }
    public required DirectoryPath RepositoryRoot { get; init; }
    public required DirectoryPath CallerDirectory { get; init; }
    public required FilePath ConfigFile { get; init; }
    public required bool ConfigFileGiven { get; init; }
    public required DirectoryPath ReportDirectory { get; init; }
    public required FilePath EngineProject { get; init; }
    public required FilePath EngineDll { get; init; }
    public required bool EngineDllGiven { get; init; }
    public required string Engine { get; init; }
    public required FilePath EngineNative { get; init; }
    public required FilePath SandboxProject { get; init; }
    public required FilePath SandboxDll { get; init; }
    public required bool SandboxDllGiven { get; init; }
    public required string SandboxRuntime { get; init; }
    public required string RunId { get; init; }
    public required string SessionKey { get; init; }

    // --environment NAME (repeatable) or all, and --parallel N: passed to every engine command.
    public required IReadOnlyList<string> Environments { get; init; }
    public required string Parallel { get; init; }

    // --trace-http=FILE: every engine process of the target appends its HTTP exchanges to this one HAR file.
    public FilePath TraceFile { get; init; }

    // ListEnvironments: --format=github|azure.
    public required string MatrixFormat { get; init; }

    public bool HasEnvironments => Environments.Count > 0;

    public string TargetCommand => EngineCommands.TryGetValue(Target, out var command) ? command : null;

    public bool IsSandbox => string.Equals(Target, "Sandbox", StringComparison.OrdinalIgnoreCase);

    // This run's private folder, made on first use: 0700 under a name nobody can guess (mkdtemp),
    // so that no other local user can have made it first, look into it, or plant a link in it. The
    // engine keeps its encrypted Creatio session there (CREATIO_IDENTITY_SESSION_DIR), the sandbox
    // its ready file; Teardown deletes it.
    private System.IO.DirectoryInfo runDirectory;

    public DirectoryPath RunDirectory =>
        new DirectoryPath((runDirectory ??= System.IO.Directory.CreateTempSubdirectory("creatio-identity-")).FullName);

    public bool HasRunDirectory => runDirectory is not null;

    public FilePath SandboxReadyFile => RunDirectory.CombineWithFilePath("sandbox.json");

    public static BuildParameters Create(ICakeContext context)
    {
        var root = context.Environment.WorkingDirectory; // Cake starts in the script's folder.
        var caller = CallerDirectoryLocator.Find(root);
        var configuration = context.Argument("configuration", "Release");
        var output = $"bin/{configuration}/net10.0";

        var engineProject = root.CombineWithFilePath("src/CreatioIdentity/CreatioIdentity.csproj");
        var sandboxProject = root.CombineWithFilePath("src/CreatioIdentity.Sandbox/CreatioIdentity.Sandbox.csproj");
        var configGiven = context.HasArgument("config");
        var defaultConfig = context.Argument("target", "ConnectIdentity").Equals("Sandbox", StringComparison.OrdinalIgnoreCase)
            ? root.CombineWithFilePath("examples/sandbox.yml")
            : caller.CombineWithFilePath("creatio-identity.yml");

        return new BuildParameters
        {
            Target = context.Argument("target", "ConnectIdentity"),
            Configuration = configuration,
            RepositoryRoot = root,
            CallerDirectory = caller,
            ConfigFile = configGiven ? FromCaller(caller, context.Argument<string>("config")) : defaultConfig,
            ConfigFileGiven = configGiven,
            ReportDirectory = FromCaller(caller, new DirectoryPath(context.Argument("report-dir", "artifacts/creatio-identity"))),
            EngineProject = engineProject,
            EngineDll = context.HasArgument("engine-dll")
                ? FromCaller(caller, context.Argument<string>("engine-dll"))
                : engineProject.GetDirectory().Combine(output).CombineWithFilePath("creatio-identity.dll"),
            EngineDllGiven = context.HasArgument("engine-dll"),
            Engine = context.Argument("engine", "native").ToLowerInvariant(),
            EngineNative = engineProject.GetDirectory().Combine("bin/native")
                .CombineWithFilePath(OperatingSystem.IsWindows() ? "creatio-identity.exe" : "creatio-identity"),
            SandboxProject = sandboxProject,
            SandboxDll = context.HasArgument("sandbox-dll")
                ? FromCaller(caller, context.Argument<string>("sandbox-dll"))
                : sandboxProject.GetDirectory().Combine(output).CombineWithFilePath("CreatioIdentity.Sandbox.dll"),
            SandboxDllGiven = context.HasArgument("sandbox-dll"),
            SandboxRuntime = context.Argument("sandbox-runtime", "net"),
            RunId = Guid.NewGuid().ToString(),
            SessionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            Environments = context.HasArgument("environment") ? context.Arguments<string>("environment").ToList() : new List<string>(),
            Parallel = context.Argument("parallel", string.Empty),
            TraceFile = context.HasArgument("trace-http") ? FromCaller(caller, context.Argument<string>("trace-http")) : null,
            MatrixFormat = context.Argument("format", "github").ToLowerInvariant(),
        };
    }

    // What the command line got wrong, or null; checked before any task runs (exit 3).
    public string Problem()
    {
        if (!SandboxRuntimes.Contains(SandboxRuntime, StringComparer.OrdinalIgnoreCase))
        {
            return $"--sandbox-runtime must be one of {string.Join(", ", SandboxRuntimes)}, not '{SandboxRuntime}'.";
        }

        if (!EngineKinds.Contains(Engine))
        {
            return $"--engine must be one of {string.Join(", ", EngineKinds)}, not '{Engine}'.";
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
            ["CREATIO_IDENTITY_RUN_ID"] = RunId,
            ["CREATIO_IDENTITY_SESSION_KEY"] = SessionKey,
            ["CREATIO_IDENTITY_SESSION_DIR"] = RunDirectory.FullPath,
        };
        if (TargetCommand is { } command)
        {
            variables["CREATIO_IDENTITY_TARGET"] = command;
        }

        if (CiLogGroups.Detect() is not null)
        {
            variables[CiLogGroups.InLogGroupVariable] = "true"; // build/loggroups.cake opened one around the task
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
