using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CreatioIdentity.Configuration;

namespace CreatioIdentity.Creatio;

/// <summary>
/// One logged-in Creatio session: forms login, the session cookies, the BPMCSRF header on every
/// call, and the service prefix (/0 on .NET Framework) found by trying and remembered. Every
/// Creatio client sends through here, so these rules live once.
/// </summary>
public sealed class CreatioSession(HttpClient http, CreatioOptions options, SessionCache cache)
{
    internal static readonly HttpRequestOptionsKey<bool> Retryable = new("CreatioIdentity.Retryable");
    internal static readonly HttpRequestOptionsKey<bool> AnswersWith500 = new("CreatioIdentity.AnswersWith500");

    private const string NetPrefix = "";
    private const string NetFrameworkPrefix = "0/";

    private CookieContainer? cookies;
    private string? prefix = options.Runtime switch
    {
        CreatioRuntime.Net => NetPrefix,
        CreatioRuntime.NetFramework => NetFrameworkPrefix,
        _ => null,
    };

    private Uri Site { get; } = options.Url.AbsoluteUri.EndsWith('/') ? options.Url : new Uri(options.Url.AbsoluteUri + "/");

    /// <summary>Logs in with the configured user, always afresh, and keeps the session for later steps.</summary>
    public async Task LoginAsync(CancellationToken cancellationToken)
    {
        var login = CreatioRoutes.Login;
        using var request = new HttpRequestMessage(login.Method, new Uri(Site, login.Path))
        {
            Content = JsonContent.Create(new LoginRequest(options.Username, options.Password.Reveal()), CreatioJsonContext.Default.LoginRequest),
        };
        request.Headers.Add("ForceUseSession", "true");
        request.Options.Set(Retryable, true);

        using var response = await SendRawAsync(request, login, cancellationToken);
        var answer = await ReadAsync(login, response, cancellationToken);
        if (answer.StatusCode == (int)HttpStatusCode.NotFound)
        {
            throw new CreatioException(CreatioFailure.NotFound,
                $"Creatio's login service was not found at {request.RequestUri}: creatio.url must be the site root (the address of the login page without /Login/NuiLogin.aspx).");
        }

        if (answer.IsHtml)
        {
            throw new CreatioException(CreatioFailure.Authentication,
                $"Creatio answered the login with an HTML page (HTTP {answer.StatusCode}) instead of JSON: check that creatio.url is the site root and that forms authentication is enabled.");
        }

        if (!answer.IsSuccess)
        {
            throw new CreatioException(CreatioFailure.HttpStatus,
                $"Creatio refused the login with HTTP {answer.StatusCode}: {answer.Excerpt()}.");
        }

        var result = answer.Json();
        var code = result.TryGet("Code", out var codeElement) && codeElement.ValueKind == JsonValueKind.Number ? codeElement.GetInt32() : (int?)null;
        if (code is null)
        {
            throw answer.NotUnderstood("no \"Code\" in the login answer");
        }

        if (code != 0)
        {
            // The code, never the answer's Message: the request carried the password (CreatioRoute.CarriesSecret).
            throw new CreatioException(CreatioFailure.Authentication,
                $"Creatio rejected the login of user '{options.Username}' (Code {code}). "
                + "Check creatio.username and creatio.password, and that the user is not locked or required to change the password.");
        }

        var jar = new CookieContainer();
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                jar.SetCookies(Site, header);
            }
        }

        if (jar.GetCookies(Site)[".ASPXAUTH"] is null)
        {
            throw new CreatioException(CreatioFailure.Authentication,
                "Creatio accepted the login but set no .ASPXAUTH session cookie: a proxy in between may strip cookies.");
        }

        cookies = jar;
        Remember();
    }

    /// <summary>Sends one service call. Logs in first if needed, and once more if the session has expired.</summary>
    public Task<CreatioResponse> SendAsync<TBody>(CreatioRoute route, TBody body, JsonTypeInfo<TBody> bodyType, CancellationToken cancellationToken) =>
        SendAsync(route, JsonSerializer.SerializeToUtf8Bytes(body, bodyType), cancellationToken);

    /// <summary>Sends a call without a body (GET), or with an empty JSON object (POST).</summary>
    public Task<CreatioResponse> SendAsync(CreatioRoute route, CancellationToken cancellationToken) =>
        SendAsync(route, route.Method == HttpMethod.Get ? null : "{}"u8.ToArray(), cancellationToken);

    private async Task<CreatioResponse> SendAsync(CreatioRoute route, byte[]? body, CancellationToken cancellationToken)
    {
        if (cookies is null && !Restore())
        {
            await LoginAsync(cancellationToken);
        }

        var answer = await SendWithPrefixAsync(route, body, cancellationToken);
        if (IsSessionRejected(answer))
        {
            // An expired or foreign session: one new login, then the request once more.
            await LoginAsync(cancellationToken);
            answer = await SendWithPrefixAsync(route, body, cancellationToken);
        }

        if (answer.StatusCode == (int)HttpStatusCode.Forbidden)
        {
            throw new CreatioException(CreatioFailure.Csrf,
                $"Creatio refused {route} with HTTP 403 after a fresh login: the BPMCSRF token was rejected, or user '{options.Username}' lacks the rights for it (a system administrator is needed).");
        }

        if (IsSessionRejected(answer))
        {
            throw new CreatioException(CreatioFailure.Authentication,
                $"Creatio did not accept the session for {route} (HTTP {answer.StatusCode}{(answer.IsHtml ? ", a login page" : string.Empty)}) even after a fresh login: check that the user may use the web services.");
        }

        if (answer.StatusCode == (int)HttpStatusCode.NotFound)
        {
            throw new CreatioException(CreatioFailure.NotFound,
                $"Creatio has no {route} (HTTP 404 at {Site}{prefix}{route.Path}): this Creatio version may not have it, or creatio.runtime is wrong.");
        }

        return answer;
    }

    private async Task<CreatioResponse> SendWithPrefixAsync(CreatioRoute route, byte[]? body, CancellationToken cancellationToken)
    {
        if (prefix is not null)
        {
            return await SendOnceAsync(route, prefix, body, cancellationToken);
        }

        // runtime: auto. Try .NET first, then .NET Framework's /0; keep the one that answers.
        var first = await SendOnceAsync(route, NetPrefix, body, cancellationToken);
        if (!LooksAbsent(first))
        {
            prefix = NetPrefix;
            Remember();
            return first;
        }

        var second = await SendOnceAsync(route, NetFrameworkPrefix, body, cancellationToken);
        if (!LooksAbsent(second))
        {
            prefix = NetFrameworkPrefix;
            Remember();
            return second;
        }

        return first;
    }

    private async Task<CreatioResponse> SendOnceAsync(CreatioRoute route, string servicePrefix, byte[]? body, CancellationToken cancellationToken)
    {
        var uri = new Uri(Site, route.AtSiteRoot ? route.Path : servicePrefix + route.Path);
        using var request = new HttpRequestMessage(route.Method, uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        request.Options.Set(Retryable, route.IsIdempotent);
        request.Options.Set(AnswersWith500, route.AnswersWith500);
        var jar = cookies!;
        var cookieHeader = jar.GetCookieHeader(uri);
        if (cookieHeader.Length > 0)
        {
            request.Headers.Add("Cookie", cookieHeader);
        }

        var csrf = jar.GetCookies(Site)["BPMCSRF"]?.Value;
        if (csrf is not null)
        {
            request.Headers.Add("BPMCSRF", csrf);
        }

        using var response = await SendRawAsync(request, route, cancellationToken);
        return await ReadAsync(route, response, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CreatioRoute route, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && Classify(exception, request.RequestUri!, route) is { } failure)
        {
            throw failure;
        }
    }

    private static async Task<CreatioResponse> ReadAsync(CreatioRoute route, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new CreatioResponse(route, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    private static bool IsSessionRejected(CreatioResponse answer) =>
        answer.StatusCode is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.Redirect or (int)HttpStatusCode.Found
        || (answer.IsSuccess && answer.IsHtml);

    private static bool LooksAbsent(CreatioResponse answer) =>
        answer.StatusCode == (int)HttpStatusCode.NotFound || (answer.IsHtml && answer.StatusCode != (int)HttpStatusCode.InternalServerError);

    private bool Restore()
    {
        var snapshot = cache.Load(Site, options.Username);
        if (snapshot is null)
        {
            return false;
        }

        var jar = new CookieContainer();
        foreach (var cookie in snapshot.Cookies)
        {
            jar.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        cookies = jar;
        prefix ??= snapshot.Prefix;
        return true;
    }

    private void Remember()
    {
        if (cookies is null || !cache.IsEnabled)
        {
            return;
        }

        var list = cookies.GetAllCookies().Select(cookie => new SessionCookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain)).ToList();
        cache.Save(Site, new SessionSnapshot(Site.AbsoluteUri, options.Username, prefix, list));
    }

    private CreatioException? Classify(Exception exception, Uri uri, CreatioRoute route)
    {
        var where = $"{uri.Scheme}://{uri.Authority}";
        var sent = route.IsWrite ? $" Creatio may or may not have applied {route}: run again, every step reads the state first and writes only what differs." : string.Empty;
        return Failures.Classify(exception) switch
        {
            CreatioFailure.Timeout => new CreatioException(CreatioFailure.Timeout,
                $"Creatio at {where} did not answer {route} within {options.Timeout.TotalSeconds:0} s{(route.IsIdempotent ? ", retries included" : string.Empty)}: check that the site is up, or raise creatio.timeoutSeconds.{sent}", exception),
            CreatioFailure.Dns => new CreatioException(CreatioFailure.Dns,
                $"The host of Creatio, {uri.Host}, could not be resolved (DNS): check creatio.url and the runner's DNS.", exception),
            CreatioFailure.Tls => new CreatioException(CreatioFailure.Tls,
                $"The TLS handshake with Creatio at {where} failed ({Failures.Innermost(exception)}): trust its certificate authority with creatio.tls.caCertificate.", exception),
            CreatioFailure.Connect => new CreatioException(CreatioFailure.Connect,
                $"Creatio at {where} could not be reached ({Failures.WhyUnreachable(exception, options.Timeout)}): check creatio.url, that the site is up, the network and any proxy (HTTPS_PROXY, NO_PROXY).", exception),
            CreatioFailure.ConnectionLost => new CreatioException(CreatioFailure.ConnectionLost,
                $"The connection to Creatio at {where} was dropped before {route} was answered ({Failures.Innermost(exception)}): a proxy or load balancer in between may cut connections; check that the site is up.{sent}", exception),
            _ => null,
        };
    }
}
