using System.Globalization;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Agents;

/// <summary>
/// GitHub Actions (GITHUB_ACTIONS=true): workflow commands on standard output (::add-mask::,
/// ::group::, ::warning/::error with file, line and column), the job summary appended to
/// $GITHUB_STEP_SUMMARY, and the step outputs ok, report and summary (and, for plan,
/// pending-changes) in $GITHUB_OUTPUT.
/// </summary>
public sealed class GitHubActionsAgent(TextWriter output, Func<string, string?> environment, bool plain = false, SecretMasker? masker = null)
    : CommandAgent(output, environment, plain, masker)
{
    public const string DetectVariable = Protocol.CiSystems.GitHubActionsVariable;
    public const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";
    public const string OutputVariable = "GITHUB_OUTPUT";
    public const string WorkspaceVariable = "GITHUB_WORKSPACE";

    public override string Name => "GitHub Actions";

    protected override string? SourcesDirectoryVariable => WorkspaceVariable;

    protected override string GroupEndCommand => "::endgroup::";

    public static bool IsRunningOn(Func<string, string?> environment) =>
        Protocol.CiSystems.IsGitHubActions(environment);

    /// <summary>The summary joins the job summary and the outputs are set; called once, by the process whose report is final.</summary>
    public override void PublishReport(Report report, string reportDir)
    {
        ArgumentNullException.ThrowIfNull(report);

        var summary = MaskedText(SummaryWriter.Render(report));
        if (Environment(StepSummaryVariable) is { Length: > 0 } stepSummary)
        {
            Append(stepSummary, summary.EndsWith('\n') ? summary : summary + "\n", "the job summary");
        }

        if (Environment(OutputVariable) is { Length: > 0 } outputs)
        {
            var reportPath = Path.GetFullPath(Path.Combine(reportDir, ReportStore.ReportFileName));
            // Plan also says how many changes it found; its exit code 2 (the output pending) says only that there are some.
            var pending = report.Command == "plan" ? OutputEntry("pending-changes", ReportFormat.PendingChanges(report).ToString(CultureInfo.InvariantCulture)) : string.Empty;
            Append(outputs, OutputEntry("ok", report.Ok ? "true" : "false") + OutputEntry("report", reportPath) + OutputEntry("summary", summary) + pending, "the step outputs");
        }
    }

    /// <summary>Masked first (::add-mask::), then a step output of the engine's step, for the steps after it.</summary>
    public override void HandOff(string name, string value)
    {
        MaskSecrets([value]);
        if (Environment(OutputVariable) is { Length: > 0 } outputs)
        {
            Append(outputs, OutputEntry(name, value), $"the step output {name}");
        }
        else
        {
            Warning($"{name} was not handed on: {OutputVariable} is not set.");
        }
    }

    /// <summary>
    /// name&lt;&lt;delimiter, the value, delimiter: the form that carries any value, newlines
    /// included, with a delimiter the value cannot contain.
    /// </summary>
    internal static string OutputEntry(string name, string value)
    {
        string delimiter;
        do
        {
            delimiter = $"ghadelimiter_{Guid.NewGuid():N}";
        }
        while (value.Contains(delimiter, StringComparison.Ordinal));

        var text = value.ReplaceLineEndings("\n");
        return $"{name}<<{delimiter}\n{text}{(text.EndsWith('\n') ? string.Empty : "\n")}{delimiter}\n";
    }

    protected override string MaskCommand(string secret) => "::add-mask::" + EscapeData(secret);

    protected override string GroupStartCommand(string title) => "::group::" + EscapeData(title);

    protected override string IssueCommand(IssueKind kind, string message, SourceLocation? location)
    {
        var name = kind == IssueKind.Error ? "error" : "warning";
        var properties = location is null
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $" file={EscapeProperty(location.File)},line={location.Line},col={location.Column}");
        return $"::{name}{properties}::{EscapeData(message)}";
    }

    // The runner reads %, CR and LF escaped in a command's message, and also : and , in a property.
    private static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);

    private void Append(string path, string text, string what)
    {
        try
        {
            File.AppendAllText(path, text);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Warning($"Could not write {what} to {path} ({exception.Message}); the report is in its folder all the same.");
        }
    }
}
