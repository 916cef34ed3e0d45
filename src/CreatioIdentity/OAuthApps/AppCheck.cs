using CreatioIdentity.Checks;

namespace CreatioIdentity.OAuthApps;

/// <summary>The check of one declared app (contract): <c>OAuthApp:&lt;name&gt;</c>.</summary>
public static class AppCheck
{
    public const string Prefix = "OAuthApp:";

    public static string Id(string name) => Prefix + name;

    public static CheckResult Pass(string name, string message) => CheckResult.Pass(Id(name), message, Path(name));

    public static CheckResult Fail(string name, string message, string? errorCode = null) => CheckResult.Fail(Id(name), message, Path(name), errorCode);

    public static CheckResult Skip(string name, string message) => CheckResult.Skip(Id(name), message, Path(name));

    private static string Path(string name) => Configuration.ConfigPaths.OAuthApps.Entry(name);
}
