using CreatioIdentity.Reporting;

namespace CreatioIdentity.GitHub;

/// <summary>report.json as the engine wrote it, read by the engine's own ReportStore.</summary>
public static class ReportFile
{
    /// <summary>
    /// The report in reportDir, masked (it is not trusted to be clean); with a run id, only a
    /// report of that run (an older one would report stale results).
    /// </summary>
    public static Report? Read(string reportDir, string? runId)
    {
        var report = ReportStore.TryRead(reportDir);
        return report is not null && (runId is null || string.Equals(report.RunId, runId, StringComparison.Ordinal)) ? ReportMasking.Mask(report) : null;
    }

    /// <summary>Why <see cref="Read"/> found nothing, in words.</summary>
    public static string Missing(string reportDir, string? runId)
    {
        var path = Path.Combine(reportDir, ReportStore.ReportFileName);
        if (!File.Exists(path))
        {
            return $"{path} does not exist (did the engine run with --report-dir {reportDir}?)";
        }

        return ReportStore.TryRead(reportDir) is null
            ? $"{path} is not a report.json this version can read"
            : $"{path} is from another run than {runId} (this run wrote no report)";
    }
}
