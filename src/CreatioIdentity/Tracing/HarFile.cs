using System.Diagnostics;
using System.Text.Json;
using CreatioIdentity.PrivateFiles;

namespace CreatioIdentity.Tracing;

/// <summary>
/// The HAR file of a trace. The engine processes of one Cake target (ConnectIdentity runs six) all
/// append to it: each takes a lock file beside it, reads the entries already there when they belong
/// to the same run (a file of an earlier run is replaced), and writes the whole file anew under a
/// random temporary name that is then renamed over it. So a reader (or a process that dies halfway)
/// sees the old file or the new one, never half of one. The file is readable by its owner only, and
/// neither it nor the lock is ever written through a symbolic link.
/// </summary>
public static class HarFile
{
    public const string CreatorName = "creatio-identity";

    private const string Comment = "Recorded by creatio-identity --trace-http. Passwords, client secrets, tokens, cookie values, CSRF values and credentials are redacted as ***.";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>Why the trace cannot go to <paramref name="path"/>, or null when it can; checked before a run starts.</summary>
    public static string? Problem(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return $"--trace-http {path} is a folder: name a file, such as trace.har.";
        }

        if (new FileInfo(full).LinkTarget is not null)
        {
            return $"--trace-http {path} is a symbolic link; a trace is never written through one: name a regular file.";
        }

        if (File.Exists(full) && new FileInfo(full).Length > 0 && Read(full) is null)
        {
            return $"--trace-http {path} exists and is not a trace written by creatio-identity, so it is not overwritten: remove it or name another file.";
        }

        return null;
    }

    /// <summary>Reads a trace written by creatio-identity; null when the file is absent, unreadable or something else.</summary>
    public static HarDocument? Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var document = JsonSerializer.Deserialize(stream, HarJsonContext.Default.HarDocument);
            return document?.Log is { Creator.Name: CreatorName, Entries: not null } ? document : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Appends <paramref name="entries"/> to the file of run <paramref name="runId"/>; starts it afresh for another run or none.</summary>
    public static void Append(string path, string? runId, IReadOnlyList<HarEntry> entries)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(entries);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        using var fileLock = AcquireLock(Path.Combine(directory, $".{Path.GetFileName(full)}.lock"));
        PrivateFile.RefuseLink(full, "a trace");

        var previous = File.Exists(full) ? Read(full) : null;
        if (previous is null && File.Exists(full) && new FileInfo(full).Length > 0)
        {
            throw new IOException($"{full} is not a trace written by creatio-identity; it was left as it is.");
        }

        IReadOnlyList<HarEntry> kept = runId is not null && previous?.Log.RunId == runId ? previous.Log.Entries : [];
        var version = typeof(HarFile).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var document = new HarDocument(new HarLog("1.2", new HarCreator(CreatorName, version), [.. kept, .. entries], Comment, runId));
        PrivateFile.WriteAtomically(full, stream => JsonSerializer.Serialize(stream, document, HarJsonContext.Default.HarDocument));
    }

    private static FileStream AcquireLock(string path)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                return PrivateFile.OpenLock(path);
            }
            catch (IOException exception) when (exception is not UnsafePathException and not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (Stopwatch.GetElapsedTime(started) >= LockTimeout)
                {
                    throw new IOException($"Another process holds the trace lock {path}; gave up after {LockTimeout.TotalSeconds:0} s.", exception);
                }

                Thread.Sleep(LockRetryDelay);
            }
        }
    }
}
