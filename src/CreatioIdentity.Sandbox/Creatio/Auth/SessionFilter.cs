namespace CreatioIdentity.Sandbox.Creatio.Auth;

/// <summary>
/// Every service but login: the runtime's expiry answer without a live session, 403 without the
/// matching CSRF header. The first call of a session sets <c>BPMSESSIONID</c>; with
/// <see cref="SandboxOptions.RequireLaterCookies"/> a later call without it ends the session as expired.
/// </summary>
internal sealed class SessionFilter(CreatioState state, SandboxOptions options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var session = state.Sessions.Find(request.Cookies[CreatioCookies.Session]);
        if (session is null)
        {
            return ExpiredSession.Answer(options.Runtime);
        }

        if (!string.Equals(request.Headers[CreatioCookies.CsrfHeader], session.Csrf, StringComparison.Ordinal))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!HasLaterCookie(http, session))
        {
            state.Sessions.End(session.Id);
            return ExpiredSession.Answer(options.Runtime);
        }

        return await next(context);
    }

    private bool HasLaterCookie(HttpContext http, CreatioSession session)
    {
        if (session.LaterCookie is null && state.Sessions.NewLaterCookie() is var value && session.TrySetLaterCookie(value))
        {
            http.Response.Cookies.Append(CreatioCookies.SessionId, value, new CookieOptions { Path = "/", HttpOnly = true });
            return true;
        }

        return !options.RequireLaterCookies
            || string.Equals(http.Request.Cookies[CreatioCookies.SessionId], session.LaterCookie, StringComparison.Ordinal);
    }
}
