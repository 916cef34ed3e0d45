namespace CreatioIdentity.Sandbox;

/// <summary>One request the Creatio simulator received, as tests read it.</summary>
/// <param name="At">When the request arrived.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path including the runtime prefix, without the query string.</param>
/// <param name="Body">The request body text, or null when there was none.</param>
/// <param name="StatusCode">The status code answered; 0 when no answer left (the connection was reset, or the client gave up on a hung request).</param>
/// <param name="IsWrite">True for calls that change Creatio: feature writes (UpdateQuery, the old FeatureService writes), cache clears, settings writes, the default resource.</param>
public sealed record RecordedRequest(DateTimeOffset At, string Method, string Path, string? Body, int StatusCode, bool IsWrite)
{
    /// <summary>
    /// The request headers as they arrived (names ignore case), so tests can assert what the engine sends:
    /// User-Agent, Accept, Content-Length, Content-Type, ForceUseSession, BPMCSRF...
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A header's value, or null when the request did not carry it.</summary>
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
