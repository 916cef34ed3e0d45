using System.Globalization;
using CreatioIdentity.Protocol;

namespace CreatioIdentity.Sandbox.Cli;

/// <summary>The sandbox process's command line; a dev harness, so parsing stays trivial.</summary>
internal sealed record SandboxArguments(SandboxOptions Options, string? ReadyFile, int? ParentPid)
{
    public const string Usage =
        "Usage: CreatioIdentity.Sandbox [--runtime net|netframework] [--creatio-port N] [--identity-port N] " +
        "[--ready-file PATH] [--parent-pid PID] [--creatio-cannot-reach-identity] [--latency-ms N] " +
        "[--language en-US|ru-RU] [--login-code 0-5] [--login-status 200|401|403] [--require-later-cookies] [--malformed-set-cookie] " +
        "[--both-prefixes] [--host-oauth-disabled] [--separate-settings true|false] [--no-package-feature-row] " +
        "[--feature-override \"[Code:]Unit=State\"]... [--feature-cache-delay-ms N] [--case-sensitive] " +
        "[--no-health-check] [--slow-health-ms N] [--unexplained-health-problem] [--no-technical-users]";

    /// <exception cref="ArgumentException">An argument is unknown or its value is missing or wrong.</exception>
    public static SandboxArguments Parse(IReadOnlyList<string> args)
    {
        var options = new SandboxOptions();
        int? parentPid = null;
        string? readyFile = null;

        for (var index = 0; index < args.Count; index++)
        {
            var name = args[index];
            string Value() => index + 1 < args.Count ? args[++index] : throw new ArgumentException($"{name} needs a value.");
            TimeSpan Milliseconds() => TimeSpan.FromMilliseconds(ParseNumber(name, Value()));

            options = name switch
            {
                SandboxReadyFile.RuntimeOption => options with { Runtime = ParseRuntime(Value()) },
                "--creatio-port" => options with { CreatioPort = ParsePort(name, Value()) },
                "--identity-port" => options with { IdentityServicePort = ParsePort(name, Value()) },
                "--creatio-cannot-reach-identity" => options with { CreatioCanReachIdentityService = false },
                "--latency-ms" => options with { Latency = Milliseconds() },
                "--language" => options with { Language = Value() },
                "--login-code" => options with { LoginCode = ParseNumber(name, Value()) },
                "--login-status" => options with { LoginStatus = ParseNumber(name, Value()) },
                "--require-later-cookies" => options with { RequireLaterCookies = true },
                "--malformed-set-cookie" => options with { MalformedSetCookie = true },
                "--both-prefixes" => options with { BothPrefixes = true },
                "--host-oauth-disabled" => options with { HostOAuthEnabled = false },
                "--separate-settings" => options with { UseSeparateSettingsForOAuth20 = ParseBoolean(name, Value()) },
                "--no-package-feature-row" => options with { OAuthPackageOverrideRow = false },
                "--feature-override" => options with { FeatureOverrides = [.. options.FeatureOverrides, ParseOverride(Value())] },
                "--feature-cache-delay-ms" => options with { FeatureCacheDelay = Milliseconds() },
                "--case-sensitive" => options with { CaseSensitiveStrings = true },
                "--no-health-check" => options with { HealthCheckAvailable = false },
                "--no-technical-users" => options with { TechnicalUsersAvailable = false },
                "--slow-health-ms" => options with { UnreachableHealthDelay = Milliseconds() },
                "--unexplained-health-problem" => options with { UnexplainedHealthProblem = true },
                SandboxReadyFile.ReadyFileOption => Remember(options, out readyFile, Value()),
                SandboxReadyFile.ParentPidOption => Remember(options, out parentPid, ParseNumber(name, Value())),
                _ => throw new ArgumentException($"Unknown argument '{name}'."),
            };
        }

        Creatio.CreatioSimulator.Validate(options);
        return new SandboxArguments(options, readyFile, parentPid);
    }

    public static string RuntimeName(SandboxRuntime runtime) => runtime == SandboxRuntime.NetFramework ? "netframework" : "net";

    /// <summary>
    /// <c>[Code:]Unit=State</c>, e.g. <c>System administrators=0</c> (the code defaults to OAuth20Integration)
    /// or <c>OAuth20Integration:All employees=1</c>.
    /// </summary>
    public static FeatureOverride ParseOverride(string value)
    {
        var equals = value.LastIndexOf('=');
        if (equals <= 0 || !int.TryParse(value[(equals + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var state))
        {
            throw new ArgumentException($"--feature-override must be [Code:]Unit=State, not '{value}'.");
        }

        var target = value[..equals];
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? new FeatureOverride("OAuth20Integration", target, state)
            : new FeatureOverride(target[..colon], target[(colon + 1)..], state);
    }

    private static SandboxOptions Remember<T>(SandboxOptions options, out T field, T value)
    {
        field = value;
        return options;
    }

    private static SandboxRuntime ParseRuntime(string value) => value.ToLowerInvariant() switch
    {
        "net" => SandboxRuntime.Net,
        "netframework" => SandboxRuntime.NetFramework,
        _ => throw new ArgumentException($"--runtime must be net or netframework, not '{value}'."),
    };

    private static bool ParseBoolean(string name, string value) =>
        bool.TryParse(value, out var flag) ? flag : throw new ArgumentException($"{name} must be true or false, not '{value}'.");

    private static int ParsePort(string name, string value)
    {
        var port = ParseNumber(name, value);
        return port is >= 0 and <= 65535 ? port : throw new ArgumentException($"{name} must be a port number, not '{value}'.");
    }

    private static int ParseNumber(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"{name} must be a number, not '{value}'.");
}
