namespace CreatioIdentity.Checks;

public enum CheckStatus
{
    Pass,
    Fail,
    Skip,
}

/// <summary>
/// The outcome of one check. A failed check's message says what to do. ConfigPath names the
/// YAML key the check is about (for annotations), when there is one.
/// </summary>
public sealed record CheckResult(string Id, CheckStatus Status, string Message, string? ConfigPath = null)
{
    public static CheckResult Pass(string id, string message, string? configPath = null) => new(id, CheckStatus.Pass, message, configPath);

    public static CheckResult Fail(string id, string message, string? configPath = null) => new(id, CheckStatus.Fail, message, configPath);

    public static CheckResult Skip(string id, string message, string? configPath = null) => new(id, CheckStatus.Skip, message, configPath);
}
