using System.Text.Json;

namespace CreatioIdentity.Sandbox.Creatio.Auth;

/// <summary>
/// How Creatio answers a call without a live session (clio <c>ReauthExecutor</c>, SPEC section 4): WCF
/// services (<c>.svc</c>, and the <c>rest/</c> routes that map to them) answer 401 with a JSON envelope;
/// DataService, pages and <c>api/</c> answer 302 to the runtime's login page with a ReturnUrl.
/// </summary>
internal static class ExpiredSession
{
    public const string AuthenticationFailed = "Authentication failed.";

    public static IResult Answer(SandboxRuntime runtime) => new ExpiredSessionResult(runtime);

    public static Task WriteAsync(HttpContext context, SandboxRuntime runtime)
    {
        var path = context.Request.PathBase.Add(context.Request.Path).Value ?? "/";
        return IsWcfService(path) ? WriteUnauthorizedAsync(context.Response) : RedirectToLoginPageAsync(context, runtime);
    }

    /// <summary>302 to the runtime's login page, as IIS/ASP.NET forms authentication answers.</summary>
    public static async Task RedirectToLoginPageAsync(HttpContext context, SandboxRuntime runtime)
    {
        var response = context.Response;
        var path = context.Request.PathBase.Add(context.Request.Path).Value ?? "/";
        var location = CreatioRoutes.LoginPage(runtime) + "?ReturnUrl=" + Uri.EscapeDataString(path);
        response.StatusCode = StatusCodes.Status302Found;
        response.Headers.Location = location;
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            $"<html><head><title>Object moved</title></head><body><h2>Object moved to <a href=\"{location}\">here</a>.</h2></body></html>",
            context.RequestAborted);
    }

    private static bool IsWcfService(string path) =>
        path.Contains(".svc/", StringComparison.OrdinalIgnoreCase) || path.Contains("/rest/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The envelope clio's tests show: Message, StackTrace, ExceptionType.</summary>
    private static Task WriteUnauthorizedAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.ContentType = "application/json; charset=utf-8";
        var envelope = new { Message = AuthenticationFailed, StackTrace = (string?)null, ExceptionType = "System.InvalidOperationException" };
        return response.WriteAsync(JsonSerializer.Serialize(envelope), response.HttpContext.RequestAborted);
    }

    private sealed class ExpiredSessionResult(SandboxRuntime runtime) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, runtime);
    }
}
