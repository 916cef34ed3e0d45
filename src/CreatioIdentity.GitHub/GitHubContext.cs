using System.Text.Json;

namespace CreatioIdentity.GitHub;

/// <summary>
/// Where to report, as a GitHub Actions job describes it in its environment variables: the
/// repository, the commit, the API (GITHUB_API_URL points at GitHub Enterprise Server, or at a
/// stand-in in tests) and the token. Nothing here is printed except the names of what is missing.
/// </summary>
public sealed class GitHubContext
{
    public const string TokenVariable = "GITHUB_TOKEN";
    public const string RepositoryVariable = "GITHUB_REPOSITORY";
    public const string ShaVariable = "GITHUB_SHA";
    public const string EventPathVariable = "GITHUB_EVENT_PATH";
    public const string ApiUrlVariable = "GITHUB_API_URL";
    public const string ServerUrlVariable = "GITHUB_SERVER_URL";
    public const string RunIdVariable = "GITHUB_RUN_ID";

    private const string DefaultApiUrl = "https://api.github.com/";

    private GitHubContext(Func<string, string?> environment)
    {
        Token = Value(environment, TokenVariable);
        Repository = Value(environment, RepositoryVariable);
        Sha = HeadShaOfPullRequest(Value(environment, EventPathVariable)) ?? Value(environment, ShaVariable);
        ApiUrl = WithTrailingSlash(Value(environment, ApiUrlVariable) ?? DefaultApiUrl);
        RunUrl = Value(environment, ServerUrlVariable) is { } server && Repository is not null && Value(environment, RunIdVariable) is { } runId
            ? $"{server.TrimEnd('/')}/{Repository}/actions/runs/{runId}"
            : null;
    }

    public string? Token { get; }

    /// <summary>owner/name.</summary>
    public string? Repository { get; }

    /// <summary>The commit to report on: a pull request's head, else GITHUB_SHA.</summary>
    public string? Sha { get; }

    public string ApiUrl { get; }

    /// <summary>The link to this workflow run, when the job says which one it is.</summary>
    public string? RunUrl { get; }

    public string Owner => Repository!.Split('/')[0];

    public string Name => Repository!.Split('/')[1];

    public static GitHubContext Read(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new GitHubContext(environment);
    }

    /// <summary>What is missing or wrong for a call to GitHub, said with the variable names; empty when nothing is.</summary>
    public IReadOnlyList<string> Problems(bool needsSha)
    {
        var problems = new List<string>();
        if (Token is null)
        {
            problems.Add($"{TokenVariable} is not set (pass it with env: {TokenVariable}: ${{{{ secrets.GITHUB_TOKEN }}}})");
        }

        if (Repository is null)
        {
            problems.Add($"{RepositoryVariable} is not set (owner/name; GitHub Actions sets it)");
        }
        else if (Repository.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            problems.Add($"{RepositoryVariable} is '{Repository}', not owner/name");
        }

        if (needsSha && Sha is null)
        {
            problems.Add($"{ShaVariable} is not set (the commit to put the check run on; GitHub Actions sets it)");
        }

        if (!Uri.TryCreate(ApiUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{ApiUrlVariable} is '{ApiUrl}', not an http(s) URL");
        }
        else if (api.Scheme == Uri.UriSchemeHttp && !api.IsLoopback)
        {
            // The token goes with every request: over plain http anyone on the path could take it.
            problems.Add($"{ApiUrlVariable} is plain http to {api.Host} ({api.GetLeftPart(UriPartial.Authority)}), so {TokenVariable} would cross the network unencrypted; use the https address of the GitHub API (plain http is accepted on this machine's loopback only)");
        }

        return problems;
    }

    private static string? Value(Func<string, string?> environment, string name) =>
        environment(name) is { Length: > 0 } value ? value.Trim() : null;

    // Octokit resolves "repos/..." against the base address: without the slash
    // https://ghes.example.com/api/v3 would lose its last segment.
    private static string WithTrailingSlash(string url) => url.EndsWith('/') ? url : url + "/";

    // On pull_request events GITHUB_SHA is the merge commit GitHub made; the check belongs on the
    // head commit that the pull request page shows.
    private static string? HeadShaOfPullRequest(string? eventPath)
    {
        if (eventPath is null || !File.Exists(eventPath))
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(File.ReadAllText(eventPath));
            return payload.RootElement.ValueKind == JsonValueKind.Object &&
                   payload.RootElement.TryGetProperty("pull_request", out var pullRequest) && pullRequest.ValueKind == JsonValueKind.Object &&
                   pullRequest.TryGetProperty("head", out var head) && head.ValueKind == JsonValueKind.Object &&
                   head.TryGetProperty("sha", out var sha) && sha.ValueKind == JsonValueKind.String &&
                   sha.GetString() is { Length: > 0 } value
                ? value
                : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null; // Unreadable payload: GITHUB_SHA stands.
        }
    }
}
