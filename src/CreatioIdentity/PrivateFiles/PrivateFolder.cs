namespace CreatioIdentity.PrivateFiles;

/// <summary>
/// A folder for files no other local user may read, replace or plant: the Creatio session of a
/// Cake run, the sandbox's ready file. On Unix it must be a real folder (not a link), owned by
/// this user, with no permission for group or others; it is created so (0700) when missing, and a
/// folder that is not so is refused, never used "for now" and never swapped for a shared one.
/// On Windows the user's temp folder is private already; only links are refused there.
/// </summary>
public static class PrivateFolder
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// The folder at <paramref name="path"/>, created (0700) if missing, once it is checked to be
    /// this user's alone. <paramref name="purpose"/> says in a refusal what it is for.
    /// </summary>
    /// <exception cref="UnsafePathException">The folder is a link, another user's, or open to others.</exception>
    public static string Open(string path, string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var folder = Path.GetFullPath(path);
        try
        {
            if (!Path.Exists(folder) && new DirectoryInfo(folder).LinkTarget is null)
            {
                Create(folder);
            }

            Check(folder, purpose);
            return folder;
        }
        catch (Exception exception) when (exception is (IOException or UnauthorizedAccessException) and not UnsafePathException)
        {
            throw new UnsafePathException($"The folder {folder} for {purpose} cannot be used ({exception.Message}). Nothing was written there.", exception);
        }
    }

    /// <exception cref="UnsafePathException">The folder is a link, another user's, or open to others.</exception>
    public static void Check(string folder, string purpose)
    {
        if (OperatingSystem.IsWindows())
        {
            if (new DirectoryInfo(folder).LinkTarget is { } target)
            {
                throw Refused(folder, purpose, $"it is a link to {target}");
            }

            return;
        }

        var status = UnixFileStatus.Of(folder);
        if (status.IsSymbolicLink)
        {
            throw Refused(folder, purpose, $"it is a symbolic link (to {new DirectoryInfo(folder).LinkTarget}), which whoever made it can point elsewhere");
        }

        if (!status.IsDirectory)
        {
            throw Refused(folder, purpose, "it is not a folder");
        }

        var user = UnixFileStatus.CurrentUser;
        if (status.Owner != user)
        {
            throw Refused(folder, purpose, $"it belongs to user id {status.Owner}, not to this user (id {user}), so its owner could read or replace what is kept there");
        }

        if ((status.Permissions & GroupOrOthers) != 0)
        {
            throw Refused(folder, purpose, $"its mode is {Octal(status.Permissions)}, which lets other users in; it must be 0700");
        }
    }

    private static void Create(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnly);
        }
    }

    private static UnsafePathException Refused(string folder, string purpose, string reason) =>
        new($"The folder {folder} for {purpose} is not private: {reason}. Nothing was written there. Remove it (or fix its owner and mode), or point the run at a folder of your own, and run again.");

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);
}
