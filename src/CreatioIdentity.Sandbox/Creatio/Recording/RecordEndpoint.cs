namespace CreatioIdentity.Sandbox.Creatio.Recording;

/// <summary>
/// The request record for a caller outside this process (a benchmark timing dotnet cake):
/// GET /_sandbox/record answers the logins and every request (method, path, status, write;
/// bodies are left out), DELETE clears it. Not part of Creatio, and not itself recorded.
/// </summary>
internal static class RecordEndpoint
{
    public const string Path = "/_sandbox/record";

    public static IApplicationBuilder UseRecordEndpoint(this IApplicationBuilder app, CreatioState state) =>
        app.Map(Path, branch => branch.Run(async context =>
        {
            if (HttpMethods.IsDelete(context.Request.Method))
            {
                state.ClearRecord();
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            var requests = state.Requests;
            await context.Response.WriteAsJsonAsync(new
            {
                logins = state.LoginCount,
                total = requests.Count,
                writes = requests.Count(request => request.IsWrite),
                requests = requests.Select(request => new { request.Method, request.Path, request.StatusCode, request.IsWrite }),
            }, context.RequestAborted);
        }));
}
