// Building the engine only when needed, and running one engine command per process.

public static class ProjectBuild
{
    private const string StampName = ".built-by-cake";

    private static readonly string[] InputPatterns = ["*.cs", "*.csproj", "*.props", "*.json"];

    // Stale when the output is missing or any source under src/ (or a shared props file) is
    // newer than the last build. The stamp covers inputs that do not change the dll (a .json
    // file): msbuild leaves the dll untouched then, and without the stamp we would rebuild forever.
    public static bool IsStale(DirectoryPath root, FilePath outputDll, out string reason)
    {
        var output = new System.IO.FileInfo(outputDll.FullPath);
        if (!output.Exists)
        {
            reason = $"{outputDll.GetFilename()} does not exist";
            return true;
        }

        var stamp = new System.IO.FileInfo(System.IO.Path.Combine(output.DirectoryName!, StampName));
        var builtAt = stamp.Exists && stamp.LastWriteTimeUtc > output.LastWriteTimeUtc
            ? stamp.LastWriteTimeUtc
            : output.LastWriteTimeUtc;

        var newer = Inputs(root).FirstOrDefault(file => file.LastWriteTimeUtc > builtAt);
        reason = newer is null ? null : $"{System.IO.Path.GetRelativePath(root.FullPath, newer.FullName)} changed";
        return newer is not null;
    }

    public static void MarkBuilt(FilePath outputDll) =>
        System.IO.File.WriteAllText(System.IO.Path.Combine(outputDll.GetDirectory().FullPath, StampName), DateTime.UtcNow.ToString("O"));

    private static IEnumerable<System.IO.FileInfo> Inputs(DirectoryPath root)
    {
        foreach (var name in new[] { "Directory.Build.props", "Directory.Packages.props" })
        {
            var file = new System.IO.FileInfo(System.IO.Path.Combine(root.FullPath, name));
            if (file.Exists)
            {
                yield return file;
            }
        }

        var src = new System.IO.DirectoryInfo(System.IO.Path.Combine(root.FullPath, "src"));
        if (!src.Exists)
        {
            yield break;
        }

        var stack = new Stack<System.IO.DirectoryInfo>([src]);
        while (stack.Count > 0)
        {
            var directory = stack.Pop();
            foreach (var pattern in InputPatterns)
            {
                foreach (var file in directory.EnumerateFiles(pattern))
                {
                    yield return file;
                }
            }

            foreach (var child in directory.EnumerateDirectories())
            {
                // Build outputs are not inputs: bin/ holds *.json written by every build.
                if (child.Name is not ("bin" or "obj") && !child.Name.StartsWith(".", StringComparison.Ordinal))
                {
                    stack.Push(child);
                }
            }
        }
    }
}

// `dotnet build` the project behind a dll unless it is up to date (or given on the command line).
void BuildIfStale(BuildParameters parameters, FilePath project, FilePath outputDll, bool dllGiven)
{
    if (dllGiven)
    {
        Verbose("Using {0} as given; not building.", outputDll);
        return;
    }

    if (!ProjectBuild.IsStale(parameters.RepositoryRoot, outputDll, out var reason))
    {
        Verbose("{0} is up to date.", outputDll.GetFilename());
        return;
    }

    Information("Building {0} ({1}).", project.GetFilename(), reason);
    DotNetBuild(project.FullPath, new DotNetBuildSettings
    {
        Configuration = parameters.Configuration,
        NoLogo = true,
    });
    ProjectBuild.MarkBuilt(outputDll);
}

// How the engine is started: the native executable (published ahead of time, it starts in
// milliseconds, which matters since every step is its own process), or `dotnet <dll>`.
public sealed record EngineInvocation(string FileName, string Dll)
{
    public static EngineInvocation Native(FilePath executable) => new(executable.FullPath, null);

    public static EngineInvocation Jit(FilePath dll) => new(DotNetHost.Path, dll.FullPath);
}

EngineInvocation engine;

