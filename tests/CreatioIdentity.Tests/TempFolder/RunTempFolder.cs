using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace CreatioIdentity.Tests.TempFolder;

/// <summary>
/// The temp folder of one test run. Before any test code runs, the process's temp folder (TMPDIR,
/// which Path.GetTempPath and every child process read) becomes a folder of this run's own, so that
/// <see cref="TempFolderGuardTests"/> can see everything the tests, the engine, the sandbox and the
/// programs they start left there, undisturbed by other runs on the same machine. The folder itself
/// goes when the process ends, whatever it holds (the guard has named it by then).
/// </summary>
internal static class RunTempFolder
{
    public static string Path { get; } = Directory.CreateTempSubdirectory("creatio-identity-test-run-").FullName;

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "A test assembly, not a library: the run's temp folder must be in place before any test code runs.")]
    internal static void Begin()
    {
        foreach (var variable in new[] { "TMPDIR", "TMP", "TEMP" })
        {
            Environment.SetEnvironmentVariable(variable, Path);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove();
    }

    /// <summary>What the run left in its temp folder so far, by relative path.</summary>
    public static IReadOnlyList<string> Leftovers() =>
        [.. Directory.EnumerateFileSystemEntries(Path, "*", SearchOption.AllDirectories)
            .Select(entry => System.IO.Path.GetRelativePath(Path, entry))
            .Order(StringComparer.Ordinal)];

    private static void Remove()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process of the run still holds a file: nothing more can be done at exit.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}
