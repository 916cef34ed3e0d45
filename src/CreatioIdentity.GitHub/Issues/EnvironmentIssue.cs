using System.Text;
using System.Text.RegularExpressions;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.GitHub.Issues;

/// <summary>
/// The issue that stands for one red environment. It is found again by a hidden marker in its
/// body (titles get edited by people; the marker does not show), and it remembers which checks
/// were red in a second marker, so that a later run comments only when that set changes.
/// </summary>
public static partial class EnvironmentIssue
{
    public const string DefaultLabel = "creatio-identity";

    /// <summary>GitHub refuses an issue body longer than this (65536 characters).</summary>
    public const int MaxBodyLength = 65536;

    public static string Marker(string environment) => $"<!-- creatio-identity:environment={Uri.EscapeDataString(environment)} -->";

    public static string Title(string environment) => GitHubText.Line($"Creatio Identity Service red: {environment}");

    public static bool IsFor(string? body, string environment) =>
        body is not null && body.Contains(Marker(environment), StringComparison.Ordinal);

    /// <summary>The red checks an issue body recorded, or null for a body without the marker (edited by hand).</summary>
    public static IReadOnlySet<string>? RecordedRedItems(string? body)
    {
        var match = body is null ? Match.Empty : RedMarker().Match(body);
        return match.Success
            ? match.Groups["items"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToHashSet(StringComparer.Ordinal)
            : null;
    }

    public static string Body(Report run, EnvironmentReport environment, string? runUrl)
    {
        var red = ReportEnvironments.RedItems(environment);
        var body = new StringBuilder();
        body.AppendLine(Marker(environment.Name));
        body.Append("<!-- creatio-identity:red=").AppendJoin(',', red.Select(Uri.EscapeDataString)).AppendLine(" -->");
        body.Append("The Identity Service connection of **").Append(MarkdownText.Inline(environment.Name)).Append("** (").Append(MarkdownText.Code(environment.Creatio)).Append(") is red: ");
        body.AppendJoin(", ", red.Select(MarkdownText.Code)).AppendLine(".");
        body.AppendLine();
        if (runUrl is not null)
        {
            body.Append("Last checked by [this run](").Append(runUrl).AppendLine(").");
            body.AppendLine();
        }

        body.AppendLine(SummaryWriter.Render(ReportEnvironments.AsReport(run, environment)).TrimEnd());
        body.AppendLine();
        body.AppendLine("_Kept by creatio-identity-github: updated while the environment stays red, closed when it is green again._");
        return GitHubText.Markdown(CheckRuns.CheckRunOutput.Truncate(body.ToString(), MaxBodyLength));
    }

    public static string ChangedComment(IReadOnlyCollection<string> red, IReadOnlySet<string>? before, string? runUrl)
    {
        var now = string.Join(", ", red.Select(MarkdownText.Code));
        var was = before is null ? "unknown" : before.Count == 0 ? "none" : string.Join(", ", before.Order(StringComparer.Ordinal).Select(MarkdownText.Code));
        return GitHubText.Markdown($"The red checks changed: now {now} (before: {was}).{RunSuffix(runUrl)}");
    }

    public static string GreenComment(string environment, string? runUrl) =>
        GitHubText.Markdown($"**{MarkdownText.Inline(environment)}** is green again: every check passed.{RunSuffix(runUrl)} Closing.");

    private static string RunSuffix(string? runUrl) => runUrl is null ? string.Empty : $" ([run]({runUrl}))";

    [GeneratedRegex(@"<!-- creatio-identity:red=(?<items>[^ ]*) -->")]
    private static partial Regex RedMarker();
}