// Decides how the engine runs, building what is stale. Native AOT is tried first (--engine=native,
// the default); where the machine cannot link natively (no clang, no MSVC) it falls back to the
// JIT build once and remembers that until a source changes.
void PrepareEngine(BuildParameters parameters)
{
    if (parameters.EngineDllGiven || parameters.Engine == "jit")
    {
        BuildIfStale(parameters, parameters.EngineProject, parameters.EngineDll, parameters.EngineDllGiven);
        engine = EngineInvocation.Jit(parameters.EngineDll);
        return;
    }

    var native = parameters.EngineNative;
    if (!ProjectBuild.IsStale(parameters.RepositoryRoot, native, out var reason))
    {
        Verbose("{0} is up to date.", native);
        engine = EngineInvocation.Native(native);
        return;
    }

    var failedMarker = native.GetDirectory().CombineWithFilePath(".native-failed");
    if (!ProjectBuild.IsStale(parameters.RepositoryRoot, failedMarker, out _))
    {
        Verbose("The native build failed before and no source changed since; using the JIT build.");
        BuildIfStale(parameters, parameters.EngineProject, parameters.EngineDll, dllGiven: false);
        engine = EngineInvocation.Jit(parameters.EngineDll);
        return;
    }

    Information("Publishing the engine natively ({0}); a first build takes about half a minute.", reason);
    try
    {
        // The project says PublishAot; without a runtime identifier the SDK publishes for its own
        // portable one (linux-x64, win-x64, ...), the runtime the project's lock file pins.
        var msbuild = new DotNetMSBuildSettings();
        if (NativeLinker.Override() is { } linker)
        {
            msbuild = msbuild.WithProperty("CppCompilerAndLinker", linker);
        }

        DotNetPublish(parameters.EngineProject.FullPath, new DotNetPublishSettings
        {
            Configuration = parameters.Configuration,
            OutputDirectory = native.GetDirectory(),
            NoLogo = true,
            MSBuildSettings = msbuild,
        });
        ProjectBuild.MarkBuilt(native);
        engine = EngineInvocation.Native(native);
    }
    catch (CakeException exception)
    {
        Warning("The native build of the engine failed ({0}); using the JIT build, whose steps start slower. Pass --engine=jit to skip the attempt.", exception.Message);
        System.IO.Directory.CreateDirectory(native.GetDirectory().FullPath);
        System.IO.File.WriteAllText(failedMarker.FullPath, DateTime.UtcNow.ToString("O"));
        BuildIfStale(parameters, parameters.EngineProject, parameters.EngineDll, dllGiven: false);
        engine = EngineInvocation.Jit(parameters.EngineDll);
    }
}

public static class NativeLinker
{
    // The native toolchain calls `clang`; Debian ships it versioned (clang-14), and only
    // the clang-N package is on some machines. Name it when plain clang is missing.
    public static string Override()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        if (path.Any(folder => System.IO.File.Exists(System.IO.Path.Combine(folder, "clang"))))
        {
            return null;
        }

        return path
            .Where(System.IO.Directory.Exists)
            .SelectMany(folder => System.IO.Directory.EnumerateFiles(folder, "clang-*"))
            .Select(System.IO.Path.GetFileName)
            .Where(name => name.Length > 6 && name[6..].All(char.IsDigit))
            .OrderByDescending(name => int.Parse(name[6..]))
            .FirstOrDefault();
    }
}

// Runs `creatio-identity <command>` with the console passed straight through.
// A non-zero exit fails the task with the engine's own exit code (see build/exitcode.cake).
void RunEngine(BuildParameters parameters, string command, IDictionary<string, string> extraEnvironment = null, params string[] extraArguments)
{
    var arguments = new ProcessArgumentBuilder();
    if (engine.Dll is not null)
    {
        arguments.AppendQuoted(engine.Dll);
    }

    var settings = new ProcessSettings
    {
        Arguments = arguments
            .Append(command)
            .Append("--config").AppendQuoted(parameters.ConfigFile.FullPath)
            .Append("--report-dir").AppendQuoted(parameters.ReportDirectory.FullPath),
        WorkingDirectory = parameters.CallerDirectory,
        EnvironmentVariables = parameters.EngineEnvironment(),
    };
    parameters.AppendEngineArguments(settings.Arguments);
    foreach (var argument in extraArguments)
    {
        settings.Arguments.Append(argument);
    }

    foreach (var (name, value) in extraEnvironment ?? new Dictionary<string, string>())
    {
        settings.EnvironmentVariables[name] = value;
    }

    var exitCode = StartProcess(engine.FileName, settings);
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
