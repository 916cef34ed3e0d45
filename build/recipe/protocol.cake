// Generated from src/CreatioIdentity.Contracts/Protocol (EngineProtocol, EngineVariables, CiSystems),
// the protocol the engine reads: do not edit. After a change there, write it afresh with
//   UPDATE_PROTOCOL_CAKE=1 dotnet test --filter "FullyQualifiedName~ProtocolCakeTests"
// (tests/CreatioIdentity.Tests/Protocol/ProtocolCakeTests.cs fails while the two differ).

public sealed class EngineProtocol
{
    // Cake target -> engine command (SPEC §2, contract).
    public static readonly IReadOnlyDictionary<string, string> Commands =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Validate"] = "validate",
            ["Preflight"] = "preflight",
            ["Plan"] = "plan",
            ["EnableFeature"] = "enable-feature",
            ["ApplySettings"] = "apply-settings",
            ["TestConnection"] = "test-connection",
            ["Diagnose"] = "diagnose",
            ["OAuthApps"] = "oauth-apps",
            ["RotateSecrets"] = "rotate-secrets",
            ["ConnectIdentity"] = "connect",
            ["Monitor"] = "monitor",
            ["ListEnvironments"] = "list-environments",
            ["Sandbox"] = "sandbox",
        };

    // ConnectIdentity on one site: one engine process per target, in this order. The
    // first starts the run's report, the last publishes it.
    public static readonly string[] ConnectSteps = ["Validate", "Preflight", "EnableFeature", "ApplySettings", "TestConnection", "Diagnose", "OAuthApps"];

    // The variables of the engine processes of a run.
    public const string RunIdVariable = "CREATIO_IDENTITY_RUN_ID";
    public const string SessionKeyVariable = "CREATIO_IDENTITY_SESSION_KEY";
    public const string SessionDirectoryVariable = "CREATIO_IDENTITY_SESSION_DIR";
    public const string TargetVariable = "CREATIO_IDENTITY_TARGET";
    public const string InLogGroupVariable = "CREATIO_IDENTITY_IN_LOG_GROUP";
    public const string SettleSecondsVariable = "CREATIO_IDENTITY_SETTLE_SECONDS";
    public const string StepDeadlineSecondsVariable = "CREATIO_IDENTITY_STEP_DEADLINE_SECONDS";
    public const string GitHubSecretsTokenVariable = "CREATIO_IDENTITY_GITHUB_SECRETS_TOKEN";

    // CI detection, the engine's: the variable set to true (in any case).
    public const string GitHubActionsVariable = "GITHUB_ACTIONS";
    public const string AzurePipelinesVariable = "TF_BUILD";
}
