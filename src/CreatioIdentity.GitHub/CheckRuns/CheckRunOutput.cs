using System.Text;
using CreatioIdentity.Checks;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.GitHub.CheckRuns;

/// <summary>What the check run shows: a one-line title and the checks table of every environment.</summary>
public static class CheckRunOutput
{
    /// <summary>GitHub refuses an output summary longer than this (65535 characters).</summary>
    public const int MaxSummaryLength = 65535;

    public static string Title(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return GitHubText.Line(Verdict(report));
    }

    private static string Verdict(Report report)
    {

        var environments = ReportEnvironments.Of(report);
        var checks = environments.SelectMany(e => e.Checks).ToList();
        var red = checks.Count(c => c.Status == CheckStatus.Fail);
        var skipped = checks.Count(c => c.Status == CheckStatus.Skip);
        var where = environments.Count > 1
            ? " in " + string.Join(", ", environments.Where(ReportEnvironments.IsRed).Select(e => e.Name))
            : string.Empty;

        if (red > 0)
        {
            return $"{red} of {Checks(checks.Count)} red{where}";
        }

        var failedSteps = environments.SelectMany(e => e.Steps).Where(s => s.Status == StepStatus.Failed).Select(s => s.Name).Distinct().ToList();
        if (!report.Ok || failedSteps.Count > 0)
        {
            return failedSteps.Count > 0
                ? $"{string.Join(", ", failedSteps)} failed{where}"
                : $"Not connected{where}";
        }

        if (checks.Count == 0)
        {
            return $"No check ran ({report.Command})";
        }

        var green = checks.Count - skipped;
        var title = green == 1 ? "The one check green" : $"All {green} checks green";
        return skipped > 0 ? $"{title}, {skipped} skipped" : title;
    }

    public static string Summary(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);

        var environments = ReportEnvironments.Of(report);
        var summary = new StringBuilder();
        foreach (var environment in environments)
        {
            if (environments.Count > 1)
            {
                summary.Append("# ").AppendLine(MarkdownText.Inline(environment.Name)).AppendLine();
            }

            summary.AppendLine(SummaryWriter.Render(ReportEnvironments.AsReport(report, environment)));
        }

        return GitHubText.Markdown(Truncate(summary.ToString().TrimEnd() + "\n", MaxSummaryLength));
    }

    internal static string Truncate(string text, int maxLength)
    {
        const string Cut = "\n\n… (cut short: the whole table is in summary.md of the job's artifacts)\n";
        return text.Length <= maxLength ? text : text[..(maxLength - Cut.Length)] + Cut;
    }

    private static string Checks(int count) => count == 1 ? "1 check" : $"{count} checks";
}
