// How the recipe starts the engine: one `creatio-identity <command>` process per step task.
//
// The engine comes from an IEngineHost. A user's build.cake gets InstalledEngine: the tool that
// the package's tool.cake installs with `#tool dotnet:?package=CreatioIdentity&version=X` (the
// same version as this recipe). This repository's build.cake passes SourceEngine instead
// (build/source.cake), which builds the engine from source; the task graph is the same.

// The program and the arguments before the command: `creatio-identity` itself, or `dotnet <dll>`.
public sealed record EngineInvocation(string FileName, string Dll)
{
    public static EngineInvocation Native(FilePath executable) => new(executable.FullPath, null);

    public static EngineInvocation Jit(FilePath dll) => new(DotNetHost.Path, dll.FullPath);
}

public interface IEngineHost
{
    // Makes the engine ready (installing or building what is missing) and says how to start it.
    // The sandbox and the GitHub reporter come with the engine: `creatio-identity sandbox` and
    // `creatio-identity github` find them.
    EngineInvocation Prepare(ICakeContext context, BuildParameters parameters);

    // Arguments the `sandbox` command needs from this host (the sandbox program it built), if any.
    IEnumerable<string> SandboxArguments(BuildParameters parameters);
}

// The engine installed by tool.cake's #tool directive into the Cake tools folder.
public sealed class InstalledEngine : IEngineHost
{
    public EngineInvocation Prepare(ICakeContext context, BuildParameters parameters)
    {
        var executable = context.Tools.Resolve(OperatingSystem.IsWindows() ? "creatio-identity.exe" : "creatio-identity")
            ?? throw new CakeException(3, "The creatio-identity tool is not installed: load the recipe with #load nuget:?package=CreatioIdentity.Cake&version=X, whose tool.cake installs it (#tool dotnet:?package=CreatioIdentity&version=X).");
        return EngineInvocation.Native(executable);
    }

    public IEnumerable<string> SandboxArguments(BuildParameters parameters) => [];
}

EngineInvocation engine;

// Runs `creatio-identity <command>` with the console passed straight through.
// A non-zero exit fails the task with the engine's own exit code (see exitcode.cake); plan's exit 2
// (changes pending) does not: it is remembered, and the run ends with it.
void RunEngine(BuildParameters parameters, string command, params string[] extraArguments)
{
    var arguments = new ProcessArgumentBuilder();
    if (engine.Dll is not null)
    {
        arguments.AppendQuoted(engine.Dll);
    }

    arguments.Append(command);
    if (parameters.ConfigFile is not null)
    {
        arguments.Append("--config").AppendQuoted(parameters.ConfigFile.FullPath);
    }

    arguments.Append("--report-dir").AppendQuoted(parameters.ReportDirectory.FullPath);
    parameters.AppendEngineArguments(arguments);
    foreach (var argument in extraArguments)
    {
        arguments.AppendQuoted(argument);
    }

    var exitCode = StartProcess(engine.FileName, new ProcessSettings
    {
        Arguments = arguments,
        WorkingDirectory = parameters.CallerDirectory,
        EnvironmentVariables = parameters.EngineEnvironment(),
    });
    if (exitCode == PlanPending.ExitCode && command == "plan")
    {
        // Changes pending is plan's answer, not a failure: the task succeeds, the run exits 2 (exitcode.cake).
        planPending = PlanPending.Read(parameters);
        return;
    }

    if (exitCode != 0)
    {
        throw new CakeException(exitCode, $"creatio-identity {command} exited with code {exitCode}.");
    }
}

public static class DotNetHost
{
    // The dotnet that runs Cake, so that no PATH lookup happens per engine process.
    public static readonly string Path = Resolve();

    private static string Resolve()
    {
        var host = Environment.ProcessPath;
        return host is not null && System.IO.Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? host
            : "dotnet";
    }
}
