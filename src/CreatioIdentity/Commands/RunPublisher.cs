using CreatioIdentity.Agents;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Commands;

/// <summary>
/// Hands the final report to the agent, which publishes it where the CI shows it (job summary,
/// JUnit, step outputs). Once per Cake run: by the process that completes the target, or that failed.
/// </summary>
internal static class RunPublisher
{
    public static void PublishSite(IBuildAgent output, Run run, Report report, bool final)
    {
        if (final)
        {
            output.PublishReport(report, run.ReportDir);
        }
    }

    /// <summary>Each environment's own report was held back (BufferedAgent); the run publishes once, the whole of it.</summary>
    public static void PublishEnvironments(IBuildAgent agent, Run run, Report report, int exitCode)
    {
        if (exitCode != ExitCodes.Ok || run.ClosesReport)
        {
            agent.PublishReport(report, run.ReportDir);
        }
    }
}
