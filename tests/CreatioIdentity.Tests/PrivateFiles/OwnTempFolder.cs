using System.Diagnostics;

namespace CreatioIdentity.Tests.PrivateFiles;

/// <summary>
/// A folder of the test's own under the temp folder, deleted with everything in it on dispose:
/// the world in which a test plants links and foreign folders, so that nothing outside it is
/// touched and no two tests share (or delete) a folder.
/// </summary>
public sealed class OwnTempFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("creatio-identity-tests-").FullName;

    /// <summary>A path inside the folder.</summary>
    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A folder inside, made now.</summary>
    public string Folder(string name, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)
    {
        var path = Directory.CreateDirectory(PathOf(name)).FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }

        return path;
    }

    /// <summary>Everything under <paramref name="folder"/>, by relative path, with its bytes (links as links).</summary>
    public static IReadOnlyDictionary<string, string> Contents(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(
                path => Path.GetRelativePath(folder, path),
                path => new FileInfo(path) is { LinkTarget: { } target } ? "-> " + target
                    : File.Exists(path) ? Convert.ToBase64String(File.ReadAllBytes(path)) : "<folder>");

    /// <summary>Gives <paramref name="path"/> to the user nobody (65534), as another local user would own it. Needs root.</summary>
    public static void GiveToNobody(string path)
    {
        using var chown = Process.Start(new ProcessStartInfo("chown", ["65534", path]) { RedirectStandardError = true })!;
        chown.WaitForExit();
        Assert.True(chown.ExitCode == 0, chown.StandardError.ReadToEnd());
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>A fact that needs root, to hand a folder to another user; skipped (saying so) otherwise. CI runs as root.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (OperatingSystem.IsWindows() || CreatioIdentity.PrivateFiles.UnixFileStatus.CurrentUser != 0)
        {
            Skip = "Needs root on Unix, to chown a folder to nobody (uid 65534) as another local user would own it; CI runs as root.";
        }
    }
}

/// <summary>A fact about Unix file modes and owners; skipped on Windows, whose temp folder is private per user already.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix modes and owners; on Windows the user's temp folder is private already.";
        }
    }
}
