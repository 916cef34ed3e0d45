using System.Net.Http.Headers;
using System.Text;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Tracing;

/// <summary>Turns one traced attempt into a HAR entry, every part of it through the <see cref="TraceRedactor"/>.</summary>
internal sealed class HarEntries(TraceRedactor redactor)
{
    public HarEntry Create(TracedExchange exchange, string? environment, string? command)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var version = Version(exchange.Response?.Version ?? exchange.Request.Version);
        var timings = new HarTimings(0, Math.Round(exchange.WaitMilliseconds, 3), Math.Round(exchange.ReceiveMilliseconds, 3));
        return new HarEntry(
            exchange.Started,
            Math.Round(timings.Send + timings.Wait + timings.Receive, 3),
            Request(exchange.Request, exchange.RequestBody, version),
            exchange.Response is { } response ? Response(response, exchange.ResponseBody, version) : NoResponse,
            new HarCache(),
            timings,
            environment,
            command,
            exchange.Failure is { } failure ? Error(failure) : null);
    }

    /// <summary>An exchange that could not be recorded (a bug in the trace, not in the run): where it went, and why it is missing.</summary>
    public HarEntry Unrecordable(TracedExchange exchange, string? environment, string? command, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var where = redactor.Mask(exchange.Request.RequestUri?.GetLeftPart(UriPartial.Path) ?? string.Empty);
        var request = new HarRequest(exchange.Request.Method.Method, where, string.Empty, [], [], [], null, -1, -1);
        return new HarEntry(exchange.Started, 0, request, NoResponse, new HarCache(), new HarTimings(0, 0, 0), environment, command,
            $"The trace could not record this exchange ({exception.GetType().Name}); the run went on.");
    }

    private static HarResponse NoResponse { get; } = new(0, string.Empty, string.Empty, [], [], new HarContent(0, "x-unknown"), string.Empty, -1, -1);

    private HarRequest Request(HttpRequestMessage request, byte[]? body, string version)
    {
        var headers = Headers(request.Headers, request.Content?.Headers);
        var contentType = request.Content?.Headers.ContentType;
        HarPostData? postData = null;
        if (body is { Length: > 0 })
        {
            var decoded = Decode(body, contentType);
            var (text, comment) = redactor.Body(decoded, contentType?.MediaType);
            postData = new HarPostData(contentType?.ToString() ?? string.Empty, text, redactor.FormParams(decoded, contentType?.MediaType), comment);
        }
        else if (request.Content is StreamContent)
        {
            postData = new HarPostData(contentType?.ToString() ?? string.Empty, string.Empty, Comment: "A stream body; not recorded.");
        }

        var uri = request.RequestUri!;
        return new HarRequest(request.Method.Method, redactor.Url(uri), version, redactor.RequestCookies(headers), redactor.Headers(headers),
            redactor.Query(uri), postData, -1, body?.Length ?? -1);
    }

    private HarResponse Response(HttpResponseMessage response, byte[]? body, string version)
    {
        var headers = Headers(response.Headers, response.Content.Headers);
        var contentType = response.Content.Headers.ContentType;
        var mimeType = contentType?.ToString() ?? "x-unknown";
        var size = body?.Length ?? -1;
        var content = body is null
            ? new HarContent(-1, mimeType, Comment: "The body was not read: the exchange failed first.")
            : IsText(contentType?.MediaType)
                ? Content(size, mimeType, redactor.Body(Decode(body, contentType), contentType?.MediaType))
                : new HarContent(size, mimeType, Comment: $"A {contentType?.MediaType} body of {size} bytes; not kept.");
        var redacted = redactor.Headers(headers);
        var location = redacted.FirstOrDefault(header => header.Name.Equals("Location", StringComparison.OrdinalIgnoreCase))?.Value ?? string.Empty;
        return new HarResponse((int)response.StatusCode, redactor.Mask(response.ReasonPhrase), version, redactor.ResponseCookies(headers), redacted,
            content, location, -1, size);
    }

    private static HarContent Content(long size, string mimeType, (string Text, string? Comment) body) =>
        new(size, mimeType, body.Text, body.Comment);

    /// <summary>Why no (whole) answer came: the failure as the engine classifies it (Timeout, Dns, Tls, Connect...), then what .NET said.</summary>
    private string Error(Exception failure)
    {
        var kind = Failures.Classify(failure)?.ToString() ?? "Failed";
        return redactor.Mask($"{kind}: {failure.GetType().Name}: {Failures.Innermost(failure)}");
    }

    private static List<KeyValuePair<string, IEnumerable<string>>> Headers(HttpHeaders headers, HttpHeaders? contentHeaders) =>
        [.. headers, .. contentHeaders ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()];

    private static string Version(Version version) => $"HTTP/{version.Major}.{version.Minor}";

    private static bool IsText(string? mediaType) =>
        mediaType is null
        || mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("javascript", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body as text in its declared charset, UTF-8 when none is declared or it is unknown.</summary>
    private static string Decode(byte[] body, MediaTypeHeaderValue? contentType)
    {
        var encoding = Encoding.UTF8;
        try
        {
            if (contentType?.CharSet is { Length: > 0 } charSet)
            {
                encoding = Encoding.GetEncoding(charSet.Trim('"'));
            }
        }
        catch (ArgumentException)
        {
            // An unknown charset: UTF-8 shows most of it.
        }

        return encoding.GetString(body);
    }
}
