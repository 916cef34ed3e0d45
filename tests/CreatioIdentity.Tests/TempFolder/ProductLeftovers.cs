using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CreatioIdentity.Tests.TempFolder;

/// <summary>
/// What the product left in a temp folder after its processes ended: its own folders and files
/// (creatio-identity-*, a *.session), and the runtime files (debugger pipes, diagnostics socket) of
/// a .NET process that was killed rather than stopped, which only a live process may still hold.
/// </summary>
internal static partial class ProductLeftovers
{
    public static IReadOnlyList<string> In(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder)
            .Select(path => Path.GetFileName(path))
            .Where(name => name.StartsWith("creatio-identity-", StringComparison.Ordinal)
                || name.EndsWith(".session", StringComparison.Ordinal)
                || OfAProcessGone(name))
            .Order(StringComparer.Ordinal)];

    private static bool OfAProcessGone(string name) =>
        RuntimeFile().Match(name) is { Success: true } match && !IsRunning(int.Parse(match.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(clr-debug-pipe|dotnet-diagnostic)-(?<pid>\d+)-")]
    private static partial Regex RuntimeFile();
}
