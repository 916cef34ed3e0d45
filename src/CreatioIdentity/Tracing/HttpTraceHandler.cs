using System.Diagnostics;

namespace CreatioIdentity.Tracing;

/// <summary>
/// Records each exchange that passes through it into an <see cref="HttpTrace"/>. It sits inside the
/// resilience handler, next to the primary handler, so that every attempt is an entry of its own: a
/// retried request shows as two, and an attempt that got no answer (a timeout, a dropped connection)
/// as status 0 with the reason.
/// </summary>
internal sealed class HttpTraceHandler(HttpTrace trace) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestBody = await ReadAsync(request.Content, cancellationToken);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.GetTimestamp();
        HttpResponseMessage? response = null;
        var wait = 0d;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
            wait = Stopwatch.GetElapsedTime(clock).TotalMilliseconds;

            // The answer is read here rather than by the caller, so that the trace can keep it; the
            // caller reads the same bytes from the buffer.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            var elapsed = Stopwatch.GetElapsedTime(clock).TotalMilliseconds;
            trace.Add(new TracedExchange(request, requestBody, started, response is null ? elapsed : wait, response is null ? 0 : elapsed - wait, response, null, exception));
            throw;
        }

        var receive = Stopwatch.GetElapsedTime(clock).TotalMilliseconds - wait;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        trace.Add(new TracedExchange(request, requestBody, started, wait, receive, response, body, null));
        return response;
    }

    /// <summary>
    /// A copy of the request's body, read without buffering the content itself, so that what goes on
    /// the wire (a Content-Length or chunks) is what it would be without a trace. A stream body can be
    /// read once only; it is left alone.
    /// </summary>
    private static async Task<byte[]?> ReadAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null or StreamContent)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }
}

/// <summary>One attempt as the handler saw it; <see cref="HarEntries"/> turns it into a redacted entry.</summary>
internal sealed record TracedExchange(
    HttpRequestMessage Request,
    byte[]? RequestBody,
    DateTimeOffset Started,
    double WaitMilliseconds,
    double ReceiveMilliseconds,
    HttpResponseMessage? Response,
    byte[]? ResponseBody,
    Exception? Failure);
