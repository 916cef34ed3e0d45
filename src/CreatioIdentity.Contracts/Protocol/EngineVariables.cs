namespace CreatioIdentity.Protocol;

/// <summary>
/// The environment variables the Cake recipe hands to every engine process of a run (SPEC §2,
/// contract), and those a user sets for the engine. Generated into build/recipe/protocol.cake.
/// </summary>
public static class EngineVariables
{
    /// <summary>One id per Cake run: the steps of a run join one report, and only a report of this run is published.</summary>
    public const string RunId = "CREATIO_IDENTITY_RUN_ID";

    /// <summary>The key that seals the run's Creatio session between its engine processes.</summary>
    public const string SessionKey = "CREATIO_IDENTITY_SESSION_KEY";

    /// <summary>The run's private folder (0700, made by Cake, deleted by its Teardown) where the sealed session is kept.</summary>
    public const string SessionDirectory = "CREATIO_IDENTITY_SESSION_DIR";

    /// <summary>The command of the Cake target the process belongs to (<see cref="EngineTarget.Command"/>): it decides who begins and who publishes the report.</summary>
    public const string Target = "CREATIO_IDENTITY_TARGET";

    /// <summary>"true" when Cake opened a CI log group around the task, so the engine opens none of its own.</summary>
    public const string InLogGroup = "CREATIO_IDENTITY_IN_LOG_GROUP";

    /// <summary>Caps the waits for Creatio to settle at N seconds.</summary>
    public const string SettleSeconds = "CREATIO_IDENTITY_SETTLE_SECONDS";

    /// <summary>Each step's total deadline in seconds.</summary>
    public const string StepDeadlineSeconds = "CREATIO_IDENTITY_STEP_DEADLINE_SECONDS";

    /// <summary>The token that writes GitHub Actions secrets (oauthApps: githubSecret).</summary>
    public const string GitHubSecretsToken = "CREATIO_IDENTITY_GITHUB_SECRETS_TOKEN";
}
