using System.Security.Cryptography;

namespace CreatioIdentity.PrivateFiles;

/// <summary>
/// Files that no link can redirect: each is created new under a name nobody can guess
/// (FileMode.CreateNew never follows a link; an existing path fails it), readable by its owner
/// only (0600 on Unix), and renamed into place, which replaces a link rather than writing
/// through it. Readers refuse a link at the path.
/// </summary>
public static class PrivateFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="path"/> whole: readers see the old content or the new, never half, and never another file.</summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(16))}.tmp");
        try
        {
            using (var stream = CreateNew(temporary, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            // Gone after the rename; left only when writing failed (a missing folder must not hide why).
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>A new file, owner-only; fails when anything (a file, a link) is at the path already.</summary>
    public static FileStream CreateNew(string path, FileAccess access, FileShare share = FileShare.None)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        return new FileStream(path, options);
    }

    /// <summary>
    /// An exclusive handle on the lock file at <paramref name="path"/>: created owner-only when
    /// missing, opened when it is a plain file, refused when it is a link (opening one would create
    /// or hold the file it points at). Another holder makes this throw an <see cref="IOException"/>.
    /// </summary>
    /// <exception cref="UnsafePathException">The path is a link.</exception>
    public static FileStream OpenLock(string path)
    {
        try
        {
            return CreateNew(path, FileAccess.ReadWrite);
        }
        catch (IOException) when (IsLink(path) || File.Exists(path))
        {
            RefuseLink(path, "a lock file");
            return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
    }

    /// <summary>The bytes of the plain file at <paramref name="path"/>.</summary>
    /// <exception cref="UnsafePathException">The path is a link.</exception>
    public static byte[] ReadAllBytes(string path, string purpose)
    {
        RefuseLink(path, purpose);
        return File.ReadAllBytes(path);
    }

    /// <exception cref="UnsafePathException">The path is a link.</exception>
    public static void RefuseLink(string path, string purpose)
    {
        if (new FileInfo(path).LinkTarget is { } target)
        {
            throw new UnsafePathException($"{path} ({purpose}) is a symbolic link to {target}; it was not followed. Remove the link and run again.");
        }
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;
}
