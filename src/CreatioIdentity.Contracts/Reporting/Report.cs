using CreatioIdentity.Checks;

namespace CreatioIdentity.Reporting;

/// <summary>
/// Everything the engine commands of one run did, as report.json holds it (SPEC §2, contract).
/// Ok is true when no step failed and no check is red. A run over several Creatio sites also
/// lists each one under Environments (absent for a single site), and Ok is then all of theirs.
/// </summary>
public sealed record Report(
    int SchemaVersion,
    bool Ok,
    string Command,
    string Creatio,
    string? RunId,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<CheckResult> Checks,
    IReadOnlyList<EnvironmentReport>? Environments = null)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>What the run was warned about (insecureSkipVerify, a literal secret), with the YAML position; an addition to the contract.</summary>
    public IReadOnlyList<ReportWarning> Warnings { get; init; } = [];
}

/// <summary>One named Creatio site of a multi-environment run, as report.json lists it under environments.</summary>
public sealed record EnvironmentReport(
    string Name,
    bool Ok,
    string Creatio,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<CheckResult> Checks);

/// <summary>One warning of a run, with the file, line and column it is about when there is one.</summary>
public sealed record ReportWarning(string Message, string? File = null, int? Line = null, int? Column = null);

/// <summary>Between a site's own report and its section of a multi-site report.</summary>
public static class EnvironmentReports
{
    public static EnvironmentReport From(string name, Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new EnvironmentReport(name, report.Ok, report.Creatio, report.Steps, report.Checks);
    }

    /// <summary>The section as a single-site report of <paramref name="command"/>, for the writers.</summary>
    public static Report ToReport(this EnvironmentReport environment, string command, string? runId)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new(Report.CurrentSchemaVersion, environment.Ok, command, environment.Creatio, runId, environment.Steps, environment.Checks);
    }
}
