namespace CreatioIdentity.Reporting;

/// <summary>
/// report.json as a reader in another process finds it: the engine's next step, the GitHub
/// reporter, a test. The engine's ReportStore writes it.
/// </summary>
public static class ReportFile
{
    public const string FileName = "report.json";

    /// <summary>The report in reportDir, or null when there is none or it cannot be read.</summary>
    public static Report? TryRead(string reportDir)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportDir);
        try
        {
            using var stream = new FileStream(Path.Combine(reportDir, FileName), FileMode.Open, FileAccess.Read, FileShare.Read);
            return ReportJson.TryDeserialize(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Absent (FileNotFound / DirectoryNotFound are IOExceptions) or unreadable.
            return null;
        }
    }

    /// <summary>
    /// The report in reportDir, masked (it is not trusted to be clean); with a run id, only a
    /// report of that run (an older one would report stale results).
    /// </summary>
    public static Report? Read(string reportDir, string? runId)
    {
        var report = TryRead(reportDir);
        return report is not null && (runId is null || string.Equals(report.RunId, runId, StringComparison.Ordinal)) ? ReportMasking.Mask(report) : null;
    }

    /// <summary>Why <see cref="Read"/> found nothing, in words.</summary>
    public static string Missing(string reportDir, string? runId)
    {
        var path = Path.Combine(reportDir, FileName);
        if (!File.Exists(path))
        {
            return $"{path} does not exist (did the engine run with --report-dir {reportDir}?)";
        }

        return TryRead(reportDir) is null
            ? $"{path} is not a report.json this version can read"
            : $"{path} is from another run than {runId} (this run wrote no report)";
    }
}
