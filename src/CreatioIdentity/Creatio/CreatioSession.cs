using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CreatioIdentity.Configuration;

namespace CreatioIdentity.Creatio;

/// <summary>
/// One logged-in Creatio session: forms login, the session cookies (those Creatio sets later too),
/// the BPMCSRF header on every call, and the service prefix (/0 on .NET Framework), found once per
/// run from answers that need no session. Every Creatio client sends through here, so these rules
/// live once. Requests are built and sent by its <see cref="CreatioTransport"/>, which refuses a write
/// when <paramref name="access"/> says this run may not write.
/// </summary>
/// <param name="access">Whether this run may change Creatio: decided by the command, never by a step.</param>
public sealed class CreatioSession(HttpClient http, CreatioOptions options, SessionCache cache, CreatioAccess access)
{
    internal static readonly HttpRequestOptionsKey<bool> AnswersWith500 = new("CreatioIdentity.AnswersWith500");

    /// <summary>The attempt timeout of a request that may legitimately take longer than creatio.timeoutSeconds (the health check); it is not retried on a timeout.</summary>
    internal static readonly HttpRequestOptionsKey<TimeSpan> AttemptTimeout = new("CreatioIdentity.AttemptTimeout");

    private readonly CreatioTransport transport = new(http, options, access);
    private readonly ConcurrentQueue<string> warnings = new();
    private SessionCookies? cookies;
    private OAuthHealth? sharedHealth;
    private string? prefix = options.Runtime switch
    {
        CreatioRuntime.Net => RuntimeDetector.NetPrefix,
        CreatioRuntime.NetFramework => RuntimeDetector.NetFrameworkPrefix,
        _ => null,
    };

    public string Username => options.Username;

    /// <summary>Whether this run may change Creatio; a write it may not make is refused before it is sent.</summary>
    public CreatioAccess Access => access;

    private Uri Site => transport.Site;

    /// <summary>
    /// A green health answer that an earlier process of this run read, with nothing written to Creatio
    /// since (the processes of one Cake run share it as they share the login); null when there is none.
    /// </summary>
    public OAuthHealth? SharedHealth => cookies is null && !Restore() ? null : sharedHealth;

    /// <summary>Hands a health answer to the later processes of this run: a green one; null (or red) forgets it, as every write must.</summary>
    public void ShareHealth(OAuthHealth? health)
    {
        var shared = health is { IsConnected: true } ? health : null;
        if (shared != sharedHealth)
        {
            sharedHealth = shared;
            Remember();
        }
    }

    /// <summary>What the session noticed that the user should know (a password change recommended, a cookie skipped), once each.</summary>
    public IReadOnlyList<string> TakeWarnings()
    {
        var taken = new List<string>();
        while (warnings.TryDequeue(out var warning))
        {
            taken.Add(warning);
        }

        return taken;
    }

    /// <summary>Logs in with the configured user, always afresh, and keeps the session for later steps.</summary>
    public async Task LoginAsync(CancellationToken cancellationToken)
    {
        var login = CreatioRoutes.Login;
        using var request = transport.Request(login, string.Empty,
            JsonSerializer.SerializeToUtf8Bytes(new LoginRequest(options.Username, options.Password.Reveal()), CreatioJsonContext.Default.LoginRequest));
        request.Headers.Add("ForceUseSession", "true");

        using var response = await transport.SendAsync(request, login, cancellationToken);
        var answer = await CreatioTransport.ReadAsync(login, response, cancellationToken);
        if (answer.StatusCode == (int)HttpStatusCode.NotFound)
        {
            throw new CreatioException(CreatioFailure.NotFound,
                $"Creatio's login service was not found at {request.RequestUri}: creatio.url must be the site root (the address of the login page without /Login/NuiLogin.aspx).");
        }

        if (answer.IsHtml && answer.StatusCode is not (401 or 403))
        {
            throw new CreatioException(CreatioFailure.Authentication,
                $"Creatio answered the login with an HTML page (HTTP {answer.StatusCode}) instead of JSON: check that creatio.url is the site root and that forms authentication is enabled.");
        }

        var jar = new SessionCookies(Site);
        var noticed = new List<string>();
        jar.Take(response, request.RequestUri!, noticed);
        var warning = LoginAnswer.Judge(answer, options.Username, jar.HasSession);
        cookies = jar;
        foreach (var note in noticed.Append(warning).OfType<string>())
        {
            warnings.Enqueue(note);
        }

        Remember();
    }

    /// <summary>Ends the session in Creatio, so that it does not outlive the job. Best effort: a failure here changes no verdict.</summary>
    public async Task LogoutAsync(CancellationToken cancellationToken)
    {
        if (cookies is null && !Restore())
        {
            return;
        }

        try
        {
            _ = await SendOnceAsync(CreatioRoutes.Logout, string.Empty, "{}"u8.ToArray(), cancellationToken);
        }
        catch (Exception exception) when (exception is CreatioException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The session ends by itself on Creatio's session timeout.
        }

        cookies = null;
    }

