using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CreatioIdentity.Tests.GitHub;

/// <summary>One request the stand-in received.</summary>
public sealed record GitHubRequest(string Method, string Path, string Query, string? Authorization, JsonNode? Body);

/// <summary>An issue as the stand-in keeps it.</summary>
public sealed class StandInIssue
{
    public required int Number { get; init; }

    public required string Title { get; set; }

    public string? Body { get; set; }

    public string State { get; set; } = "open";

    public string? StateReason { get; set; }

    public List<string> Labels { get; init; } = [];

    public List<string> Comments { get; } = [];

    public bool IsPullRequest { get; init; }
}

/// <summary>
/// A local stand-in for the part of GitHub's REST API that creatio-identity-github uses (check
/// runs, issues, issue comments, labels), on 127.0.0.1, answering as GitHub does (snake_case JSON,
/// Link headers for pages, "Resource not accessible by integration" when a permission is missing)
/// and recording every request. Octokit reaches it through GITHUB_API_URL.
/// </summary>
public sealed class GitHubStandIn : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly WebApplication app;
    private readonly ConcurrentQueue<GitHubRequest> requests = new();
    private readonly object gate = new();
    private readonly List<StandInIssue> issues = [];
    private readonly HashSet<string> labels = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> secrets = new(StringComparer.Ordinal);
    private readonly Sodium.KeyPair secretsKey = Sodium.PublicKeyBox.GenerateKeyPair();
    private const string SecretsKeyId = "568250167242549743";

    private GitHubStandIn(WebApplication app, string token)
    {
        this.app = app;
        Token = token;
    }

    /// <summary>The token a request must carry in its Authorization header, as GITHUB_TOKEN would be.</summary>
    public string Token { get; }

    public Uri ApiUrl { get; private set; } = null!;

    /// <summary>GitHub serves at most 100 per page; lower it to make the client page.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Answer check-run requests 403 "Resource not accessible by integration" (a job without checks: write).</summary>
    public bool ChecksForbidden { get; set; }

    /// <summary>Answer issue and label requests 403 "Resource not accessible by integration" (a job without issues: write).</summary>
    public bool IssuesForbidden { get; set; }

    /// <summary>Answer secret requests 403 "Resource not accessible by integration" (a token that may not write secrets).</summary>
    public bool SecretsForbidden { get; set; }

    /// <summary>The environments of the repository; secrets of any other answer 404.</summary>
    public HashSet<string> Environments { get; } = new(StringComparer.Ordinal) { "production" };

    /// <summary>
    /// The Actions secrets written, decrypted with the stand-in's private key: "name" for the repository's,
    /// "environment/name" for an environment's. A value that was not sealed for the stand-in's key cannot be read.
    /// </summary>
    public IReadOnlyDictionary<string, string> Secrets
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, string>(secrets, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Answer check-run requests with this server error instead.</summary>
    public int? CheckRunFailure { get; set; }

    public IReadOnlyList<GitHubRequest> Requests => [.. requests];

    public List<JsonNode> CheckRuns { get; } = [];

    public IReadOnlyList<StandInIssue> Issues
    {
        get
        {
            lock (gate)
            {
                return [.. issues];
            }
        }
    }

    public IReadOnlyCollection<string> Labels
    {
        get
        {
            lock (gate)
            {
                return [.. labels];
            }
        }
    }

    public static async Task<GitHubStandIn> StartAsync(string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var standIn = new GitHubStandIn(builder.Build(), token);
        standIn.Map();
        await standIn.app.StartAsync();
        standIn.ApiUrl = new Uri(standIn.app.Urls.Single().TrimEnd('/') + "/");
        return standIn;
    }

    public StandInIssue AddIssue(string title, string? body, string state = "open", bool pullRequest = false, params string[] issueLabels)
    {
        lock (gate)
        {
            var issue = new StandInIssue { Number = issues.Count + 1, Title = title, Body = body, State = state, Labels = [.. issueLabels], IsPullRequest = pullRequest };
            issues.Add(issue);
            foreach (var label in issueLabels)
            {
                labels.Add(label);
            }

            return issue;
        }
    }

    public void AddLabel(string name)
    {
        lock (gate)
        {
            labels.Add(name);
        }
    }

    public void ClearRequests() => requests.Clear();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private void Map()
    {
        app.Use(async (context, next) =>
        {
            JsonNode? body = null;
            if (context.Request.ContentLength is > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
            {
                body = await JsonNode.ParseAsync(context.Request.Body);
            }

            requests.Enqueue(new GitHubRequest(context.Request.Method, context.Request.Path.Value!, context.Request.QueryString.Value ?? string.Empty, context.Request.Headers.Authorization.ToString(), body));
            context.Items["body"] = body;
            // GitHub takes the token as "token X" or "Bearer X" (the scheme in any case, as HTTP has it).
            if (context.Request.Headers.Authorization.ToString().Split(' ', 2) is not [var scheme, var credentials] ||
                !(scheme.Equals("token", StringComparison.OrdinalIgnoreCase) || scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase)) ||
                credentials != Token)
            {
                await Answer(context, 401, new { message = "Bad credentials", documentation_url = "https://docs.github.com/rest" });
                return;
            }

            await next(context);
        });

        app.MapPost("/repos/{owner}/{repo}/check-runs", async context =>
        {
            if (ChecksForbidden)
            {
                await Forbidden(context);
                return;
            }

            if (CheckRunFailure is { } status)
            {
                await Answer(context, status, new { message = "Server Error" });
                return;
            }

            var request = Body(context);
            lock (gate)
            {
                CheckRuns.Add(request);
            }

            await Answer(context, 201, new
            {
                id = CheckRuns.Count,
                name = (string?)request["name"],
                head_sha = (string?)request["head_sha"],
                status = (string?)request["status"],
                conclusion = (string?)request["conclusion"],
                html_url = $"https://github.example.com/{Route(context, "owner")}/{Route(context, "repo")}/runs/{CheckRuns.Count}",
                output = request["output"],
            });
        });

        MapSecrets("/repos/{owner}/{repo}/actions/secrets", _ => string.Empty);
        MapSecrets("/repos/{owner}/{repo}/environments/{environment}/secrets", context => Route(context, "environment") + "/");

        app.MapGet("/repos/{owner}/{repo}/labels/{name}", async context =>
        {
            if (IssuesForbidden)
            {
                await Forbidden(context);
                return;
            }

            var name = Route(context, "name");
            bool known;
            lock (gate)
            {
                known = labels.Contains(name);
            }

            await (known ? Answer(context, 200, Label(name)) : Answer(context, 404, new { message = "Not Found" }));
        });

        app.MapPost("/repos/{owner}/{repo}/labels", async context =>
        {
            if (IssuesForbidden)
            {
                await Forbidden(context);
                return;
            }

            var name = (string)Body(context)["name"]!;
            lock (gate)
            {
                labels.Add(name);
            }

            await Answer(context, 201, Label(name));
        });

        app.MapGet("/repos/{owner}/{repo}/issues", async context =>
        {
            if (IssuesForbidden)
            {
                await Forbidden(context);
                return;
            }

            var query = context.Request.Query;
            var state = query["state"].ToString() is { Length: > 0 } s ? s : "open";
            var wanted = query["labels"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
            var ascending = query["direction"] == "asc";
            var perPage = Math.Min(int.TryParse(query["per_page"], out var p) ? p : 30, MaxPageSize);
            var page = int.TryParse(query["page"], out var n) ? n : 1;

            List<StandInIssue> matching;
            lock (gate)
            {
                matching = [.. issues.Where(i => state == "all" || i.State == state).Where(i => wanted.All(l => i.Labels.Contains(l, StringComparer.OrdinalIgnoreCase)))];
            }

            matching = ascending ? [.. matching.OrderBy(i => i.Number)] : [.. matching.OrderByDescending(i => i.Number)];
            var lastPage = Math.Max(1, (matching.Count + perPage - 1) / perPage);
            if (page < lastPage)
            {
                var next = QueryString.Create(query.Where(q => q.Key != "page").Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString())).Append(KeyValuePair.Create("page", (string?)(page + 1).ToString(CultureInfo.InvariantCulture))));
                context.Response.Headers.Link = $"<{ApiUrl.AbsoluteUri.TrimEnd('/')}{context.Request.Path}{next}>; rel=\"next\"";
            }

            await Answer(context, 200, matching.Skip((page - 1) * perPage).Take(perPage).Select(i => IssueJson(context, i)).ToList());
        });

        app.MapPost("/repos/{owner}/{repo}/issues", async context =>
        {
            if (IssuesForbidden)
            {
                await Forbidden(context);
                return;
            }

            var request = Body(context);
            var issue = AddIssue(
                (string)request["title"]!,
                (string?)request["body"],
                issueLabels: [.. request["labels"]?.AsArray().Select(l => (string)l!) ?? []]);
            await Answer(context, 201, IssueJson(context, issue));
        });

        app.MapMethods("/repos/{owner}/{repo}/issues/{number:int}", ["PATCH"], async context =>
        {
            if (IssuesForbidden)
            {
                await Forbidden(context);
                return;
            }

            var issue = Find(context);
            if (issue is null)
            {
                await Answer(context, 404, new { message = "Not Found" });
                return;
            }

            var request = Body(context);
            lock (gate)
            {
                issue.Title = (string?)request["title"] ?? issue.Title;
                issue.Body = request.AsObject().ContainsKey("body") ? (string?)request["body"] : issue.Body;
                issue.State = (string?)request["state"] ?? issue.State;
                issue.StateReason = (string?)request["state_reason"] ?? issue.StateReason;
            }

            await Answer(context, 200, IssueJson(context, issue));
        });

        app.MapPost("/repos/{owner}/{repo}/issues/{number:int}/comments", async context =>
        {
            if (IssuesForbidden)
            {
                await Forbidden(context);
                return;
            }

            var issue = Find(context);
            if (issue is null)
            {
                await Answer(context, 404, new { message = "Not Found" });
                return;
            }

            var text = (string)Body(context)["body"]!;
            lock (gate)
            {
                issue.Comments.Add(text);
            }

            await Answer(context, 201, new { id = issue.Comments.Count, body = text, created_at = Created, updated_at = Created, user = new { login = "github-actions[bot]" } });
        });
    }

    /// <summary>GitHub's secrets API: the public key to seal with, and PUT of a sealed value (201 created, 204 updated).</summary>
    private void MapSecrets(string root, Func<HttpContext, string> scope)
    {
        app.MapGet(root + "/public-key", async context =>
        {
            if (SecretsForbidden || !Known(context))
            {
                await (SecretsForbidden ? Forbidden(context) : Answer(context, 404, new { message = "Not Found" }));
                return;
            }

            await Answer(context, 200, new { key_id = SecretsKeyId, key = Convert.ToBase64String(secretsKey.PublicKey) });
        });

        app.MapPut(root + "/{name}", async context =>
        {
            if (SecretsForbidden || !Known(context))
            {
                await (SecretsForbidden ? Forbidden(context) : Answer(context, 404, new { message = "Not Found" }));
                return;
            }

            var request = Body(context);
            if ((string?)request["key_id"] != SecretsKeyId)
            {
                await Answer(context, 422, new { message = "Bad request: key_id is not the current key" });
                return;
            }

            var value = System.Text.Encoding.UTF8.GetString(Sodium.SealedPublicKeyBox.Open(Convert.FromBase64String((string)request["encrypted_value"]!), secretsKey));
            bool created;
            lock (gate)
            {
                created = secrets.TryAdd(scope(context) + Route(context, "name"), value);
                secrets[scope(context) + Route(context, "name")] = value;
            }

            context.Response.StatusCode = created ? 201 : 204;
        });

        // Octokit reads the secret back after writing it; GitHub never answers its value.
        app.MapGet(root + "/{name}", async context =>
        {
            bool known;
            lock (gate)
            {
                known = secrets.ContainsKey(scope(context) + Route(context, "name"));
            }

            await (known && !SecretsForbidden
                ? Answer(context, 200, new { name = Route(context, "name"), created_at = Created, updated_at = Created })
                : Answer(context, SecretsForbidden ? 403 : 404, new { message = SecretsForbidden ? "Resource not accessible by integration" : "Not Found" }));
        });
    }

    private bool Known(HttpContext context) =>
        context.Request.RouteValues["environment"] is not string environment || Environments.Contains(Uri.UnescapeDataString(environment));

    private StandInIssue? Find(HttpContext context)
    {
        var number = int.Parse(Route(context, "number"), CultureInfo.InvariantCulture);
        lock (gate)
        {
            return issues.FirstOrDefault(i => i.Number == number);
        }
    }

    private object IssueJson(HttpContext context, StandInIssue issue) => new
    {
        id = 1000 + issue.Number,
        number = issue.Number,
        title = issue.Title,
        body = issue.Body,
        state = issue.State,
        state_reason = issue.StateReason,
        labels = issue.Labels.Select(Label).ToList(),
        html_url = $"https://github.example.com/{Route(context, "owner")}/{Route(context, "repo")}/issues/{issue.Number}",
        user = new { login = "github-actions[bot]" },
        comments = issue.Comments.Count,
        created_at = Created,
        updated_at = Created,
        pull_request = issue.IsPullRequest ? new { url = $"{ApiUrl}repos/{Route(context, "owner")}/{Route(context, "repo")}/pulls/{issue.Number}" } : null,
    };

    private static object Label(string name) => new { id = Math.Abs(name.GetHashCode(StringComparison.Ordinal)), name, color = "b60205" };

    private static string Route(HttpContext context, string name) => Uri.UnescapeDataString((string)context.Request.RouteValues[name]!);

    private static JsonNode Body(HttpContext context) =>
        context.Items["body"] as JsonNode ?? throw new InvalidOperationException($"{context.Request.Method} {context.Request.Path} came without a JSON body.");

    private static Task Forbidden(HttpContext context) =>
        Answer(context, 403, new { message = "Resource not accessible by integration", documentation_url = "https://docs.github.com/rest", status = "403" });

    private static async Task Answer(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
