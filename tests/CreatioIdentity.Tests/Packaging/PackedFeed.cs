using System.Text.RegularExpressions;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.Packaging;

/// <summary>
/// The packages as a release makes them, in a NuGet feed folder of their own: this repository's
/// files (committed or not) are copied into a new git repository, where `dotnet cake --target=Pack`
/// runs, so the packing never touches the build output other tests are using. The feed also holds
/// Cake's own package, so that a user's repository restores everything from it alone; every
/// install from it goes into a NuGet cache of its own (<see cref="Install"/>), because the packed
/// version repeats from run to run and the machine's cache would serve an older package.
/// </summary>
public sealed partial class PackedFeed : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(12);

    private readonly string root = Directory.CreateTempSubdirectory("creatio-identity-pack-").FullName;

    public string Feed => Path.Combine(root, "clone", "artifacts", "packages");

    public string Version { get; private set; } = string.Empty;

    /// <summary>What `dotnet cake --target=Pack` printed.</summary>
    public string PackOutput { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var clone = Path.Combine(root, "clone");
        await CopyWorkingTreeAsync(EngineRun.RepositoryRoot, clone);
        await GitAsync(clone, "init", "-q");
        await GitAsync(clone, "add", "-A");
        await GitAsync(clone, "-c", "user.name=test", "-c", "user.email=test@localhost", "commit", "-qm", "Packed by a test");

        await RunAsync("dotnet", ["tool", "restore"], clone, ToolTemp(root));
        PackOutput = await RunAsync("dotnet", ["cake", "--target=Pack"], clone, ToolTemp(root));
        Version = File.ReadAllText(Path.Combine(Feed, "version.txt")).Trim();

        var cake = Path.Combine(GlobalPackagesFolder(), "cake.tool", "7.0.0", "cake.tool.7.0.0.nupkg");
        File.Copy(cake, Path.Combine(Feed, "cake.tool.7.0.0.nupkg"));
    }

    /// <summary>A folder for one test, with a nuget.config that knows this feed alone.</summary>
    public string NewFolder(string name)
    {
        var folder = Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        return folder;
    }

    /// <summary>The variables of a process that installs from the feed: a NuGet cache of its own, no CI runner.</summary>
    public static Dictionary<string, string?> Install(string folder)
    {
        var environment = new Dictionary<string, string?>(ToolTemp(folder)) { ["NUGET_PACKAGES"] = Path.Combine(folder, ".nuget-packages") };
        foreach (var name in EngineRun.CiVariables)
        {
            environment[name] = null;
        }

        return environment;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A temp folder inside <paramref name="folder"/> (which goes with the feed) for the SDK, NuGet and Cake,
    /// which keep scratch folders (MSBuildTemp*, NuGetScratch*) in the temp folder by design.
    /// </summary>
    private static Dictionary<string, string?> ToolTemp(string folder)
    {
        var temp = Directory.CreateDirectory(Path.Combine(folder, ".tmp")).FullName;
        return new() { ["TMPDIR"] = temp, ["TMP"] = temp };
    }

    /// <summary>The path of a package of this version in the feed.</summary>
    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    internal static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, string folder, IEnumerable<KeyValuePair<string, string?>> environment)
    {
        var (exitCode, output) = await ChildProcess.RunAsync(fileName, arguments, folder, environment, PackTimeout);
        return exitCode == 0 ? output : throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
    }

    private static Task<string> GitAsync(string folder, params string[] arguments) => RunAsync("git", arguments, folder, []);

    // Tracked and untracked files that git does not ignore: what a commit of the working tree holds.
    private static async Task CopyWorkingTreeAsync(string from, string to)
    {
        var files = await RunAsync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], from, []);
        foreach (var file in files.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(file => File.Exists(Path.Combine(from, file))))
        {
            var target = Path.Combine(to, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(from, file), target);
        }
    }

    private static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    [GeneratedRegex(@"\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?")]
    internal static partial Regex SemanticVersion();
}
