using CreatioIdentity.Checks;

namespace CreatioIdentity.Reporting;

/// <summary>
/// Everything the engine commands of one run did, as report.json holds it (SPEC §2, contract).
/// Ok is true when no step failed and no check is red.
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

    /// <summary>What the run was warned about (insecureSkipVerify, a literal secret), with the YAML position; an addition to the contract.</summary>
    public IReadOnlyList<ReportWarning> Warnings { get; init; } = [];
}

/// <summary>One warning of a run, with the file, line and column it is about when there is one.</summary>
public sealed record ReportWarning(string Message, string? File = null, int? Line = null, int? Column = null);
