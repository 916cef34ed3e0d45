using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.OAuthApps;

/// <summary>
/// Hands new credentials to every destination the file names for the app, and to nothing else: the file, the
/// GitHub secrets, the following CI steps. Each destination is tried even when another fails, so that a secret
/// shown once reaches as many of them as it can.
/// </summary>
public static class CredentialsDelivery
{
    /// <summary>The problems, one per destination that failed; empty when every destination has the credentials.</summary>
    public static async Task<IReadOnlyList<string>> DeliverAsync(OAuthAppOptions app, IssuedCredentials credentials, Steps.StepContext context, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (app.Credentials.File is { } file)
        {
            try
            {
                CredentialsFile.Write(file, credentials);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{app.KeyPath}.credentials.file: {file} could not be written ({exception.Message})");
            }
        }

        if (app.Credentials.GitHubSecret is { } secret
            && await GitHubSecretsDelivery.DeliverAsync(secret, credentials, context.Environment, cancellationToken) is { } refused)
        {
            problems.Add($"{app.KeyPath}.credentials.githubSecret: {refused}");
        }

        if (app.Credentials.PipelineVariables is { } prefix)
        {
            context.HandOffs.Add(prefix + "_CLIENT_ID", credentials.ClientId);
            context.HandOffs.Add(prefix + "_CLIENT_SECRET", credentials.ClientSecret.Reveal());
        }

        return problems;
    }

    /// <summary>Where the file says the credentials go, for messages.</summary>
    public static string Describe(AppCredentials credentials) => string.Join(", ", new[]
    {
        credentials.File is null ? null : credentials.File,
        credentials.GitHubSecret is { } secret ? $"GitHub secrets {secret.ClientIdName}/{secret.ClientSecretName}{(secret.Environment is null ? string.Empty : $" of environment {secret.Environment}")}" : null,
        credentials.PipelineVariables is { } prefix ? $"pipeline variables {prefix}_CLIENT_ID/{prefix}_CLIENT_SECRET" : null,
    }.OfType<string>());
}
