using System.Globalization;
using System.Text;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;

namespace CreatioIdentity.Reporting;

/// <summary>
/// summary.md (SPEC §2, contract): the Markdown that becomes the job summary, a check run's
/// output and an issue's body. Every text from the report is masked and shows as written, never
/// as Markdown or HTML (<see cref="MarkdownText"/>): messages quote what servers answered.
/// </summary>
public static class SummaryWriter
{
    /// <summary>The Markdown of the report, masked with the process's masker before and after it is rendered.</summary>
    public static string Render(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return SecretMasker.Shared.Mask(RenderMasked(ReportMasking.Mask(report)));
    }

    public static void Write(Report report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(report));
        stream.Write(bytes);
    }

    private static string RenderMasked(Report report)
    {
        var markdown = new StringBuilder();
        var (headline, good) = ReportFormat.Headline(report, MarkdownText.Inline);
        markdown.Append("## ").Append(headline).AppendLine(good ? " ✅" : " ❌");
        markdown.AppendLine();
        Warnings(markdown, report.Warnings);
        if (report.Environments is not { Count: > 0 } environments)
        {
            // An invalid file stops before the Creatio URL is known: then only the command.
            if (report.Creatio.Length > 0)
            {
                markdown.Append("Creatio: ").Append(MarkdownText.Code(report.Creatio)).Append(" · ");
            }

            markdown.Append("command: ").AppendLine(MarkdownText.Inline(report.Command));
            markdown.AppendLine();
            Body(markdown, report, "###");
            return markdown.ToString();
        }

        // Fifty sites read best as an overview first, then one section each.
        markdown.Append("Command: ").Append(MarkdownText.Inline(report.Command)).Append(" · environments: ").Append(environments.Count)
            .AppendLine(CultureInfo.InvariantCulture, $" · red: {environments.Count(environment => !environment.Ok)}");
        markdown.AppendLine();
        markdown.AppendLine("| Environment | Status | Creatio | Red checks |");
        markdown.AppendLine("| --- | --- | --- | --- |");
        foreach (var environment in environments)
        {
            var red = ReportFormat.RedItems(environment);
            Row(markdown, MarkdownText.Cell(environment.Name), environment.Ok ? "✅ ok" : "❌ not ok", MarkdownText.CodeCell(environment.Creatio),
                red.Count == 0 ? "–" : string.Join(", ", red.Select(MarkdownText.Cell)));
        }

        foreach (var environment in environments)
        {
            var section = environment.ToReport(report.Command, report.RunId);
            var (sectionHeadline, sectionGood) = ReportFormat.Headline(section, MarkdownText.Inline);
            markdown.AppendLine();
            markdown.Append("### ").Append(MarkdownText.Inline(environment.Name)).Append(": ").Append(sectionHeadline).AppendLine(sectionGood ? " ✅" : " ❌");
            markdown.AppendLine();
            markdown.Append("Creatio: ").AppendLine(MarkdownText.Code(environment.Creatio));
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
                markdown.Append(MarkdownText.Code(Path.GetFileName(warning.File)));
                if (warning.Line is { } line)
                {
                    markdown.Append(CultureInfo.InvariantCulture, $" line {line}");
                }

                markdown.Append(": ");
            }

            markdown.AppendLine(MarkdownText.Code(warning.Message));
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
                Row(markdown, MarkdownText.Cell(check.Id), Status(check.Status), MarkdownText.CodeCell(check.Message));
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

                Row(markdown, MarkdownText.Cell(step.Name), Status(step.Status), ReportFormat.Duration(step.DurationMs), MarkdownText.CodeCell(string.Join("\n", details)));
            }
        }
    }

    /// <summary>One table row of cells already written as Markdown.</summary>
    private static void Row(StringBuilder markdown, params string[] cells) =>
        markdown.Append("| ").Append(string.Join(" | ", cells)).AppendLine(" |");

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
