using CreatioIdentity.Agents;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Commands;

/// <summary>
/// Writes what a run did into its report folder (ReportStore): under a Cake target, the first
/// process of the target creates report.json and each later one adds its steps. A report that
/// cannot be written is said once, and the run still knows what happened (<see cref="Unrecorded"/>).
/// </summary>
internal sealed class RunRecorder(Run run)
{
    /// <summary>One site's steps and warnings (the file's, then the steps'); null when the folder refused them.</summary>
    public Report? Record(IBuildAgent output, IdentityConfig config, IReadOnlyList<StepResult> results)
    {
        try
        {
            return ReportStore.Record(run.ReportDir, run.ReportCommand, config.Creatio.Url.AbsoluteUri, run.RunId, results,
                [.. config.Warnings.Select(warning => new ReportWarning(warning.Message, warning.Location.File, warning.Location.Line, warning.Location.Column)),
                 .. results.SelectMany(result => result.Warnings).Select(warning => new ReportWarning(warning, null, null, null))]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            output.Error($"The report could not be written to {run.ReportDir} ({exception.Message}): pass a writable --report-dir. The steps above ran as shown.");
            return null;
        }
    }

    /// <summary>The top-level report of a run over several environments, one section each in the file's order; null when the folder refused it.</summary>
    public Report? RecordEnvironments(IBuildAgent output, IReadOnlyList<EnvironmentReport> sections, IReadOnlyList<ReportWarning> warnings)
    {
        try
        {
            return ReportStore.RecordEnvironments(run.ReportDir, run.ReportCommand, run.RunId, sections, warnings);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            output.Error($"The report could not be written to {run.ReportDir} ({exception.Message}): pass a writable --report-dir. The environments above ran as shown.");
            return null;
        }
    }

    /// <summary>
    /// A configuration the run cannot use: its errors at their YAML lines, and a report of one
    /// failed Validate step. It stops the run here, so this report is the final one and is published.
    /// </summary>
    public SiteOutcome Invalid(IBuildAgent output, IReadOnlyList<ConfigDiagnostic> errors, string creatio)
    {
        foreach (var error in errors)
        {
            output.Error(error.Message, error.Location);
        }

        var message = string.Join(Environment.NewLine, errors.Select(error => error.ToString()));
        StepResult[] steps = [new StepResult("Validate", StepStatus.Failed, 0, [], [], message, ErrorCodes.Configuration)];
        try
        {
            var report = ReportStore.Record(run.ReportDir, run.ReportCommand, creatio, run.RunId, steps);
            output.PublishReport(report, run.ReportDir);
            return new SiteOutcome(ExitCodes.InvalidConfiguration, report);
        }
        catch (Exception writeFailure) when (writeFailure is IOException or UnauthorizedAccessException)
        {
            output.Error($"The report could not be written to {run.ReportDir} ({writeFailure.Message}): pass a writable --report-dir.");
            return new SiteOutcome(ExitCodes.InvalidConfiguration, Unrecorded(creatio, steps));
        }
    }

    /// <summary>A report that could not be written still tells the run what happened.</summary>
    public Report Unrecorded(string creatio, IReadOnlyList<StepResult> steps) =>
        new(Report.CurrentSchemaVersion, false, run.ReportCommand, creatio, run.RunId, steps, [.. steps.SelectMany(step => step.Checks)]);
}
