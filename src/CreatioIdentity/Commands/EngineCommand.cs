using CreatioIdentity.Creatio;
using CreatioIdentity.OAuthApps;
using CreatioIdentity.Steps;

namespace CreatioIdentity.Commands;

/// <summary>One engine command and the Cake target that runs it (SPEC §2, contract).</summary>
/// <param name="ReadOnly">The command must write nothing to Creatio, whatever its steps would otherwise do (monitor).</param>
public sealed record EngineCommand(string Name, string CakeTarget, string Description, Func<IReadOnlyList<Step>> Steps, bool ReadOnly = false)
{
    public bool IsPlan => Name == "plan";

    /// <summary>
    /// What the command may do to Creatio, enforced by the Creatio session for every call: plan, monitor and
    /// the commands that only read (validate, preflight, test-connection) may not write.
    /// </summary>
    public CreatioAccess Access =>
        ReadOnly || IsPlan || Name is "validate" or "preflight" or "test-connection" ? CreatioAccess.ReadOnly(Name) : CreatioAccess.ReadWrite;
}

public static class EngineCommands
{
    public static IReadOnlyList<EngineCommand> All { get; } =
    [
        new("validate", "Validate", "Parse and check the YAML file and resolve ${VAR}s; no network.", () => [new ValidateStep()]),
        new("preflight", "Preflight", "Check the Identity Service (discovery, client_credentials token) and the Creatio login; writes nothing.", () => [new PreflightStep()]),
        new("plan", "Plan", "Read the current state and list the changes apply would make; writes nothing. Exit 2 when changes are pending.", () => [new PlanStep()]),
        new("enable-feature", "EnableFeature", "Turn on each feature of features: for all users and clear the feature cache.", () => [new EnableFeatureStep()]),
        new("apply-settings", "ApplySettings", "Write the Identity Service settings that differ, in one request, and read them back.", () => [new ApplySettingsStep()]),
        new("test-connection", "TestConnection", "Creatio to the Identity Service, as the Test connection button: the health check, polled until it settles.", () => [new TestConnectionStep()]),
        new("diagnose", "Diagnose", "Every check of the Diagnostic tab; registers the default OAuth resource when it is the only thing missing.", () => [new DiagnoseStep()]),
        new("oauth-apps", "OAuthApps", "Create or update the OAuth 2.0 integrated applications of oauthApps:, deliver new credentials, and prove each app with its own token.", () => [new OAuthAppsStep()]),
        new(RotateSecretsStep.CommandName, "RotateSecrets", "Give one app of oauthApps: (--app NAME) new credentials without an outage: a new client is delivered and proven before the old one is deleted.", () => [new RotateSecretsStep(string.Empty)]),
        new("connect", "ConnectIdentity", "Validate, Preflight, EnableFeature, ApplySettings, TestConnection, Diagnose, and OAuthApps when the file has oauthApps:.", () =>
            [new ValidateStep(), new PreflightStep(), new EnableFeatureStep(), new ApplySettingsStep(), new TestConnectionStep(), new DiagnoseStep(), new OAuthAppsStep()]),
        new("monitor", "Monitor", "Read-only health of each site for a schedule: Preflight, the features, Diagnose and each app of oauthApps: with its own token, writing nothing to Creatio.", () =>
            [new PreflightStep(), new EnableFeatureStep(), new DiagnoseStep(), new OAuthAppsStep()], ReadOnly: true),
    ];

    public static EngineCommand? Find(string name) => All.FirstOrDefault(command => command.Name == name);

    /// <summary>rotate-secrets for one app (--app NAME).</summary>
    public static EngineCommand RotateSecrets(string app) => Find(RotateSecretsStep.CommandName)! with { Steps = () => [new RotateSecretsStep(app)] };

    /// <summary>Whether <paramref name="command"/> is the first engine process of the Cake target behind <paramref name="target"/>.</summary>
    public static bool Begins(string target, string command) =>
        target == command || (target is "connect" or "sandbox" && command == "validate") || (target == "sandbox" && command == "connect");

    /// <summary>Whether <paramref name="command"/> is the last engine process of the Cake target behind <paramref name="target"/>.</summary>
    public static bool Completes(string target, string command) =>
        target == command || (target is "connect" or "sandbox" && command == "oauth-apps") || (target == "sandbox" && command == "connect");
}
