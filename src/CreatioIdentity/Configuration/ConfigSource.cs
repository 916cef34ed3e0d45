namespace CreatioIdentity.Configuration;

/// <summary>Where a value came from: file, 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>
/// The file a configuration was read from and the position of every key in it, addressed by a
/// dotted path such as "identityService.clientSecret" or "settings.SomeCode". Reporters use it
/// to point an annotation at the line a red check is about.
/// </summary>
public sealed class ConfigSource(string path, IReadOnlyDictionary<string, SourceLocation> locations)
{
    public string Path { get; } = path;

    public SourceLocation? Find(string keyPath) => locations.GetValueOrDefault(keyPath);

    /// <summary>The key's own position, else the nearest parent's, else the top of the file.</summary>
    public SourceLocation Locate(string keyPath)
    {
        for (var current = keyPath; current.Length > 0; current = current.Contains('.', StringComparison.Ordinal) ? current[..current.LastIndexOf('.')] : string.Empty)
        {
            if (locations.TryGetValue(current, out var location))
            {
                return location;
            }
        }

        return new SourceLocation(Path, 1, 1);
    }
}

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>One finding about the configuration file, with the position it is about.</summary>
public sealed record ConfigDiagnostic(DiagnosticSeverity Severity, SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Message}";
}

/// <summary>The configuration or the command line is invalid: exit code 3.</summary>
public sealed class ConfigurationException(IReadOnlyList<ConfigDiagnostic> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ConfigDiagnostic> Errors { get; } = errors;
}
