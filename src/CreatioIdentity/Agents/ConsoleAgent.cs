using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;
using Spectre.Console;

namespace CreatioIdentity.Agents;

/// <summary>
/// The local console: a heading per group, coloured lines, and the checks as a table. Every string
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

    // The step whose heading is shown (here, or by the caller's banner), if any.
    private string? namedStep;

    public string Name => "Console";

    /// <summary>Registers the values with the masker (the process's shared one unless told otherwise).</summary>
    public void MaskSecrets(IEnumerable<string> values) => mask.Add(values);

    public IDisposable BeginGroup(string title)
    {
        Line(("── " + title, new Style(decoration: Decoration.Bold)));
        return new GroupScope(() => { });
    }

    /// <summary>
    /// A step's heading (unless the caller's banner named it already); inside it, the step's lines
    /// leave its name out, so that every step is named once.
    /// </summary>
    public IDisposable BeginStep(string name, bool namedByCaller)
    {
        var heading = namedByCaller ? new GroupScope(() => { }) : BeginGroup(name);
        var outer = namedStep;
        namedStep = name;
        return new GroupScope(() =>
        {
            namedStep = outer;
            heading.Dispose();
        });
    }

    public void Progress(string message) => Line((message, Dim));

    public void Info(string message) => Line((message, Style.Plain));

    public void Warning(string message, SourceLocation? location = null) => Line(("warning: ", Caution), (Located(message, location), Style.Plain));

    public void Error(string message, SourceLocation? location = null) => Line(("error: ", Bad), (Located(message, location), Style.Plain));

    /// <summary>
    /// One line for the step (its name, unless its heading said it; what it changed or checked; how
    /// long it took; why it failed), then each change on a line of its own.
    /// </summary>
    public void ShowStep(StepResult step)
    {
        ArgumentNullException.ThrowIfNull(step);

        var parts = new List<(string, Style)>();
        if (step.Name != namedStep)
        {
            parts.Add((step.Name + ": ", new Style(decoration: Decoration.Bold)));
        }

        // A skipped step's reason says it was skipped ("Skipped: an earlier step failed.").
        var skipped = step.Status == StepStatus.Skipped && !string.IsNullOrWhiteSpace(step.Error);
        parts.Add((skipped ? step.Error! : ReportFormat.Summary(step), StatusStyle(step.Status)));
        if (step.Status == StepStatus.Failed && !string.IsNullOrWhiteSpace(step.Error))
        {
            parts.Add((": " + step.Error, Bad));
        }

        Line([.. parts]);
        foreach (var change in step.Changes)
        {
            Line(("  " + ReportFormat.Change(change), Style.Plain));
        }
    }

    public void ShowReport(Report report, string reportDir)
    {
        ArgumentNullException.ThrowIfNull(report);

        if (report.Checks.Count > 0)
        {
            ConsoleTable.Write(console, ["Check", "Status", "Message"],
                [.. report.Checks.Select(check => new[] { Cell(check.Id, Style.Plain), Cell(ReportFormat.Status(check.Status), StatusStyle(check.Status)), Cell(check.Message, Style.Plain) })]);
        }

        if (report.Environments is { Count: > 0 } environments)
        {
            ConsoleTable.Write(console, ["Environment", "Status", "Creatio", "Red checks"],
                [.. environments.Select(environment =>
                {
                    var red = ReportFormat.RedItems(environment);
                    return new[]
                    {
                        Cell(environment.Name, Style.Plain),
                        Cell(environment.Ok ? "ok" : "not ok", environment.Ok ? Good : Bad),
                        Cell(environment.Creatio, Dim),
                        Cell(red.Count == 0 ? "-" : string.Join(", ", red), Style.Plain),
                    };
                })]);
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

    private (string Text, Style Style) Cell(string? value, Style style) => (Printable(value), style);

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
