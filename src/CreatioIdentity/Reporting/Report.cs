using CreatioIdentity.Checks;

namespace CreatioIdentity.Reporting;

/// <summary>
/// Everything the engine commands of one run did, as report.json holds it (SPEC §2, contract).
/// Ok is true when no step failed and no check is red. A run over several environments keeps
/// the single-site fields (Creatio empty, no steps or checks of its own) and one section per
/// environment, in name order; Ok is then true when every environment is.
/// </summary>
public sealed record Report(
    int SchemaVersion,
    bool Ok,
    string Command,
    string Creatio,
    string? RunId,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<CheckResult> Checks)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>One section per environment of a multi-site run; empty for a single site.</summary>
    public IReadOnlyList<EnvironmentReport> Environments { get; init; } = [];
}

/// <summary>One environment's section of a multi-site report: its own verdict, site, steps and checks.</summary>
public sealed record EnvironmentReport(string Name, bool Ok, string Creatio, IReadOnlyList<StepResult> Steps, IReadOnlyList<CheckResult> Checks)
{
    public static EnvironmentReport From(string name, Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new EnvironmentReport(name, report.Ok, report.Creatio, report.Steps, report.Checks);
    }

    /// <summary>The section as a single-site report of <paramref name="command"/>, for the writers.</summary>
    public Report ToReport(string command, string? runId) => new(Report.CurrentSchemaVersion, Ok, command, Creatio, runId, Steps, Checks);
}