    /// <summary>Sends one service call. Logs in first if needed, and once more if the session has expired.</summary>
    public Task<CreatioResponse> SendAsync<TBody>(CreatioRoute route, TBody body, JsonTypeInfo<TBody> bodyType, CancellationToken cancellationToken) =>
        SendAsync(route, JsonSerializer.SerializeToUtf8Bytes(body, bodyType), cancellationToken);

    /// <summary>Sends a call without a body (GET), or with an empty JSON object (POST).</summary>
    public Task<CreatioResponse> SendAsync(CreatioRoute route, CancellationToken cancellationToken) =>
        SendAsync(route, route.Method == HttpMethod.Get ? null : "{}"u8.ToArray(), cancellationToken);

    /// <summary>Sends a call whose JSON body is already serialized.</summary>
    /// <exception cref="CreatioWriteRefusedException">A write in a run that may not write: nothing is sent, not even a login.</exception>
    public async Task<CreatioResponse> SendAsync(CreatioRoute route, byte[]? body, CancellationToken cancellationToken)
    {
        access.Admit(route);
        if (cookies is null && !Restore())
        {
            await LoginAsync(cancellationToken);
        }

        var servicePrefix = await PrefixAsync(cancellationToken);
        var answer = await SendOnceAsync(route, servicePrefix, body, cancellationToken);
        if (SessionAnswers.IsSessionRejected(answer))
        {
            // An expired or foreign session: one new login, then the request once more.
            await LoginAsync(cancellationToken);
            answer = await SendOnceAsync(route, servicePrefix, body, cancellationToken);
        }

        return SessionAnswers.Judged(answer, Site, servicePrefix, options);
    }

    /// <summary>
    /// One read as an integrated application: no session cookies, the app's access token as <c>Authorization: Bearer</c>
    /// (SPEC 4b; clio verify-oauth-app). Never logs in and never retries with a session: the answer is the verdict.
    /// </summary>
    public async Task<CreatioResponse> SendWithBearerAsync(CreatioRoute route, byte[] body, Secret accessToken, CancellationToken cancellationToken)
    {
        access.Admit(route);
        using var request = transport.Request(route, route.AtSiteRoot ? string.Empty : await PrefixAsync(cancellationToken), body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken.Reveal());
        using var response = await transport.SendAsync(request, route, cancellationToken);
        return await CreatioTransport.ReadAsync(route, response, cancellationToken);
    }

    /// <summary>The service prefix: configured, remembered for this run, or found from answers that need no session.</summary>
    private async Task<string> PrefixAsync(CancellationToken cancellationToken)
    {
        if (prefix is not null)
        {
            return prefix;
        }

        prefix = await new RuntimeDetector(Site, transport.SendAsync).DetectAsync(cancellationToken)
            ?? throw new CreatioException(CreatioFailure.UnexpectedAnswer,
                $"creatio.runtime is auto, and {Site} does not say whether it runs on .NET or .NET Framework (its anonymous HealthCheck/Ping and login pages answer alike under / and /0/). "
                + "Write 'runtime: net' or 'runtime: netframework' under creatio: (.NET Framework sites serve Creatio under /0/).");
        Remember();
        return prefix;
    }

    private async Task<CreatioResponse> SendOnceAsync(CreatioRoute route, string servicePrefix, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = transport.Request(route, servicePrefix, body);
        var uri = request.RequestUri!;
        var jar = cookies!;
        var cookieHeader = jar.Header(uri);
        if (cookieHeader.Length > 0)
        {
            request.Headers.Add("Cookie", cookieHeader);
        }

        if (jar.Csrf is { } csrf)
        {
            request.Headers.Add("BPMCSRF", csrf);
        }

        using var response = await transport.SendAsync(request, route, cancellationToken);
        var noticed = new List<string>();
        if (jar.Take(response, uri, noticed))
        {
            Remember();
        }

        foreach (var note in noticed)
        {
            warnings.Enqueue(note);
        }

        return await CreatioTransport.ReadAsync(route, response, cancellationToken);
    }

    private bool Restore()
    {
        var snapshot = cache.Load(Site, options.Username);
        if (snapshot is null)
        {
            return false;
        }

        cookies = SessionCookies.From(Site, snapshot.Cookies);
        prefix ??= snapshot.Prefix;
        sharedHealth = snapshot.Health;
        return true;
    }

    private void Remember()
    {
        if (cookies is not null && cache.IsEnabled)
        {
            cache.Save(Site, new SessionSnapshot(Site.AbsoluteUri, options.Username, prefix, cookies.All()) { Health = sharedHealth });
        }
    }
}
