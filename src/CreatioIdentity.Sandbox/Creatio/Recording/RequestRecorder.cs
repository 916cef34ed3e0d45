namespace CreatioIdentity.Sandbox.Creatio.Recording;

/// <summary>Records every request to the simulator, including the ones answered 401, 403 or 404.</summary>
internal static class RequestRecorder
{
    public static IApplicationBuilder UseRequestRecording(this IApplicationBuilder app, RequestLog log, TimeProvider time) =>
        app.Use(async (context, next) =>
        {
            var at = time.GetUtcNow();
            var request = context.Request;
            request.EnableBuffering();
            string? body;
            using (var reader = new StreamReader(request.Body, leaveOpen: true))
            {
                body = await reader.ReadToEndAsync(context.RequestAborted);
            }

            request.Body.Position = 0;
            var path = request.PathBase.Add(request.Path).Value ?? "/";

            // Recorded before the answer leaves, so a caller never sees an answer that is not in the record yet.
            context.Response.OnStarting(() =>
            {
                var isWrite = context.GetEndpoint()?.Metadata.GetMetadata<WriteEndpoint>() is not null;
                log.Add(new RecordedRequest(at, request.Method, path, body.Length == 0 ? null : body, context.Response.StatusCode, isWrite));
                return Task.CompletedTask;
            });

            await next(context);
        });
}
