namespace CreatioIdentity.Protocol;

/// <summary>The CI system a process runs on, as its environment says.</summary>
public enum CiSystem
{
    /// <summary>A console: no CI system said so.</summary>
    None,

    /// <summary>GitHub Actions: GITHUB_ACTIONS=true.</summary>
    GitHubActions,

    /// <summary>Azure Pipelines: TF_BUILD=True.</summary>
    AzurePipelines,
}

/// <summary>
/// The one CI detection of the tool: the engine chooses its agent and its matrix output by it, and
/// the Cake recipe its log groups (build/recipe/protocol.cake carries the variable names).
/// </summary>
public static class CiSystems
{
    public const string GitHubActionsVariable = "GITHUB_ACTIONS";

    public const string AzurePipelinesVariable = "TF_BUILD";

    /// <summary>GitHub Actions when GITHUB_ACTIONS is true, else Azure Pipelines when TF_BUILD is (in any case), else none.</summary>
    public static CiSystem Detect(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return IsGitHubActions(environment) ? CiSystem.GitHubActions
            : IsAzurePipelines(environment) ? CiSystem.AzurePipelines
            : CiSystem.None;
    }

    public static bool IsGitHubActions(Func<string, string?> environment) => IsTrue(environment(GitHubActionsVariable));

    public static bool IsAzurePipelines(Func<string, string?> environment) => IsTrue(environment(AzurePipelinesVariable));

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
