namespace CreatioIdentity.Hosting;

/// <summary>
/// Where the engine finds the JIT programs it starts (the engine is native AOT; these carry what AOT cannot, such
/// as Octokit): beside the engine, in the packaged tool's sub-folder for it (<c>github/</c>, <c>sandbox/</c>), then in
/// the repository's build output above the working folder or the engine. One place, so packaging changes here only.
/// </summary>
public static class CompanionPrograms
{
    public const string GitHubDll = "creatio-identity-github.dll";

    private static readonly string[] Configurations = ["Release", "Debug"];

    /// <summary>The GitHub program (src/CreatioIdentity.GitHub), or null when it is nowhere to be found.</summary>
    public static string? GitHub() => Locate(GitHubDll, "github", "CreatioIdentity.GitHub");

    public static string? Locate(string dllName, string subfolder, string project)
    {
        foreach (var candidate in new[] { Path.Combine(AppContext.BaseDirectory, dllName), Path.Combine(AppContext.BaseDirectory, subfolder, dllName) })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        foreach (var origin in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(origin); folder is not null; folder = folder.Parent)
            {
                var output = Path.Combine(folder.FullName, "src", project, "bin");
                var found = Configurations.Select(configuration => Path.Combine(output, configuration, "net10.0", dllName)).FirstOrDefault(File.Exists);
                if (found is not null)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
