using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CreatioIdentity.Configuration;
using CreatioIdentity.Tracing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace CreatioIdentity.Tests.Tracing;

/// <summary>
/// A recorded HAR trace played back as the servers it recorded: one loopback server per origin in
/// the trace (Creatio, the Identity Service), so that the real engine runs against it, every step
/// and HTTP client as in production. A request is answered by the recorded entry with the same
/// method, path and query, in recorded order per key; the last answer of a key stands for every
/// later request (a settled health check polled once more). Each recorded origin in a body or header
/// (the discovery document's token endpoint, a settings value) becomes its replay address. A
/// request nothing was recorded for gets 501 and is listed by <see cref="Unanswered"/>.
/// Redacted values do not matter: the session cookie <c>.ASPXAUTH=***</c> comes back as it went.
/// </summary>
public sealed class HarReplay : IAsyncDisposable
{
    private static readonly HashSet<string> NotReplayed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Transfer-Encoding", "Content-Encoding", "Connection", "Keep-Alive", "Date", "Server", "Content-Type",
    };

    private readonly List<WebApplication> servers = [];
    private readonly Dictionary<string, Uri> origins = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> served = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> unanswered = new();
    private readonly IReadOnlyList<RecordedExchange> entries;

    private HarReplay(IReadOnlyList<RecordedExchange> entries) => this.entries = entries;

    /// <summary>The recorded exchanges played, in file order.</summary>
    public IReadOnlyList<RecordedExchange> Entries => entries;

    /// <summary>Every request no recorded entry answered, as "METHOD path?query".</summary>
    public IReadOnlyList<string> Unanswered => [.. unanswered];

    /// <summary>Creatio's site root on the replay (from the recorded login), or null when the trace holds no login.</summary>
    public Uri? CreatioUrl => Root("ServiceModel/AuthService.svc/Login");

    /// <summary>The Identity Service's root on the replay (from the recorded discovery request), or null.</summary>
    public Uri? IdentityServiceUrl => Root(".well-known/openid-configuration");

    /// <summary>Plays the HAR file at <paramref name="path"/>; with <paramref name="environment"/>, only that environment's entries.</summary>
    public static Task<HarReplay> StartAsync(string path, string? environment = null) =>
        StartAsync(JsonNode.Parse(File.ReadAllText(path))!, environment);

    public static async Task<HarReplay> StartAsync(JsonNode har, string? environment = null)
    {
        ArgumentNullException.ThrowIfNull(har);
        var recorded = RecordedExchange.AllIn(har, environment);
        var replay = new HarReplay(recorded);
        foreach (var origin in recorded.Select(entry => entry.Origin).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await replay.ServeAsync(origin);
        }

        return replay;
    }

    /// <summary>Where a recorded URL is served now.</summary>
    public Uri UrlFor(string recordedUrl) => new(Rewrite(recordedUrl));

    /// <summary>Fails with the requests nothing was recorded for, and what the trace does answer.</summary>
    public void AssertEveryRequestAnswered() =>
        Assert.True(unanswered.IsEmpty, $"No recorded answer for:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", unanswered)}"
            + $"{Environment.NewLine}The trace answers:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", entries.Select(entry => entry.Key).Distinct())}");

    public async ValueTask DisposeAsync()
    {
        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }
    }

    private Uri? Root(string suffix) =>
        entries.FirstOrDefault(entry => entry.Url.AbsolutePath.EndsWith("/" + suffix, StringComparison.OrdinalIgnoreCase)) is { } entry
            ? UrlFor(entry.Url.GetLeftPart(UriPartial.Path)[..^suffix.Length])
            : null;

    private async Task ServeAsync(string origin)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(context => AnswerAsync(origin, context));
        await app.StartAsync();
        servers.Add(app);
        origins[origin] = new Uri(app.Urls.Single().TrimEnd('/'));
    }

    private async Task AnswerAsync(string origin, HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var key = RecordedExchange.KeyOf(context.Request.Method, new Uri(origins[origin], target));
        var candidates = entries.Where(entry => entry.Origin.Equals(origin, StringComparison.OrdinalIgnoreCase) && entry.Key == key).ToList();
        if (candidates.Count == 0)
        {
            unanswered.Enqueue(key);
            context.Response.StatusCode = StatusCodes.Status501NotImplemented;
            await context.Response.WriteAsync($"HarReplay: nothing was recorded for {key}.");
            return;
        }

        var turn = served.AddOrUpdate(origin + " " + key, 0, (_, count) => count + 1);
        var entry = candidates[Math.Min(turn, candidates.Count - 1)];
        if (entry.Status == 0)
        {
            // The recorded attempt got no answer (its _error says why): neither does this one.
            context.Abort();
            return;
        }

        await WriteAsync(entry, context.Response);
    }

    private async Task WriteAsync(RecordedExchange entry, HttpResponse response)
    {
        response.StatusCode = entry.Status;
        foreach (var (name, value) in entry.Headers.Where(header => !NotReplayed.Contains(header.Name)))
        {
            response.Headers.Append(name, name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase) ? ForLoopback(value) : Rewrite(value));
        }

        if (entry.MimeType is { } mimeType && mimeType != "x-unknown")
        {
            response.ContentType = mimeType;
        }

        if (entry.Text is { Length: > 0 } text && entry.Status is not (204 or 304))
        {
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(Rewrite(text)));
        }
    }

    /// <summary>A recorded origin in the text becomes its replay origin.</summary>
    private string Rewrite(string text)
    {
        foreach (var (recorded, replayed) in origins)
        {
            // Not inside a longer origin: http://127.0.0.1:5001 is no part of http://127.0.0.1:50012.
            text = Regex.Replace(text, Regex.Escape(recorded) + @"(?![\w.:-])", replayed.GetLeftPart(UriPartial.Authority), RegexOptions.IgnoreCase);
        }

        return text;
    }

    /// <summary>The replay is plain http on 127.0.0.1: a recorded Domain or Secure attribute would make the engine drop the cookie.</summary>
    private static string ForLoopback(string setCookie) =>
        string.Join("; ", setCookie.Split(';', StringSplitOptions.TrimEntries)
            .Where(part => !part.StartsWith("domain=", StringComparison.OrdinalIgnoreCase) && !part.Equals("secure", StringComparison.OrdinalIgnoreCase)));
}

