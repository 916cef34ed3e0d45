using Octokit;
using Octokit.Internal;

namespace CreatioIdentity.GitHub;

/// <summary>The Octokit client for a job: its API URL as given, its token, a bounded timeout.</summary>
public static class GitHubClients
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static IGitHubClient Create(GitHubContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Connection takes the base address as given. GitHubClient's own Uri overload would append
        // /api/v3/ to any host but github.com, which is wrong for GITHUB_API_URL (it already is the
        // API root, on GitHub Enterprise Server and on ghe.com alike).
        var connection = new Connection(
            new ProductHeaderValue("creatio-identity-github"),
            new Uri(context.ApiUrl),
            new InMemoryCredentialStore(new Credentials(context.Token)));
        var client = new GitHubClient(connection);
        client.SetRequestTimeout(RequestTimeout);
        return client;
    }

    /// <summary>"GitHub answered 403 Resource not accessible by integration", or what went wrong on the way to GitHub.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        ApiException api => $"GitHub answered {(int)api.StatusCode} {api.Message}".TrimEnd(),
        HttpRequestException http => $"the GitHub API could not be reached ({http.Message})",
        TaskCanceledException => $"the GitHub API did not answer within {RequestTimeout.TotalSeconds:0} s",
        _ => exception.Message,
    };

    /// <summary>Whether the exception is GitHub (or the way to it) failing, as opposed to a bug here.</summary>
    public static bool IsApiFailure(Exception exception) =>
        exception is ApiException or HttpRequestException or TaskCanceledException;

    /// <summary>GitHub's answer when the job's token lacks a permission (GITHUB_TOKEN of a job without it, or of a fork).</summary>
    public static bool IsMissingPermission(Exception exception) =>
        exception is ForbiddenException forbidden &&
        forbidden.Message.Contains("Resource not accessible by integration", StringComparison.OrdinalIgnoreCase);
}
