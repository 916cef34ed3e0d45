namespace CreatioIdentity.Sandbox.Creatio.Auth;

/// <summary>
/// The anonymous answers clio's runtime detection reads (<c>EnvironmentRuntimeDetectionService</c>): the login
/// page of the runtime and <c>api/HealthCheck/Ping</c>. The .NET Framework page is a server-rendered form
/// whose action names <c>/Login/</c>; the .NET one a client-rendered shell that loads <c>"bootstrap.login"</c>.
/// </summary>
internal static class LoginPages
{
    private const string NetFrameworkPage =
        "<!DOCTYPE html><html><head><title>Creatio</title></head><body>" +
        "<form method=\"post\" action=\"/0/Login/NuiLogin.aspx\" id=\"loginForm\"><input name=\"UserName\"/>" +
        "<input name=\"UserPassword\" type=\"password\"/></form></body></html>";

    private const string NetPage =
        "<!DOCTYPE html><html><head><title>Creatio</title>" +
        "<script src=\"/core/requirejs/require.js\" data-main=\"bootstrap.login\"></script>" +
        "<script>require([\"bootstrap.login\"]);</script></head><body><div id=\"loginPage\"></div></body></html>";

    public static IResult Show(SandboxOptions options) =>
        Results.Content(options.Runtime == SandboxRuntime.NetFramework ? NetFrameworkPage : NetPage, "text/html; charset=utf-8");

    /// <summary>200 with an empty body for anyone (assumed: only the status is public).</summary>
    public static IResult Ping() => Results.Ok();

    /// <summary>.NET Framework's root <c>api/HealthCheck/Ping</c>: not a service there, so forms authentication redirects.</summary>
    public static Task RedirectAsync(HttpContext context) => ExpiredSession.RedirectToLoginPageAsync(context, SandboxRuntime.NetFramework);
}
