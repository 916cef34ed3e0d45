using System.Text.Json;

namespace CreatioIdentity.Sandbox.Faults;

/// <summary>
/// The fault plan for a caller outside this process (a soak or benchmark driving the sandbox
/// process): GET /_sandbox/faults lists the armed faults and the latency, POST arms one fault
/// (a JSON <see cref="Fault"/>: <c>{"kind":"Status","path":"PostSysSettingsValues","count":2,"statusCode":503}</c>),
/// DELETE disarms them all. Not part of Creatio, never delayed, faulted or recorded.
/// </summary>
internal static class FaultEndpoint
{
    public const string Path = SandboxPaths.Prefix + "faults";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IApplicationBuilder UseFaultEndpoint(this IApplicationBuilder app, FaultPlan plan) =>
        app.Map(Path, branch => branch.Run(async context =>
        {
            var request = context.Request;
            if (HttpMethods.IsDelete(request.Method))
            {
                plan.Clear();
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            if (HttpMethods.IsPost(request.Method))
            {
                try
                {
                    var fault = await JsonSerializer.DeserializeAsync<Fault>(request.Body, Json, context.RequestAborted)
                        ?? throw new JsonException("the body is empty");
                    plan.Add(fault);
                }
                catch (Exception exception) when (exception is JsonException or ArgumentException)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await context.Response.WriteAsync($"Not a fault: {exception.Message}", context.RequestAborted);
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status201Created;
                return;
            }

            if (!HttpMethods.IsGet(request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return;
            }

            await context.Response.WriteAsJsonAsync(
                new { latencyMs = plan.Latency.TotalMilliseconds, armed = plan.Armed, injected = plan.Injected.Count }, Json, context.RequestAborted);
        }));
}
