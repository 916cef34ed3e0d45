// The recipe's entry point: a user's build.cake is
//
//   #load nuget:?package=CreatioIdentity.Cake&version=X
//   RunCreatioIdentity();
//
//   dotnet cake [--target=ConnectIdentity] [--config=creatio-identity.yml] [--report-dir=artifacts/creatio-identity]
//
// Targets: Validate, Preflight, Plan, EnableFeature, ApplySettings, TestConnection, Diagnose,
// OAuthApps, ConnectIdentity (default), RotateSecrets (--app NAME), Monitor (read-only),
// ListEnvironments (CI matrix), Sandbox; Empty is a do-nothing baseline for timing. Several sites: --environment=NAME (repeatable) or all,
// --parallel=N. --check-run=true / --github-issue=true report the run to GitHub after the target
// (github.cake). --trace-http=FILE writes every exchange with Creatio and the Identity Service,
// of every step, to one HAR file. Exit codes: 0 ok, 1 red or failed, 2 plan has pending
// changes, 3 invalid configuration or command line.

// Defines the tasks, runs --target and ends the process with the engine's exit code.
// defineMore adds tasks of the caller's own (this repository's Pack, say).
void RunCreatioIdentity(IEngineHost host = null, Action<BuildParameters> defineMore = null)
{
    var parameters = BuildParameters.Create(Context);
    if (parameters.Problem() is { } problem)
    {
        Error(problem);
        System.Environment.Exit(3);
    }

    Verbose("Run {0}; config {1}; reports in {2}.", parameters.RunId, parameters.ConfigFile?.FullPath ?? "(the sandbox's own)", parameters.ReportDirectory);
    DefineTasks(parameters, host ?? new InstalledEngine());
    defineMore?.Invoke(parameters);
    DefineLogGroups();

    if (!Tasks.Any(task => task.Name.Equals(parameters.Target, StringComparison.OrdinalIgnoreCase)))
    {
        Error("Unknown target '{0}'. Targets: {1}.", parameters.Target, string.Join(", ", Tasks.Select(task => task.Name)));
        System.Environment.Exit(3);
    }

    // Cake would end any failed run with exit 1; Environment.Exit is the one way a script can
    // choose its process exit code (Environment.ExitCode is overwritten when Cake returns).
    var exitCode = RunTargetWithExitCode(parameters.Target);
    if (exitCode != 0)
    {
        System.Environment.Exit(exitCode);
    }
}
