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

// Runs `dotnet creatio-identity.dll <command>` with the console passed straight through.
// A non-zero exit fails the task with the engine's own exit code (see build/exitcode.cake).
void RunEngine(BuildParameters parameters, string command, IDictionary<string, string> extraEnvironment = null)
{
    var settings = new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder()
            .AppendQuoted(parameters.EngineDll.FullPath)
            .Append(command)
            .Append("--config").AppendQuoted(parameters.ConfigFile.FullPath)
            .Append("--report-dir").AppendQuoted(parameters.ReportDirectory.FullPath),
        WorkingDirectory = parameters.CallerDirectory,
        EnvironmentVariables = parameters.EngineEnvironment(),
    };
    foreach (var (name, value) in extraEnvironment ?? new Dictionary<string, string>())
    {
        settings.EnvironmentVariables[name] = value;
    }

    var exitCode = StartProcess(DotNetHost.Path, settings);
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
