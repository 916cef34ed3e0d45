namespace CreatioIdentity.Checks;

public enum CheckStatus
{
    Pass,
    Fail,
    Skip,
}

/// <summary>
/// The outcome of one check. A failed check's message says what to do. ConfigPath names the
/// YAML key the check is about (for annotations), when there is one. ErrorCode classifies a
/// failed check (<see cref="ErrorCodes"/>) when a fault rather than a red answer decided it.
/// </summary>
public sealed record CheckResult(string Id, CheckStatus Status, string Message, string? ConfigPath = null, string? ErrorCode = null)
{
    public static CheckResult Pass(string id, string message, string? configPath = null) => new(id, CheckStatus.Pass, message, configPath);

    public static CheckResult Fail(string id, string message, string? configPath = null, string? errorCode = null) => new(id, CheckStatus.Fail, message, configPath, errorCode);

    public static CheckResult Skip(string id, string message, string? configPath = null) => new(id, CheckStatus.Skip, message, configPath);
}
