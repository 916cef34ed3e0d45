namespace CreatioIdentity.Companions;

/// <summary>
/// The dotnet host that starts the sandbox, by full path. Never a bare "dotnet": on Windows
/// Process.Start looks in the current directory before PATH, so a dotnet.exe planted in the
/// working copy (a pull request's files, say) would run with the sandbox's credentials. Nor a
/// PATH entry that is relative or is the current directory, for the same reason.
/// </summary>
internal static class DotNetHost
{
    /// <summary>The variable the dotnet CLI sets for the processes it starts (dotnet run, dotnet test, MSBuild).</summary>
    public const string HostPathVariable = "DOTNET_HOST_PATH";

    private static readonly string FileName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    /// <exception cref="InvalidOperationException">No dotnet host was found outside the current directory.</exception>
    public static string Find(Func<string, string?> environment) =>
        Find(environment, Environment.ProcessPath, Directory.GetCurrentDirectory());

    /// <summary>
    /// DOTNET_HOST_PATH, else this process when it is dotnet (the JIT engine), else DOTNET_ROOT,
    /// else the first absolute PATH entry other than <paramref name="currentDirectory"/> that holds one.
    /// </summary>
    internal static string Find(Func<string, string?> environment, string? processPath, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var candidates = new List<string?>
        {
            environment(HostPathVariable),
            processPath,
            environment("DOTNET_ROOT") is { Length: > 0 } root && Path.IsPathFullyQualified(root) ? Path.Combine(root, FileName) : null,
        };
        candidates.AddRange((environment("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(Path.IsPathFullyQualified)
            .Select(folder => Path.Combine(folder, FileName)));

        return candidates.FirstOrDefault(candidate => IsHost(candidate, currentDirectory))
            ?? throw new InvalidOperationException(
                $"No dotnet host was found to start the sandbox: set {HostPathVariable} to the full path of {FileName}, or put its folder on PATH (a relative PATH entry or the current directory is not searched).");
    }

    private static bool IsHost(string? candidate, string currentDirectory) =>
        candidate is { Length: > 0 }
        && Path.IsPathFullyQualified(candidate)
        && string.Equals(Path.GetFileName(candidate), FileName, StringComparison.OrdinalIgnoreCase)
        && !SameFolder(Path.GetDirectoryName(Path.GetFullPath(candidate))!, currentDirectory)
        && File.Exists(candidate);

    private static bool SameFolder(string left, string right) => string.Equals(
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(left)),
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(right)),
        OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
