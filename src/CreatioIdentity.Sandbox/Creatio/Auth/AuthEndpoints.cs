namespace CreatioIdentity.Sandbox.Creatio.Auth;

internal static class AuthEndpoints
{
    public static async Task<IResult> LoginAsync(HttpContext context, CreatioState state, SandboxOptions options)
    {
        state.Log.CountLogin();
        var body = await CreatioJson.ReadBodyAsync(context.Request);
        var userName = body.Property("UserName").AsText();
        var password = body.Property("UserPassword").AsText();

        if (!string.Equals(userName, options.CreatioUsername, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(password, options.CreatioPassword, StringComparison.Ordinal))
        {
            return CreatioJson.Answer(LoginResponse.WrongCredentials);
        }

        var session = state.Sessions.Create(options.CreatioUsername);
        var cookies = context.Response.Cookies;
        cookies.Append(CreatioCookies.Session, session.Id, new CookieOptions { Path = "/", HttpOnly = true });
        cookies.Append(CreatioCookies.Csrf, session.Csrf, new CookieOptions { Path = "/" });
        cookies.Append(CreatioCookies.Loader, SessionStore.RandomToken(16), new CookieOptions { Path = "/", HttpOnly = true });
        cookies.Append(CreatioCookies.UserName, session.UserName, new CookieOptions { Path = "/" });
        return CreatioJson.Answer(LoginResponse.Success);
    }
}
