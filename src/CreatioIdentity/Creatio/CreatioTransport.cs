using System.Net.Http.Headers;
using CreatioIdentity.Configuration;
using CreatioIdentity.Http;

namespace CreatioIdentity.Creatio;

/// <summary>
/// The wire under the session, and the one gate to it: every request to Creatio is built and sent here.
/// A request gets its route's address (site root or service prefix), a JSON body with its length known,
/// the tool's headers and the retry and timeout options the resilience pipeline reads. A transport failure
/// becomes a <see cref="CreatioException"/> that says what to do. Logins and cookies are the session's.
/// </summary>
internal sealed class CreatioTransport(HttpClient http, CreatioOptions options, CreatioAccess access)
{
    public Uri Site { get; } = options.Url.AbsoluteUri.EndsWith('/') ? options.Url : new Uri(options.Url.AbsoluteUri + "/");

    /// <summary>A request for <paramref name="route"/>: with a body when one is given, under <paramref name="servicePrefix"/> unless the route lives at the site root.</summary>
    public HttpRequestMessage Request(CreatioRoute route, string servicePrefix, byte[]? body)
    {
        var request = new HttpRequestMessage(route.Method, new Uri(Site, route.AtSiteRoot ? route.Path : servicePrefix + route.Path));
        if (body is not null)
        {
            request.Content = Json(body);
        }

        ProductHeaders.Apply(request.Headers);
        request.Options.Set(RetryOptions.Retryable, route.IsIdempotent);
        request.Options.Set(CreatioSession.AnswersWith500, route.AnswersWith500);
        if (TimeoutOf(route) != options.Timeout)
        {
            request.Options.Set(CreatioSession.AttemptTimeout, TimeoutOf(route));
        }

        return request;
    }

    /// <summary>Sends a request as it is; a write in a read-only run never gets past the first line.</summary>
    /// <exception cref="CreatioWriteRefusedException">The route writes and this run may not.</exception>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CreatioRoute route, CancellationToken cancellationToken)
    {
        access.Admit(route);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && Failures.ForCreatio(exception, request.RequestUri!, route, TimeoutOf(route)) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>The answer, read whole.</summary>
    public static async Task<CreatioResponse> ReadAsync(CreatioRoute route, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new CreatioResponse(route, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response.Headers.Location);
    }

    /// <summary>
    /// The health check makes Creatio call the Identity Service, so it may take as long as Creatio's own
    /// HTTP timeout (SPEC §4): it has its own, longer attempt timeout; every other call has creatio.timeoutSeconds.
    /// </summary>
    private TimeSpan TimeoutOf(CreatioRoute route) => route == CreatioRoutes.OAuthHealthCheck ? options.HealthCheckTimeout : options.Timeout;

    /// <summary>A JSON body with its length known: Creatio's reference clients never send a chunked body, and some proxies refuse one.</summary>
    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        content.Headers.ContentLength = body.Length;
        return content;
    }
}
