using System.Globalization;
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
        Warnings(markdown, report.Warnings);
        if (report.Environments is not { Count: > 0 } environments)
        {
            // An invalid file stops before the Creatio URL is known: then only the command.
            if (report.Creatio.Length > 0)
            {
                markdown.Append("Creatio: ").Append(Inline(report.Creatio)).Append(" · ");
            }

            markdown.Append("command: ").AppendLine(Inline(report.Command));
            markdown.AppendLine();
            Body(markdown, report, "###");
            return markdown.ToString();
        }

        // Fifty sites read best as an overview first, then one section each.
        markdown.Append("Command: ").Append(Inline(report.Command)).Append(" · environments: ").Append(environments.Count)
            .AppendLine(CultureInfo.InvariantCulture, $" · red: {environments.Count(environment => !environment.Ok)}");
        markdown.AppendLine();
        markdown.AppendLine("| Environment | Status | Creatio | Red checks |");
        markdown.AppendLine("| --- | --- | --- | --- |");
        foreach (var environment in environments)
        {
            var red = ReportFormat.RedItems(environment);

            Row(markdown, environment.Name, environment.Ok ? "✅ ok" : "❌ not ok", environment.Creatio, red.Count == 0 ? "–" : string.Join(", ", red));
        }

        foreach (var environment in environments)
        {
            var section = environment.ToReport(report.Command, report.RunId);
            var (sectionHeadline, sectionGood) = ReportFormat.Headline(section);
            markdown.AppendLine();
            markdown.Append("### ").Append(Inline(environment.Name)).Append(": ").Append(sectionHeadline).AppendLine(sectionGood ? " ✅" : " ❌");
            markdown.AppendLine();
            markdown.Append("Creatio: ").AppendLine(Inline(environment.Creatio));
            markdown.AppendLine();
            Body(markdown, section, "####");
        }

        return markdown.ToString();
    }

    /// <summary>What the run was warned about (an unchecked certificate, plain http), above everything else.</summary>
    private static void Warnings(StringBuilder markdown, IReadOnlyList<ReportWarning> warnings)
    {
        foreach (var warning in warnings)
        {
            markdown.Append("> ⚠️ ");
            if (warning.File is not null)
            {
                markdown.Append(Inline(Path.GetFileName(warning.File)));
                if (warning.Line is { } line)
                {
                    markdown.Append(CultureInfo.InvariantCulture, $" line {line}");
                }

                markdown.Append(": ");
            }

            markdown.AppendLine(warning.Message.ReplaceLineEndings(" "));
        }

        if (warnings.Count > 0)
        {
            markdown.AppendLine();
        }
    }

    private static void Body(StringBuilder markdown, Report report, string heading)
    {
        markdown.Append(heading).AppendLine(" Checks");
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
        markdown.Append(heading).AppendLine(" Steps");
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
