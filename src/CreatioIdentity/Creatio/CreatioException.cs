namespace CreatioIdentity.Creatio;

/// <summary>Why a call to Creatio failed; stable, so reports and tests can rely on it.</summary>
public enum CreatioFailure
{
    Unreachable,
    Timeout,
    Authentication,
    Csrf,
    HttpStatus,
    UnexpectedAnswer,
    NotFound,
}

/// <summary>
/// A call to Creatio that did not give a usable answer. The message says what happened and what
/// to do, and never carries a password, cookie or token.
/// </summary>
public sealed class CreatioException(CreatioFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public CreatioFailure Failure { get; } = failure;
}
