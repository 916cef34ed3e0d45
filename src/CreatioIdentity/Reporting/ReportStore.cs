using System.Diagnostics;
using CreatioIdentity.Checks;
using CreatioIdentity.PrivateFiles;

namespace CreatioIdentity.Reporting;

/// <summary>
/// The report directory of SPEC §2 (contract). Each engine command runs as its own process and
/// records its steps here; steps of the same run accumulate, so that after ConnectIdentity one
/// report holds every step and every check.
/// </summary>
public static class ReportStore
{
    public const string ReportFileName = ReportFile.FileName;
    public const string JUnitFileName = "junit.xml";
    public const string SummaryFileName = "summary.md";
    public const string LockFileName = ".report.lock";

    private static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Records the steps one engine process ran. When report.json belongs to the same run (runId
    /// given and equal), the steps join it: a step with the same name replaces the old one in its
    /// place, and the newest result of each check wins. Otherwise a new report starts. Writes
    /// report.json, junit.xml and summary.md, each atomically, and returns the merged report.
    /// </summary>
    public static Report Record(string reportDir, string command, string creatioUrl, string? runId, IReadOnlyList<StepResult> steps, IReadOnlyList<ReportWarning>? warnings = null) =>
        Record(reportDir, command, creatioUrl, runId, steps, DefaultLockTimeout, warnings);

    internal static Report Record(string reportDir, string command, string creatioUrl, string? runId, IReadOnlyList<StepResult> steps, TimeSpan lockTimeout, IReadOnlyList<ReportWarning>? warnings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportDir);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(creatioUrl);
        ArgumentNullException.ThrowIfNull(steps);

        Directory.CreateDirectory(reportDir);
        using var reportLock = AcquireLock(reportDir, lockTimeout);

        // A corrupt or foreign report is not merged into: it is replaced by a new one.
        var previous = TryRead(reportDir);
        var sameRun = previous is not null && runId is not null && string.Equals(previous.RunId, runId, StringComparison.Ordinal);
        var report = Merge(sameRun ? previous : null, command, WithoutUserInfo(creatioUrl), runId, steps);

        // Every step process of a run reads the same file and warns the same; each warning is kept once.
        report = report with { Warnings = [.. (sameRun ? previous!.Warnings : []).Concat(warnings ?? []).Distinct()] };

        WriteAtomically(Path.Combine(reportDir, JUnitFileName), stream => JUnitWriter.Write(report, stream));
        WriteAtomically(Path.Combine(reportDir, SummaryFileName), stream => SummaryWriter.Write(report, stream));
        WriteAtomically(Path.Combine(reportDir, ReportFileName), stream => ReportJson.Serialize(report, stream, Http.ProductHeaders.Version));
        return report;
    }

    /// <summary>
    /// Records the environments of a multi-site run at the top of reportDir, after each has been
    /// recorded in its own folder (<c>reportDir/NAME/</c>) by <see cref="Record(string, string, string, string?, IReadOnlyList{StepResult}, IReadOnlyList{ReportWarning}?)"/>.
    /// An earlier report of the same run keeps the environments this call does not name; the
    /// sections are in name order and the report is ok when every one is.
    /// </summary>
    public static Report RecordEnvironments(string reportDir, string command, string? runId, IReadOnlyList<EnvironmentReport> environments, IReadOnlyList<ReportWarning>? warnings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportDir);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(environments);

        Directory.CreateDirectory(reportDir);
        using var reportLock = AcquireLock(reportDir, DefaultLockTimeout);

        var previous = TryRead(reportDir);
        var sameRun = previous is not null && runId is not null && string.Equals(previous.RunId, runId, StringComparison.Ordinal);
        var sections = (sameRun ? previous!.Environments ?? [] : [])
            .Where(kept => !environments.Any(environment => string.Equals(environment.Name, kept.Name, StringComparison.Ordinal)))
            .Concat(environments.Select(environment => environment with { Creatio = WithoutUserInfo(environment.Creatio) }))
            .OrderBy(environment => environment.Name, StringComparer.Ordinal)
            .ToList();
        var report = new Report(Report.CurrentSchemaVersion, sections.TrueForAll(environment => environment.Ok), command, string.Empty, runId, [], [], sections)
        {
            // Each warning names its environment; every step process of a run warns the same, so each is kept once.
            Warnings = [.. (sameRun ? previous!.Warnings : []).Concat(warnings ?? []).Distinct()],
        };

        WriteAtomically(Path.Combine(reportDir, JUnitFileName), stream => JUnitWriter.Write(report, stream));
        WriteAtomically(Path.Combine(reportDir, SummaryFileName), stream => SummaryWriter.Write(report, stream));
        WriteAtomically(Path.Combine(reportDir, ReportFileName), stream => ReportJson.Serialize(report, stream, Http.ProductHeaders.Version));
        return report;
    }

    /// <summary>The report in reportDir, or null when there is none or it cannot be read (<see cref="ReportFile.TryRead"/>).</summary>
    public static Report? TryRead(string reportDir) => ReportFile.TryRead(reportDir);

    private static Report Merge(Report? previous, string command, string creatio, string? runId, IReadOnlyList<StepResult> steps)
    {
        var mergedSteps = new List<StepResult>(previous?.Steps ?? []);
        var checks = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        var firstSeen = new List<string>();

        void Keep(CheckResult check)
        {
            if (!checks.ContainsKey(check.Id))
            {
                firstSeen.Add(check.Id);
            }

            checks[check.Id] = check;
        }

        foreach (var check in previous?.Checks ?? [])
        {
            Keep(check);
        }

        foreach (var step in steps)
        {
            var index = mergedSteps.FindIndex(s => string.Equals(s.Name, step.Name, StringComparison.Ordinal));
            if (index >= 0)
            {
                mergedSteps[index] = step;
            }
            else
            {
                mergedSteps.Add(step);
            }

            foreach (var check in step.Checks)
            {
                Keep(check);
            }
        }

        // Contract ids in their fixed order; ids this version does not know keep their order after them.
        var ordered = CheckIds.All.Where(checks.ContainsKey)
            .Concat(firstSeen.Where(id => !CheckIds.All.Contains(id)))
            .Select(id => checks[id])
            .ToList();

        var ok = mergedSteps.TrueForAll(s => s.Status != StepStatus.Failed) && ordered.TrueForAll(c => c.Status != CheckStatus.Fail);
        return new Report(Report.CurrentSchemaVersion, ok, command, creatio, runId, mergedSteps, ordered);
    }

    // A URL written as https://user:password@host must not carry its password into the report.
    private static string WithoutUserInfo(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.AbsoluteUri
            : url;

    private static FileStream AcquireLock(string reportDir, TimeSpan timeout)
    {
        var path = Path.Combine(reportDir, LockFileName);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                // Owner-only when made, and never a link another user planted (it would be opened, or created, wherever it points).
                return PrivateFile.OpenLock(path);
            }
            catch (IOException ex) when (ex is not UnsafePathException and not DirectoryNotFoundException)
            {
                if (Stopwatch.GetElapsedTime(started) >= timeout)
                {
                    throw new IOException($"Another process holds the report lock {path}; gave up after {timeout.TotalSeconds:0.#} s.", ex);
                }

                Thread.Sleep(LockRetryDelay);
            }
        }
    }

    // Readers (a later step, the CI summary upload) see the old file or the new one, never half of one.
    private static void WriteAtomically(string path, Action<Stream> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