/// <summary>One entry of a HAR file as the replay needs it; fields a hand-written file leaves out have defaults.</summary>
public sealed record RecordedExchange(
    string Method, Uri Url, string? RequestText, int Status, IReadOnlyList<(string Name, string Value)> Headers, string? MimeType, string? Text, string? Environment)
{
    public string Origin => Url.GetLeftPart(UriPartial.Authority);

    public string Key => KeyOf(Method, Url);

    /// <summary>Method, path and query; a secret query value is compared as the trace keeps it, redacted.</summary>
    public static string KeyOf(string method, Uri url) =>
        $"{method.ToUpperInvariant()} {new Uri(new TraceRedactor(new SecretMasker()).Url(url)).PathAndQuery}";

    public static IReadOnlyList<RecordedExchange> AllIn(JsonNode har, string? environment) =>
        [.. (har["log"]?["entries"]?.AsArray() ?? []).OfType<JsonNode>()
            .Where(entry => environment is null || (string?)entry["_environment"] == environment)
            .Select(From)];

    private static RecordedExchange From(JsonNode entry)
    {
        var request = entry["request"]!;
        var response = entry["response"];
        var headers = (response?["headers"]?.AsArray() ?? []).OfType<JsonNode>()
            .Select(header => ((string)header["name"]!, (string?)header["value"] ?? string.Empty)).ToList();
        return new RecordedExchange(
            (string?)request["method"] ?? "GET",
            new Uri((string)request["url"]!),
            (string?)request["postData"]?["text"],
            (int?)response?["status"] ?? 0,
            headers,
            (string?)response?["content"]?["mimeType"],
            (string?)response?["content"]?["text"],
            (string?)entry["_environment"]);
    }
}
