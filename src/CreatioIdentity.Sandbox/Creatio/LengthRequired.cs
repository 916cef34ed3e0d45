namespace CreatioIdentity.Sandbox.Creatio;

/// <summary>
/// A body sent chunked (no Content-Length) is refused with 411, as some proxies in front of Creatio do;
/// every reference client (clio, creatioclient, the login page) sends a Content-Length (SPEC section 4).
/// </summary>
internal static class LengthRequired
{
    public static IApplicationBuilder UseLengthRequired(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Headers.TransferEncoding.Any(value => value?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true))
            {
                context.Response.StatusCode = StatusCodes.Status411LengthRequired;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(
                    "<!DOCTYPE html><html><head><title>411</title></head><body><h1>411 Length Required</h1></body></html>", context.RequestAborted);
                return;
            }

            await next(context);
        });
}
