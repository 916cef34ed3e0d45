using System.Diagnostics;
using System.Text.Json;
using CreatioIdentity.Companions;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.OAuthApps;

/// <summary>
/// credentials.githubSecret: the engine is native AOT and Octokit is not, so the GitHub program
/// (<c>creatio-identity-github set-secrets</c>) writes the secrets. The values go to it on standard input, never
/// as arguments or environment variables (both can be read by other processes of the machine); it encrypts each
/// with the repository's (or environment's) public key and answers what GitHub said.
/// </summary>
public static class GitHubSecretsDelivery
{
    public const string Command = "set-secrets";
    /// <summary>A token allowed to write secrets (a GitHub App's or a fine-grained one); the workflow's GITHUB_TOKEN is not.</summary>
    public const string TokenVariable = Protocol.EngineVariables.GitHubSecretsToken;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static readonly string[] ForwardedVariables = [TokenVariable, "GITHUB_TOKEN", "GITHUB_REPOSITORY", "GITHUB_API_URL"];

    /// <summary>Null when both secrets were written; otherwise what went wrong, masked, with what to do.</summary>
    public static async Task<string?> DeliverAsync(GitHubSecretTarget target, IssuedCredentials credentials, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        if (Companion.GitHub.Locate() is not { } program)
        {
            return $"the GitHub program ({Companion.GitHub.DllName}) was not found: the installed tool carries it in its github/ folder (reinstall the tool); in a clone, build it with '{Companion.GitHub.BuildHint}'";
        }

        var start = Companion.StartInfo(program, [Command, .. target.Environment is null ? [] : new[] { "--environment", target.Environment }], environment);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;

        // The tokens never appear in what the engine prints, whatever the program says back.
        SecretMasker.Shared.Add(environment(TokenVariable), environment("GITHUB_TOKEN"));

        // The engine's own view of the job (a test gives its own): where the repository is and which token may write.
        foreach (var name in ForwardedVariables)
        {
            start.Environment[name] = environment(name);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started for the GitHub program.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.BaseStream.WriteAsync(Input(target, credentials), cancellationToken);
        process.StandardInput.Close();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return $"the GitHub program did not finish within {Timeout.TotalSeconds:0} s";
        }

        var said = SecretMasker.Shared.Mask($"{await output}{await errors}".Trim());
        return process.ExitCode == 0 ? null : said.Length == 0 ? $"the GitHub program ended with exit code {process.ExitCode}" : said;
    }

    /// <summary>{"NAME_CLIENT_ID": "...", "NAME_CLIENT_SECRET": "..."}: what set-secrets reads.</summary>
    private static byte[] Input(GitHubSecretTarget target, IssuedCredentials credentials)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString(target.ClientIdName, credentials.ClientId);
            json.WriteString(target.ClientSecretName, credentials.ClientSecret.Reveal());
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
