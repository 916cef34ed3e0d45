namespace CreatioIdentity.Sandbox.Creatio.Auth;

/// <summary>AuthService.svc: Login and Logout, at the site root on both runtimes.</summary>
internal static class AuthEndpoints
{
    public static async Task<IResult> LoginAsync(HttpContext context, CreatioState state, SandboxOptions options, Messages messages)
    {
        state.Log.CountLogin();
        if (options.LoginStatus == StatusCodes.Status401Unauthorized)
        {
            return CreatioJson.Answer(LoginResponse.Refused(messages.InvalidUserNameOrPassword), options.LoginStatus);
        }

        if (options.LoginStatus == StatusCodes.Status403Forbidden)
        {
            return CreatioJson.Answer(LoginResponse.Refused(messages.AccessDenied), options.LoginStatus);
        }

        var body = await CreatioJson.ReadBodyAsync(context.Request);
        if (!string.Equals(body.Property("UserName").AsText(), options.CreatioUsername, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(body.Property("UserPassword").AsText(), options.CreatioPassword, StringComparison.Ordinal))
        {
            return CreatioJson.Answer(LoginResponse.For(1, messages, options.Runtime));
        }

        if (LoginResponse.OpensSession(options.LoginCode))
        {
            OpenSession(context.Response, state.Sessions.Create(options.CreatioUsername), options.MalformedSetCookie);
        }

        return CreatioJson.Answer(LoginResponse.For(options.LoginCode, messages, options.Runtime));
    }

    /// <summary>Ends the session and drops its cookies; HTTP 200 with no body, as a void WCF operation answers (assumed).</summary>
    public static IResult Logout(HttpContext context, CreatioState state)
    {
        state.Sessions.End(context.Request.Cookies[CreatioCookies.Session]);
        foreach (var name in new[] { CreatioCookies.Session, CreatioCookies.Csrf, CreatioCookies.SessionId, CreatioCookies.UserName })
        {
            context.Response.Cookies.Delete(name, new CookieOptions { Path = "/" });
        }

        return Results.Ok();
    }

    /// <summary>On .NET Framework the login service under <c>/0/</c> exists but refuses (SPEC section 4).</summary>
    public static IResult LoginUnderPrefix() =>
        CreatioJson.Answer(new { Message = ExpiredSession.AuthenticationFailed }, StatusCodes.Status401Unauthorized);

    private static void OpenSession(HttpResponse response, CreatioSession session, bool malformedCookie)
    {
        var cookies = response.Cookies;
        cookies.Append(CreatioCookies.Session, session.Id, new CookieOptions { Path = "/", HttpOnly = true });
        cookies.Append(CreatioCookies.Csrf, session.Csrf, new CookieOptions { Path = "/" });
        cookies.Append(CreatioCookies.Loader, SessionStore.RandomToken(16), new CookieOptions { Path = "/", HttpOnly = true });
        cookies.Append(CreatioCookies.UserName, session.UserName, new CookieOptions { Path = "/" });
        if (malformedCookie)
        {
            response.Headers.Append("Set-Cookie", CreatioCookies.Malformed);
        }
    }
}
