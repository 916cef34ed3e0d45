using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CreatioIdentity.Configuration;
using CreatioIdentity.Tracing;

namespace CreatioIdentity.Tests.Tracing;

/// <summary>
/// A server that answers whatever a test tells it, behind the trace handler: the fixture is itself
/// the primary HTTP handler, records what reached it, and reads back the HAR file the trace wrote.
/// Each fixture has a masker of its own, so that what one test teaches it stays in that test.
/// </summary>
internal sealed class TraceFixture : HttpMessageHandler
{
    private readonly string directory = Directory.CreateTempSubdirectory("creatio-identity-tests-").FullName;

    public TraceFixture()
    {
        Directory.CreateDirectory(directory);
        Trace = HttpTrace.Start(TracePath, runId: null, "connect", Masker);
    }

    public SecretMasker Masker { get; } = new();

    public HttpTrace Trace { get; }

    public string TracePath => Path.Combine(directory, "trace.har");

    public Func<HttpRequestMessage, HttpResponseMessage> Answer { get; set; } = _ => Json("{}");

    /// <summary>What reached the server: the request, its Content-Length header, its body.</summary>
    public List<(HttpRequestMessage Request, long? ContentLength, string? Body)> Received { get; } = [];

    public HttpClient Client() => new(WithInner(Trace.CreateHandler()), disposeHandler: false);

    /// <summary>Saves the trace and reads the file back: its text, and its entries as JSON.</summary>
    public (string Text, JsonArray Entries) Saved()
    {
        Trace.Save();
        var text = File.ReadAllText(TracePath);
        return (text, JsonNode.Parse(text)!["log"]!["entries"]!.AsArray());
    }

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK, params string[] cookies)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var cookie in cookies)
        {
            response.Headers.Add("Set-Cookie", cookie);
        }

        return response;
    }

    public static string Header(JsonNode message, string name) =>
        message["headers"]!.AsArray().Single(header => string.Equals((string?)header!["name"], name, StringComparison.OrdinalIgnoreCase))!["value"]!.GetValue<string>();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Received.Add((request, request.Content?.Headers.ContentLength, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
        return Answer(request);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        base.Dispose(disposing);
    }

    private DelegatingHandler WithInner(DelegatingHandler handler)
    {
        handler.InnerHandler = this;
        return handler;
    }
}
