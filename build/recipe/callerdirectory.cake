// Cake changes the current directory to the script's folder before the script runs, so the
// directory `dotnet cake` was started in has to be recovered: relative --config and
// --report-dir are the caller's paths, not the repository's.
public static class CallerDirectoryLocator
{
    public static DirectoryPath Find(DirectoryPath scriptDirectory)
    {
        var scriptArgument = ScriptArgument();
        if (scriptArgument is null)
        {
            // `dotnet cake` without a script runs ./build.cake: the caller was in the script's folder.
            return scriptDirectory;
        }

        var scriptFile = System.IO.Path.Combine(scriptDirectory.FullPath, System.IO.Path.GetFileName(scriptArgument));

        // POSIX shells export PWD; trust it only when it leads to the same script (a parent that
        // changed directory without a shell leaves a stale PWD behind).
        var pwd = Environment.GetEnvironmentVariable("PWD");
        if (!string.IsNullOrEmpty(pwd) && System.IO.Directory.Exists(pwd) &&
            SamePath(System.IO.Path.GetFullPath(scriptArgument, pwd), scriptFile))
        {
            return new DirectoryPath(pwd);
        }

        // Without a usable PWD (Windows), undo a relative script path that only descends.
        if (!System.IO.Path.IsPathRooted(scriptArgument))
        {
            var segments = scriptArgument.Split('/', '\\').Where(s => s.Length > 0 && s != ".").ToArray();
            if (!segments.Contains(".."))
            {
                var directory = new System.IO.DirectoryInfo(scriptDirectory.FullPath);
                for (var i = 0; i < segments.Length - 1 && directory is not null; i++)
                {
                    directory = directory.Parent;
                }

                if (directory is not null)
                {
                    return new DirectoryPath(directory.FullName);
                }
            }
        }

        return scriptDirectory;
    }

    // The script path Cake was given: its first positional argument.
    private static string ScriptArgument() =>
        Environment.GetCommandLineArgs().Skip(1)
            .FirstOrDefault(a => !a.StartsWith("-", StringComparison.Ordinal) &&
                                 a.EndsWith(".cake", StringComparison.OrdinalIgnoreCase));

    private static bool SamePath(string left, string right) =>
        string.Equals(
            System.IO.Path.GetFullPath(left).TrimEnd(System.IO.Path.DirectorySeparatorChar),
            System.IO.Path.GetFullPath(right).TrimEnd(System.IO.Path.DirectorySeparatorChar),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
