using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;
using Spectre.Console;

namespace CreatioIdentity.Agents;

/// <summary>
/// The local console: a rule per group, coloured lines, and the checks as a table. Every string
/// it prints is masked, cleaned of control characters and of CI runner commands
/// (<see cref="LogText"/>), and none is parsed as Spectre markup, so a message that quotes "[",
/// a terminal escape or a secret prints as it is, as U+FFFD, or as ***.
/// </summary>
public sealed class ConsoleAgent(IAnsiConsole console, SecretMasker? masker = null) : IBuildAgent
{
    private static readonly Style Dim = new(Color.Grey);
    private static readonly Style Good = new(Color.Green);
    private static readonly Style Bad = new(Color.Red);
    private static readonly Style Caution = new(Color.Yellow);
    private static readonly Style Changed = new(Color.Aqua);

    private readonly SecretMasker mask = masker ?? SecretMasker.Shared;

    public string Name => "Console";

    /// <summary>Registers the values with the masker (the process's shared one unless told otherwise).</summary>
    public void MaskSecrets(IEnumerable<string> values) => mask.Add(values);

    public IDisposable BeginGroup(string title)
    {
        // A rule's title is Spectre markup: escaped, so that "[" in it prints as it is.
        console.Write(new Rule(Markup.Escape(Printable(title))) { Justification = Justify.Left });
        return new GroupScope(console.WriteLine);
    }

    public void Progress(string message) => Line((message, Dim));

    public void Info(string message) => Line((message, Style.Plain));

    public void Warning(string message, SourceLocation? location = null) => Line(("warning: ", Caution), (Located(message, location), Style.Plain));

    public void Error(string message, SourceLocation? location = null) => Line(("error: ", Bad), (Located(message, location), Style.Plain));

    public void ShowStep(StepResult step)
    {
        ArgumentNullException.ThrowIfNull(step);

        var parts = new List<(string, Style)>
        {
            (step.Name, new Style(decoration: Decoration.Bold)),
            (" " + ReportFormat.Status(step.Status), StatusStyle(step.Status)),
            (" (" + ReportFormat.Duration(step.DurationMs) + ")", Dim),
        };
        if (step.Changes.Count > 0)
        {
            parts.Add((": " + string.Join("; ", step.Changes.Select(ReportFormat.Change)), Style.Plain));
        }

        if (step.Status == StepStatus.Failed && !string.IsNullOrWhiteSpace(step.Error))
        {
            parts.Add((" — " + step.Error, Bad));
        }

        Line([.. parts]);
    }

    public void ShowReport(Report report, string reportDir)
    {
        ArgumentNullException.ThrowIfNull(report);

        if (report.Checks.Count > 0)
        {
            var table = new Table().AddColumn("Check").AddColumn("Status").AddColumn("Message");
            foreach (var check in report.Checks)
            {
                table.AddRow(
                    Text(check.Id, Style.Plain),
                    Text(ReportFormat.Status(check.Status), StatusStyle(check.Status)),
                    Text(check.Message, Style.Plain));
            }

            console.Write(table);
        }

        if (report.Environments is { Count: > 0 } environments)
        {
            var overview = new Table().AddColumn("Environment").AddColumn("Status").AddColumn("Creatio").AddColumn("Red checks");
            foreach (var environment in environments)
            {
                var red = ReportFormat.RedItems(environment);
                overview.AddRow(
                    Text(environment.Name, Style.Plain),
                    Text(environment.Ok ? "ok" : "not ok", environment.Ok ? Good : Bad),
                    Text(environment.Creatio, Dim),
                    Text(red.Count == 0 ? "-" : string.Join(", ", red), Style.Plain));
            }

            console.Write(overview);
        }

        var (headline, good) = ReportFormat.Headline(report);
        Line(
            (headline, good ? Good : Bad),
            (report.Creatio.Length == 0 ? string.Empty : " (" + report.Creatio + ")", Dim));
        Line(("Report: " + Path.Combine(reportDir, ReportStore.ReportFileName), Dim));
    }

    /// <summary>The console has nowhere else to publish: report.json, junit.xml and summary.md are in reportDir.</summary>
    public void PublishReport(Report report, string reportDir)
    {
    }

    private static string Located(string message, SourceLocation? location) => location is null ? message : $"{location}: {message}";

    private static Style StatusStyle(CheckStatus status) => status switch
    {
        CheckStatus.Pass => Good,
        CheckStatus.Fail => Bad,
        _ => Caution,
    };

    private static Style StatusStyle(StepStatus status) => status switch
    {
        StepStatus.Changed => Changed,
        StepStatus.Unchanged => Good,
        StepStatus.Failed => Bad,
        _ => Dim,
    };

    // Neutralised as well: a CI that this tool does not recognise may still execute a line of its log.
    private string Printable(string? text) => LogText.NeutralizeLines(LogText.Printable(text, mask));

    private Text Text(string value, Style style) => new(Printable(value), style);

    private void Line(params (string Text, Style Style)[] parts)
    {
        var paragraph = new Paragraph();
        foreach (var (text, style) in parts)
        {
            paragraph.Append(Printable(text), style);
        }

        console.Write(paragraph);
        console.WriteLine();
    }
}
