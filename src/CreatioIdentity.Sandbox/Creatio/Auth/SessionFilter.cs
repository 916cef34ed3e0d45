namespace CreatioIdentity.Sandbox.Creatio.Auth;

/// <summary>Every service but login: 401 without a live session, 403 without the matching CSRF header.</summary>
internal sealed class SessionFilter(CreatioState state) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var session = state.Sessions.Find(request.Cookies[CreatioCookies.Session]);
        if (session is null)
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        if (!string.Equals(request.Headers[CreatioCookies.CsrfHeader], session.Csrf, StringComparison.Ordinal))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }
}
