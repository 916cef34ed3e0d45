using System.Diagnostics;

namespace CreatioIdentity.Configuration;

/// <summary>
/// A secret written into a git work tree is one <c>git add .</c> away from a commit. So a credentials file
/// inside a work tree must be one git ignores (<c>git check-ignore</c>, which also says no for a tracked file).
/// Git is asked as a process: it alone knows every .gitignore, info/exclude and core.excludesFile rule.
/// </summary>
internal static class CredentialFileGuard
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Why the file may not hold a secret, or null when it may.</summary>
    public static string? Problem(string fullPath)
    {
        var folder = ExistingFolder(Path.GetDirectoryName(fullPath));
        if (folder is null)
        {
            return null;
        }

        var inside = Git(folder, "rev-parse", "--is-inside-work-tree");
        if (inside is null)
        {
            return HasGitFolder(folder)
                ? $"{fullPath} lies in a git work tree, and git could not be run to check that it is ignored; install git, or put the file outside the work tree"
                : null;
        }

        if (inside.Value.ExitCode != 0 || !inside.Value.Output.Trim().Equals("true", StringComparison.Ordinal))
        {
            return null; // not a work tree (or inside .git): nothing can commit it
        }

        return Git(folder, "check-ignore", "-q", fullPath) switch
        {
            { ExitCode: 0 } => null,
            { ExitCode: 1 } => $"{fullPath} lies in a git work tree and git does not ignore it, so the secret could be committed; add it (or its folder) to .gitignore, or write it outside the work tree (e.g. under $RUNNER_TEMP)",
            _ => $"{fullPath} lies in a git work tree and git could not say whether it is ignored; add it to .gitignore, or write it outside the work tree",
        };
    }

    private static string? ExistingFolder(string? folder)
    {
        while (folder is not null && !Directory.Exists(folder))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder;
    }

    private static bool HasGitFolder(string folder)
    {
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            if (Directory.Exists(Path.Combine(current.FullName, ".git")) || File.Exists(Path.Combine(current.FullName, ".git")))
            {
                return true;
            }
        }

        return false;
    }

    private static (int ExitCode, string Output)? Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(folder);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEndAsync();
            _ = git.StandardError.ReadToEndAsync();
            if (!git.WaitForExit(GitTimeout))
            {
                git.Kill(entireProcessTree: true);
                return null;
            }

            return (git.ExitCode, output.GetAwaiter().GetResult());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed
        }
    }
}
