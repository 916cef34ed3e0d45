using System.Diagnostics;

namespace CreatioIdentity.Companions;

/// <summary>
/// A framework-dependent program the engine starts with <c>dotnet</c>: the sandbox and the GitHub
/// reporter. The installed tool carries each in a folder of its own beside the engine
/// (<c>sandbox/</c>, <c>github/</c>: the Pack target puts them there); in a clone of the
/// repository the engine finds the project's build output instead.
/// </summary>
internal sealed record Companion(string DllName, string Folder, string Project)
{
    public static readonly Companion Sandbox = new("CreatioIdentity.Sandbox.dll", "sandbox", "CreatioIdentity.Sandbox");

    public static readonly Companion GitHub = new("creatio-identity-github.dll", "github", "CreatioIdentity.GitHub");

    private static readonly string[] Configurations = ["Release", "Debug"];

    /// <summary>`dotnet DLL ARGUMENTS` by the dotnet host's full path (<see cref="DotNetHost"/>); the caller chooses the redirections.</summary>
    public static ProcessStartInfo StartInfo(string dll, IEnumerable<string> arguments, Func<string, string?> environment)
    {
        var start = new ProcessStartInfo(DotNetHost.Find(environment)) { UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Where to build it from, for the message when it is missing.</summary>
    public string BuildHint => $"dotnet build src/{Project}";

    /// <summary>
    /// In the installed tool (<c>{engine}/{Folder}/{DllName}</c>), beside the engine (a test's
    /// output folder), else in the repository's build output above the working folder or the engine.
    /// </summary>
    public string? Locate()
    {
        var installed = Path.Combine(AppContext.BaseDirectory, Folder, DllName);
        if (File.Exists(installed))
        {
            return installed;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, DllName);
        if (File.Exists(beside))
        {
            return beside;
        }

        foreach (var origin in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(origin); folder is not null; folder = folder.Parent)
            {
                var bin = Path.Combine(folder.FullName, "src", Project, "bin");
                var found = Configurations
                    .Select(configuration => Path.Combine(bin, configuration, "net10.0", DllName))
                    .FirstOrDefault(File.Exists);
                if (found is not null)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
