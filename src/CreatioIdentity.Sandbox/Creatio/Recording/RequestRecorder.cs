using CreatioIdentity.Sandbox.Faults;

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
            var headers = request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);

            var recorded = 0;
            void Record(int statusCode)
            {
                if (Interlocked.Exchange(ref recorded, 1) == 0)
                {
                    var isWrite = context.GetEndpoint()?.Metadata.GetMetadata<WriteEndpoint>() is not null;
                    log.Add(new RecordedRequest(at, request.Method, path, body.Length == 0 ? null : body, statusCode, isWrite) { Headers = headers });
                }
            }

            // Recorded before the answer leaves, so a caller never sees an answer that is not in the record yet.
            context.Response.OnStarting(() =>
            {
                Record(NoAnswer.IsMarked(context) ? 0 : context.Response.StatusCode);
                return Task.CompletedTask;
            });

            try
            {
                await next(context);
            }
            finally
            {
                // A connection reset, or a hung request the client gave up on: no answer, status 0.
                if (NoAnswer.IsMarked(context) || (!context.Response.HasStarted && context.RequestAborted.IsCancellationRequested))
                {
                    Record(0);
                }
            }
        });
}
