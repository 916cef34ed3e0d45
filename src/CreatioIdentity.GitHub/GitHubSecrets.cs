using System.Text.RegularExpressions;
using CreatioIdentity.Configuration;

namespace CreatioIdentity.GitHub;

/// <summary>
/// The secrets this process can know of. It runs apart from the engine, which masked the Creatio
/// password and client secret in report.json already; a report is not trusted to be clean all the
/// same (an older engine, a hand-edited file), and GitHub's API, unlike its log, masks nothing in an
/// issue or a check run. So the job's tokens are registered, and so is every variable of the job
/// whose name says that it holds a secret (CREATIO_PASSWORD, PROD_IDENTITY_CLIENT_SECRET, ...).
/// </summary>
public static partial class GitHubSecrets
{
    /// <summary>The job's tokens, masked whatever their length.</summary>
    public static IReadOnlyList<string> TokenVariables { get; } = [GitHubContext.TokenVariable, "ACTIONS_RUNTIME_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"];

    /// <summary>
    /// The shortest value of a variable whose name only suggests a secret that is masked: shorter
    /// values are flags and counts (SKIP_TOKEN_CHECK=true), and masking them would maul the text.
    /// </summary>
    public const int MinimumGuessedLength = 8;

    public static void Register(Func<string, string?> environment, IEnumerable<string> variableNames, SecretMasker masker)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(variableNames);
        ArgumentNullException.ThrowIfNull(masker);

        masker.Add(TokenVariables.Select(environment));
        masker.Add(variableNames
            .Where(name => SecretName().IsMatch(name))
            .Select(environment)
            .Where(value => value is { Length: >= MinimumGuessedLength }));
    }

    [GeneratedRegex("PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|PRIVATE_?KEY|API_?KEY", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
