using System.Text;
using CreatioIdentity.Checks;

namespace CreatioIdentity.Reporting;

/// <summary>summary.md (SPEC §2, contract): the Markdown that becomes the job summary.</summary>
public static class SummaryWriter
{
    public static string Render(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);

        var markdown = new StringBuilder();
        var (headline, good) = ReportFormat.Headline(report);
        markdown.Append("## ").Append(headline).AppendLine(good ? " ✅" : " ❌");
        markdown.AppendLine();
        markdown.Append("Creatio: ").Append(Inline(report.Creatio)).Append(" · command: ").AppendLine(Inline(report.Command));
        markdown.AppendLine();

        markdown.AppendLine("### Checks");
        markdown.AppendLine();
        if (report.Checks.Count == 0)
        {
            markdown.AppendLine("No check ran.");
        }
        else
        {
            markdown.AppendLine("| Check | Status | Message |");
            markdown.AppendLine("| --- | --- | --- |");
            foreach (var check in report.Checks)
            {
                Row(markdown, check.Id, Status(check.Status), check.Message);
            }
        }

        markdown.AppendLine();
        markdown.AppendLine("### Steps");
        markdown.AppendLine();
        if (report.Steps.Count == 0)
        {
            markdown.AppendLine("No step ran.");
        }
        else
        {
            markdown.AppendLine("| Step | Status | Duration | Changes |");
            markdown.AppendLine("| --- | --- | --- | --- |");
            foreach (var step in report.Steps)
            {
                var details = step.Changes.Select(ReportFormat.Change).ToList();
                if (step.Status == StepStatus.Failed && !string.IsNullOrWhiteSpace(step.Error))
                {
                    details.Add(step.Error);
                }

                Row(markdown, step.Name, Status(step.Status), ReportFormat.Duration(step.DurationMs), string.Join("\n", details));
            }
        }

        return markdown.ToString();
    }

    public static void Write(Report report, Stream stream)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(report));
        stream.Write(bytes);
    }

    /// <summary>
    /// A table cell: a pipe would end the cell and a newline the row; a "&lt;" could open HTML
    /// (an error that quotes a login page must show, not render).
    /// </summary>
    internal static string Cell(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace("\r\n", "<br>", StringComparison.Ordinal)
            .Replace("\r", "<br>", StringComparison.Ordinal)
            .Replace("\n", "<br>", StringComparison.Ordinal);

    private static string Inline(string value) => Cell(value).Replace("<br>", " ", StringComparison.Ordinal);

    private static void Row(StringBuilder markdown, params string[] cells) =>
        markdown.Append("| ").Append(string.Join(" | ", cells.Select(Cell))).AppendLine(" |");

    private static string Status(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "✅ pass",
        CheckStatus.Fail => "❌ fail",
        _ => "⏭️ skip",
    };

    private static string Status(StepStatus status) => status switch
    {
        StepStatus.Failed => "❌ failed",
        _ => ReportFormat.Status(status),
    };
}
