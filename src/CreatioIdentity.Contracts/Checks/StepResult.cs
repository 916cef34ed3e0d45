namespace CreatioIdentity.Checks;

public enum StepStatus
{
    Changed,
    Unchanged,
    Failed,
    Skipped,
}

/// <summary>
/// One change a step made (or, for plan, would make). From is the value before, so that a person
/// can restore it; a secret's from/to is a mask (Creatio never gives a secret back).
/// </summary>
public sealed record Change(string Item, string? From, string? To);

/// <summary>Whether a change the step meant to make reached Creatio, when the step failed before it was confirmed.</summary>
public enum WriteState
{
    /// <summary>Not sent: Creatio still has the old value.</summary>
    NotSent,

    /// <summary>Sent, but the answer was lost or not understood: Creatio may or may not have applied it.</summary>
    Unknown,

    /// <summary>Creatio answered that it did not apply it (saveResult false).</summary>
    Refused,
}

/// <summary>A change a failed step meant to make and could not confirm.</summary>
public sealed record NotApplied(string Item, string? From, string? To, WriteState State);

/// <summary>
/// What one step did: its status, its changes (only the confirmed ones), the checks it decided, its
/// error with a stable code (<see cref="ErrorCodes"/>), and the changes it meant to make but could not confirm.
/// </summary>
public sealed record StepResult(
    string Name,
    StepStatus Status,
    long DurationMs,
    IReadOnlyList<Change> Changes,
    IReadOnlyList<CheckResult> Checks,
    string? Error = null,
    string? ErrorCode = null,
    IReadOnlyList<NotApplied>? NotApplied = null)
{
    public IReadOnlyList<NotApplied> NotApplied { get; init; } = NotApplied ?? [];

    /// <summary>What the step noticed that is no failure (a password change recommended, a cookie skipped); reported as the run's warnings.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
