namespace CreatioIdentity.Sandbox;

/// <summary>One request the Creatio simulator received, as tests read it.</summary>
/// <param name="At">When the request arrived.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path including the runtime prefix, without the query string.</param>
/// <param name="Body">The request body text, or null when there was none.</param>
/// <param name="StatusCode">The status code answered; 0 when no answer left (the connection was reset, or the client gave up on a hung request).</param>
/// <param name="IsWrite">True for calls that change Creatio: feature writes, cache clears, settings writes, the default resource.</param>
public sealed record RecordedRequest(DateTimeOffset At, string Method, string Path, string? Body, int StatusCode, bool IsWrite);
