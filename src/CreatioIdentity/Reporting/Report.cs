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
}
