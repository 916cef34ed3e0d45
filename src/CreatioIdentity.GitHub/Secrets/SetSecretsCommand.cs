using System.Text;
using System.Text.Json;
using CreatioIdentity.Configuration;
using Octokit;
using Sodium;

namespace CreatioIdentity.GitHub.Secrets;

/// <summary>
/// set-secrets: writes GitHub Actions secrets (of the repository, or of one of its environments) for the engine,
/// which cannot carry Octokit (native AOT). The values come on standard input as one JSON object, name to value,
/// never as arguments or variables. Each is sealed with the target's public key (a libsodium sealed box, as
/// GitHub requires: docs "REST API endpoints for GitHub Actions secrets") and written with Octokit.
/// </summary>
public sealed class SetSecretsCommand(Func<string, string?> environment, WorkflowLog log, Func<GitHubContext, IGitHubClient> clients)
{
    /// <summary>A token allowed to write secrets; the workflow's own GITHUB_TOKEN never is.</summary>
    public const string TokenVariable = Protocol.EngineVariables.GitHubSecretsToken;

    public async Task<int> RunAsync(TextReader input, string? environmentName, CancellationToken cancellationToken)
    {
        var secrets = Read(await input.ReadToEndAsync(cancellationToken));
        if (secrets is null)
        {
            log.Error("set-secrets reads one JSON object of secret names and values on standard input, e.g. {\"ERP_SYNC_CLIENT_SECRET\": \"...\"}.");
            return ExitCodes.InvalidConfiguration;
        }

        SecretMasker.Shared.Add(secrets.Values);
        var context = GitHubContext.Read(name => name == GitHubContext.TokenVariable ? environment(TokenVariable) ?? environment(name) : environment(name));
        if (context.Problems(needsSha: false) is { Count: > 0 } problems)
        {
            log.Error($"No secret was written: {string.Join("; ", problems)}. Secrets need a token allowed to write them in {TokenVariable} (a GitHub App's or a fine-grained token's).");
            return ExitCodes.Failed;
        }

        var target = environmentName is null ? $"repository {context.Repository}" : $"environment '{environmentName}' of {context.Repository}";
        try
        {
            var client = clients(context);
            var api = new ApiConnection(client.Connection);
            var key = environmentName is null
                ? await client.Repository.Actions.Secrets.GetPublicKey(context.Owner, context.Name)
                : await api.Get<SecretsPublicKey>(EnvironmentSecrets(context, environmentName, "public-key"));
            foreach (var (name, value) in secrets)
            {
                var upsert = new UpsertRepositorySecret { KeyId = key.KeyId, EncryptedValue = Seal(value, key.Key) };
                if (environmentName is null)
                {
                    await client.Repository.Actions.Secrets.CreateOrUpdate(context.Owner, context.Name, name, upsert);
                }
                else
                {
                    await api.Put<object>(EnvironmentSecrets(context, environmentName, name), upsert);
                }
            }

            log.Info($"Wrote {string.Join(", ", secrets.Keys)} to the secrets of the {target}.");
            return ExitCodes.Ok;
        }
        catch (Exception exception) when (GitHubClients.IsApiFailure(exception))
        {
            log.Error($"GitHub refused the secrets of the {target} ({SecretMasker.Shared.Mask(GitHubClients.Describe(exception))}). {Remedy(exception, environmentName)}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>A sealed box for the target's Curve25519 public key, base64 as GitHub takes it.</summary>
    public static string Seal(string value, string publicKey) =>
        Convert.ToBase64String(SealedPublicKeyBox.Create(Encoding.UTF8.GetBytes(value), Convert.FromBase64String(publicKey)));

    private static Uri EnvironmentSecrets(GitHubContext context, string environmentName, string last) =>
        new($"repos/{context.Owner}/{context.Name}/environments/{Uri.EscapeDataString(environmentName)}/secrets/{Uri.EscapeDataString(last)}", UriKind.Relative);

    /// <summary>Which permission is missing, said the way GitHub's settings pages name it.</summary>
    private static string Remedy(Exception exception, string? environmentName) => exception switch
    {
        ForbiddenException or AuthorizationException when environmentName is null =>
            $"The token in {TokenVariable} needs the repository permission \"Secrets: Read and write\" (a GitHub App: secrets: write; a classic token: repo). The workflow's GITHUB_TOKEN can never write secrets.",
        ForbiddenException or AuthorizationException =>
            $"The token in {TokenVariable} needs the repository permissions \"Environments: Read and write\" and \"Secrets: Read\" (a GitHub App: environments: write). The workflow's GITHUB_TOKEN can never write secrets.",
        NotFoundException when environmentName is not null => $"Check that the environment '{environmentName}' exists in the repository, and that the token may see it.",
        NotFoundException => "Check GITHUB_REPOSITORY, and that the token may see the repository (a token that may not read it gets 404).",
        _ => "Run again; if it persists, check githubstatus.com.",
    };

    private static Dictionary<string, string>? Read(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                secrets[property.Name] = property.Value.GetString()!;
            }

            return secrets.Count > 0 ? secrets : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
