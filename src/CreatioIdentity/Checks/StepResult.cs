namespace CreatioIdentity.Checks;

public enum StepStatus
{
    Changed,
    Unchanged,
    Failed,
    Skipped,
}

/// <summary>One change a step made (or, for plan, would make). A secret's from/to is a mask.</summary>
public sealed record Change(string Item, string? From, string? To);

/// <summary>What one step did: its status, its changes, the checks it decided, and its error.</summary>
public sealed record StepResult(
    string Name,
    StepStatus Status,
    long DurationMs,
    IReadOnlyList<Change> Changes,
    IReadOnlyList<CheckResult> Checks,
    string? Error = null);
