// creatio-identity: connect Creatio's Identity Service to Creatio from a pipeline.
//
//   dotnet cake [--target=ConnectIdentity] [--config=creatio-identity.yml] [--report-dir=artifacts/creatio-identity]
//   dotnet cake --target=Sandbox [--sandbox-runtime=net|netframework]
//
// Targets: Validate, Preflight, Plan, EnableFeature, ApplySettings, TestConnection, Diagnose,
// ConnectIdentity (default), Sandbox, Monitor (read-only), ListEnvironments (CI matrix); Empty is a
// do-nothing baseline for timing. Several sites: --environment=NAME (repeatable) or all, --parallel=N.
// Other arguments: --configuration (Release), --engine=native|jit (native AOT by default, JIT as the
// fallback), --engine-dll / --sandbox-dll (use a prebuilt dll).
// --check-run=true / --github-issue=true report the run to GitHub after the target (build/github.cake).
// --trace-http=FILE writes every exchange with Creatio and the Identity Service, of every step, to one HAR file.
// Each step runs one `creatio-identity <command>` process; exit codes: 0 ok, 1 red or failed,
// 2 plan has pending changes, 3 invalid configuration or command line.

#load "build/callerdirectory.cake"
#load "build/parameters.cake"
#load "build/engine.cake"
#load "build/sandbox.cake"
#load "build/tasks.cake"
#load "build/loggroups.cake"
#load "build/github.cake"
#load "build/exitcode.cake"

var parameters = BuildParameters.Create(Context);
if (parameters.Problem() is { } problem)
{
    Error(problem);
    System.Environment.Exit(3);
}

Verbose("Run {0}; config {1}; reports in {2}.", parameters.RunId, parameters.ConfigFile, parameters.ReportDirectory);
DefineTasks(parameters);
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
