using System.Text;
using System.Text.Json;

namespace CreatioIdentity.Sandbox.Faults;

/// <summary>
/// The middleware that gives a request its armed fault, and the Creatio latency. The sandbox's own
/// /_sandbox endpoints are never delayed or faulted. It knows no server's types: what an expired
/// session looks like is the faulted server's to say (<see cref="SessionFaults"/>).
/// </summary>
internal static class FaultInjection
{
    private const string Cut = """{"success":true,"values":{"OAuth20Ident""";

    public static IApplicationBuilder UseFaultInjection(
        this IApplicationBuilder app, FaultPlan plan, FaultServer server, TimeProvider time, SessionFaults? sessions = null) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var path = request.PathBase.Add(request.Path).Value ?? "/";
            if (path.StartsWith(SandboxPaths.Prefix, StringComparison.Ordinal))
            {
                await next(context);
                return;
            }

            if (server == FaultServer.Creatio && plan.Latency > TimeSpan.Zero)
            {
                await Task.Delay(plan.Latency, time, context.RequestAborted);
            }

            if (plan.Take(server, request.Method, path, time.GetUtcNow()) is not var (fault, hit))
            {
                await next(context);
                return;
            }

            if (fault.Kind == FaultKind.HealthFlip && hit % 2 == 0)
            {
                await next(context); // the green half of the flip: the real answer
                return;
            }

            // What an echo quotes is read before the request is handled (which reads it too).
            var body = EchoAnswers.Answers(fault.Kind) ? await EchoAnswers.ReadBodyAsync(request, context.RequestAborted) : string.Empty;
            if (fault.AfterHandling && !await HandleAndDropAnswerAsync(context, next))
            {
                return;
            }

            if (EchoAnswers.Answers(fault.Kind))
            {
                await EchoAnswers.WriteAsync(fault, request, body, context.Response, context.RequestAborted);
                return;
            }

            await ApplyAsync(fault, context, sessions);
        });

    /// <summary>Lets the request be handled for real (a write is applied), then throws the answer away.</summary>
    private static async Task<bool> HandleAndDropAnswerAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var discarded = new MemoryStream();
        context.Response.Body = discarded;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.HasStarted)
        {
            return false;
        }

        context.Response.Clear();
        return true;
    }

    private static async Task ApplyAsync(Fault fault, HttpContext context, SessionFaults? sessions)
    {
        var response = context.Response;
        switch (fault.Kind)
        {
            case FaultKind.Status:
                await ErrorPageAsync(response, fault.StatusCode, context.RequestAborted);
                break;

            case FaultKind.Hang:
                await HangAsync(context);
                break;

            case FaultKind.Reset:
                NoAnswer.Mark(context);
                context.Abort();
                break;

            case FaultKind.SessionExpired when sessions is not null:
                await sessions.ExpiredAsync(context);
                break;

            case FaultKind.LoginPage when sessions is not null:
                await sessions.LoginPageAsync(context);
                break;

            case FaultKind.SessionExpired or FaultKind.LoginPage:
                response.StatusCode = StatusCodes.Status401Unauthorized; // a server without sessions: plain refusal
                break;

            case FaultKind.CsrfRejected:
                response.StatusCode = StatusCodes.Status403Forbidden;
                break;

            case FaultKind.MalformedJson:
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = "application/json; charset=utf-8";
                await response.WriteAsync(Cut, context.RequestAborted);
                break;

            case FaultKind.HealthFlip:
                await RedHealthAsync(response);
                break;

            default:
                throw new InvalidOperationException($"Unknown fault kind {fault.Kind}.");
        }
    }

    /// <summary>No answer until the client gives up; a gateway's 504 if it never does.</summary>
    private static async Task HangAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(FaultPlan.HangLimit, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            NoAnswer.Mark(context);
            return; // the client gave up, as it should
        }

        await ErrorPageAsync(context.Response, StatusCodes.Status504GatewayTimeout, context.RequestAborted);
    }

    /// <summary>The red half of a flip: the documented fields, Identity Service not available.</summary>
    private static Task RedHealthAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status500InternalServerError;
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(JsonSerializer.Serialize(new
        {
            HasProblem = true,
            IsSystemSettingsFilledIn = true,
            IsIdentityServiceAvailable = false,
            IsAccessTokenRetrievableForSystemActions = false,
            Message = "Identity Service is not available.",
        }), response.HttpContext.RequestAborted);
    }

    /// <summary>What a proxy or IIS in front of Creatio answers: an HTML error page, not JSON.</summary>
    private static Task ErrorPageAsync(HttpResponse response, int statusCode, CancellationToken cancellationToken)
    {
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        var page = new StringBuilder()
            .Append("<!DOCTYPE html><html><head><title>").Append(statusCode).Append("</title></head><body><h1>")
            .Append(statusCode).Append(' ').Append(ReasonPhrase(statusCode)).Append("</h1></body></html>");
        return response.WriteAsync(page.ToString(), cancellationToken);
    }

    private static string ReasonPhrase(int statusCode) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } phrase ? phrase : "Error";
}

/// <summary>The sandbox's own endpoints, outside Creatio's API.</summary>
internal static class SandboxPaths
{
    public const string Prefix = "/_sandbox/";
}
