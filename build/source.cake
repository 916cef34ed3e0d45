// This repository only (not in the recipe package): the engine built from source.

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

// The engine built from this repository's sources (build.cake): natively (native AOT, the
// default: every step is its own process, and a native one starts in milliseconds) or for the JIT
// (--engine=jit, or where the machine cannot link natively), each only when a source is newer than
// the last build. The sandbox (target Sandbox) and the GitHub reporter (--check-run,
// --github-issue) are built beside it; the engine finds their build output in the clone.
//   --configuration=Release|Debug  --engine=native|jit (native, but jit for Sandbox)  --engine-dll=FILE / --sandbox-dll=FILE (prebuilt)
public sealed class SourceEngine : IEngineHost
{
    public static readonly string[] EngineKinds = ["native", "jit"];

    private readonly DirectoryPath root;
    private readonly string configuration;
    private readonly string kind;
    private readonly FilePath engineDll;
    private readonly bool engineDllGiven;
    private readonly FilePath sandboxDll;
    private readonly bool sandboxDllGiven;

    public SourceEngine(ICakeContext context)
    {
        root = context.Environment.WorkingDirectory; // Cake starts in the script's folder.
        var caller = CallerDirectoryLocator.Find(root);
        configuration = context.Argument("configuration", "Release");
        // The Sandbox target is one engine process, where a native start saves nothing worth the
        // native build's minute on a fresh clone: the JIT build serves it unless --engine says otherwise.
        var oneProcess = context.Argument("target", "ConnectIdentity").Equals("Sandbox", StringComparison.OrdinalIgnoreCase);
        kind = context.Argument("engine", oneProcess ? "jit" : "native").ToLowerInvariant();
        engineDllGiven = context.HasArgument("engine-dll");
        engineDll = engineDllGiven ? caller.CombineWithFilePath(context.Argument<string>("engine-dll")) : Output("CreatioIdentity", "creatio-identity.dll");
        sandboxDllGiven = context.HasArgument("sandbox-dll");
        sandboxDll = sandboxDllGiven ? caller.CombineWithFilePath(context.Argument<string>("sandbox-dll")) : Output("CreatioIdentity.Sandbox", "CreatioIdentity.Sandbox.dll");
    }

    // What the command line got wrong, or null (exit 3 before any task runs).
    public string Problem() =>
        EngineKinds.Contains(kind) ? null : $"--engine must be one of {string.Join(", ", EngineKinds)}, not '{kind}'.";

    private FilePath Project(string name) => root.CombineWithFilePath($"src/{name}/{name}.csproj");

    private FilePath Output(string project, string dll) =>
        root.Combine($"src/{project}/bin/{configuration}/net10.0").CombineWithFilePath(dll);

    private FilePath Native => root.Combine("src/CreatioIdentity/bin/native")
        .CombineWithFilePath(OperatingSystem.IsWindows() ? "creatio-identity.exe" : "creatio-identity");

    public EngineInvocation Prepare(ICakeContext context, BuildParameters parameters)
    {
        if (parameters.IsSandbox)
        {
            BuildIfStale(context, Project("CreatioIdentity.Sandbox"), sandboxDll, sandboxDllGiven);
        }

        if (context.Argument("check-run", false) || context.Argument("github-issue", false))
        {
            BuildIfStale(context, Project("CreatioIdentity.GitHub"), Output("CreatioIdentity.GitHub", "creatio-identity-github.dll"), dllGiven: false);
        }

        if (engineDllGiven || kind == "jit")
        {
            BuildIfStale(context, Project("CreatioIdentity"), engineDll, engineDllGiven);
            return EngineInvocation.Jit(engineDll);
        }

        return PrepareNative(context);
    }

    public IEnumerable<string> SandboxArguments(BuildParameters parameters) => ["--sandbox-dll", sandboxDll.FullPath];

    // Native AOT is tried first; where the machine cannot link natively (no clang, no MSVC) it
    // falls back to the JIT build once and remembers that until a source changes.
    private EngineInvocation PrepareNative(ICakeContext context)
    {
        var native = Native;
        if (!ProjectBuild.IsStale(root, native, out var reason))
        {
            context.Verbose("{0} is up to date.", native);
            return EngineInvocation.Native(native);
        }

        var failedMarker = native.GetDirectory().CombineWithFilePath(".native-failed");
        if (!ProjectBuild.IsStale(root, failedMarker, out _))
        {
            context.Verbose("The native build failed before and no source changed since; using the JIT build.");
            BuildIfStale(context, Project("CreatioIdentity"), engineDll, dllGiven: false);
            return EngineInvocation.Jit(engineDll);
        }

        context.Information("Publishing the engine natively ({0}); a first build takes about half a minute.", reason);
        try
        {
            // The project says PublishAot; without a runtime identifier the SDK publishes for its own
            // portable one (linux-x64, win-x64, ...), the runtime the project's lock file pins.
            context.DotNetPublish(Project("CreatioIdentity").FullPath, new DotNetPublishSettings
            {
                Configuration = configuration,
                OutputDirectory = native.GetDirectory(),
                NoLogo = true,
                MSBuildSettings = NativeLinker.Settings(),
            });
            ProjectBuild.MarkBuilt(native);
            return EngineInvocation.Native(native);
        }
        catch (CakeException exception)
        {
            context.Warning("The native build of the engine failed ({0}); using the JIT build, whose steps start slower. Pass --engine=jit to skip the attempt.", exception.Message);
            System.IO.Directory.CreateDirectory(native.GetDirectory().FullPath);
            System.IO.File.WriteAllText(failedMarker.FullPath, DateTime.UtcNow.ToString("O"));
            BuildIfStale(context, Project("CreatioIdentity"), engineDll, dllGiven: false);
            return EngineInvocation.Jit(engineDll);
        }
    }

    // `dotnet build` the project behind a dll unless it is up to date (or given on the command line).
    private void BuildIfStale(ICakeContext context, FilePath project, FilePath outputDll, bool dllGiven)
    {
        if (dllGiven)
        {
            context.Verbose("Using {0} as given; not building.", outputDll);
            return;
        }

        if (!ProjectBuild.IsStale(root, outputDll, out var reason))
        {
            context.Verbose("{0} is up to date.", outputDll.GetFilename());
            return;
        }

        context.Information("Building {0} ({1}).", project.GetFilename(), reason);
        context.DotNetBuild(project.FullPath, new DotNetBuildSettings
        {
            Configuration = configuration,
            NoLogo = true,
            // A third of the build's time on a fresh clone; `dotnet build` and the tests run them.
            MSBuildSettings = new DotNetMSBuildSettings().WithProperty("RunAnalyzers", "false"),
        });
        ProjectBuild.MarkBuilt(outputDll);
    }
}

public static class NativeLinker
{
    // The MSBuild settings of a native publish on this machine.
    public static DotNetMSBuildSettings Settings()
    {
        var msbuild = new DotNetMSBuildSettings();
        return Override() is { } linker ? msbuild.WithProperty("CppCompilerAndLinker", linker) : msbuild;
    }

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
