using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tracing;

/// <summary>
/// The HTTP trace of one engine process (<c>--trace-http FILE</c>): every exchange of every
/// environment with Creatio and the Identity Service, redacted as it is recorded, kept in memory
/// and appended to the HAR file once, when the process is done (<see cref="Save"/>). The sites of a
/// multi-site run record concurrently, each through its own view (<see cref="ForEnvironment"/>).
/// </summary>
public sealed class HttpTrace
{
    private readonly Recording recording;

    private HttpTrace(Recording recording, string? environment)
    {
        this.recording = recording;
        Environment = environment;
    }

    /// <summary>The HAR file the trace goes to.</summary>
    public string FilePath => recording.FilePath;

    /// <summary>The environment this view records for; null for a single-site file.</summary>
    public string? Environment { get; }

    /// <summary>A trace for <paramref name="filePath"/>, made by <paramref name="command"/> in the run <paramref name="runId"/> (null: a run of its own).</summary>
    public static HttpTrace Start(string filePath, string? runId, string command, SecretMasker? masker = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        return new HttpTrace(new Recording(Path.GetFullPath(filePath), runId, command, new HarEntries(new TraceRedactor(masker ?? SecretMasker.Shared))), null);
    }

    /// <summary>The same trace, its entries marked as <paramref name="environment"/>'s.</summary>
    public HttpTrace ForEnvironment(string? environment) => new(recording, environment);

    /// <summary>A handler that records every attempt into this trace; one per HTTP client.</summary>
    public DelegatingHandler CreateHandler() => new HttpTraceHandler(this);

    /// <summary>
    /// Appends what was recorded to the file (of this run, else a new one) and forgets it. Every
    /// engine process of a Cake target saves into the same file, one after the other.
    /// </summary>
    public void Save()
    {
        List<HarEntry> pending;
        lock (recording.Gate)
        {
            pending = [.. recording.Entries.OrderBy(entry => entry.StartedDateTime)];
            recording.Entries.Clear();
        }

        HarFile.Append(recording.FilePath, recording.RunId, pending);
    }

    /// <summary>
    /// <see cref="Save"/>, or why the file could not be written: the trace is worth having even when
    /// the run failed, and one that cannot be written does not change the run's verdict.
    /// </summary>
    public string? TrySave()
    {
        try
        {
            Save();
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"The HTTP trace could not be written to {FilePath} ({exception.Message}): pass a writable --trace-http file.";
        }
    }

    internal void Add(TracedExchange exchange)
    {
        // Redacted now, while the request and response are alive; nothing secret is held for later.
        HarEntry entry;
        try
        {
            entry = recording.Factory.Create(exchange, Environment, recording.Command);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A trace must never break the run it records: the exchange is noted, not kept.
            entry = recording.Factory.Unrecordable(exchange, Environment, recording.Command, exception);
        }

        lock (recording.Gate)
        {
            recording.Entries.Add(entry);
        }
    }

    /// <summary>What every view of one trace shares.</summary>
    private sealed record Recording(string FilePath, string? RunId, string Command, HarEntries Factory)
    {
        public Lock Gate { get; } = new();

        public List<HarEntry> Entries { get; } = [];
    }
}
