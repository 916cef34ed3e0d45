using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;

namespace CreatioIdentity.Reporting;

/// <summary>
/// The report.json shape of SPEC §2 (contract). The domain records are not serialized directly:
/// the contract leaves out a step's own checks and names its enum values in lower case, so the
/// mapping is written out here once. A check's configPath (the dotted YAML key it is about) is an
/// optional addition within schema version 1: a later engine process annotates that line of the
/// YAML file; a report without it reads as before.
/// </summary>
internal static class ReportJson
{
    private static readonly ReportJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // The file is read by people and tools, never embedded in HTML; keep "→" and "'" legible.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes the report masked (<see cref="ReportMasking"/>), and the JSON text masked once more as it is written.</summary>
    /// <param name="toolVersion">The version of the engine that writes it (toolVersion).</param>
    public static void Serialize(Report report, Stream stream, string? toolVersion)
    {
        report = ReportMasking.Mask(report);
        var document = new ReportDocument(
            report.SchemaVersion,
            report.Ok,
            report.Command,
            report.Creatio,
            report.RunId,
            [.. report.Steps.Select(ToDocument)],
            [.. report.Checks.Select(ToDocument)],
            report.Environments is null ? null : [.. report.Environments.Select(ToDocument)])
        {
            ToolVersion = toolVersion,
            Warnings = report.Warnings.Count == 0 ? null : [.. report.Warnings.Select(w => new WarningDocument(w.Message, w.File, w.Line, w.Column))],
        };
        // Escaping can spell a secret that the text did not (a secret that is itself JSON-escaped).
        var json = JsonSerializer.Serialize(document, Context.ReportDocument);
        stream.Write(System.Text.Encoding.UTF8.GetBytes(SecretMasker.Shared.Mask(json) + "\n"));
    }

    /// <summary>The report in the stream, or null when it is not a report this version understands.</summary>
    public static Report? TryDeserialize(Stream stream)
    {
        ReportDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(stream, Context.ReportDocument);
        }
        catch (JsonException)
        {
            return null;
        }

        if (document is not { SchemaVersion: Report.CurrentSchemaVersion, Command: { } command, Creatio: { } creatio, Steps: { } stepDocuments, Checks: { } checkDocuments })
        {
            return null;
        }

        if (!TryReadSteps(stepDocuments, out var steps) || !TryReadChecks(checkDocuments, out var checks))
        {
            return null;
        }

        List<EnvironmentReport>? environments = null;
        if (document.Environments is { } environmentDocuments)
        {
            environments = new List<EnvironmentReport>(environmentDocuments.Count);
            foreach (var environment in environmentDocuments)
            {
                if (environment is not { Name: { } name, Creatio: { } site, Steps: { } environmentSteps, Checks: { } environmentChecks } ||
                    !TryReadSteps(environmentSteps, out var readSteps) || !TryReadChecks(environmentChecks, out var readChecks))
                {
                    return null;
                }

                environments.Add(new EnvironmentReport(name, environment.Ok, site, readSteps, readChecks));
            }
        }

        var warnings = (document.Warnings ?? [])
            .Where(warning => warning is { Message: not null })
            .Select(warning => new ReportWarning(warning!.Message!, warning.File, warning.Line, warning.Column))
            .ToList();
        return new Report(document.SchemaVersion, document.Ok, command, creatio, document.RunId, steps, checks, environments) { Warnings = warnings };
    }

    private static bool TryReadSteps(List<StepDocument?> documents, out IReadOnlyList<StepResult> steps)
    {
        var read = new List<StepResult>(documents.Count);
        steps = read;
        foreach (var step in documents)
        {
            if (step is not { Name: { } name } || ParseStepStatus(step.Status) is not { } status || !TryReadChanges(step.Changes, out var changes))
            {
                return false;
            }

            // The contract keeps checks at the report level only, so a step read back has none of its own.
            read.Add(new StepResult(name, status, step.DurationMs, changes, [], step.Error, step.ErrorCode, ReadNotApplied(step.NotApplied)));
        }

        return true;
    }

    private static bool TryReadChecks(List<CheckDocument?> documents, out IReadOnlyList<CheckResult> checks)
    {
        var read = new List<CheckResult>(documents.Count);
        checks = read;
        foreach (var check in documents)
        {
            if (check is not { Id: { } id } || ParseCheckStatus(check.Status) is not { } status)
            {
                return false;
            }

            read.Add(new CheckResult(id, status, check.Message ?? string.Empty, string.IsNullOrWhiteSpace(check.ConfigPath) ? null : check.ConfigPath, check.ErrorCode));
        }

        return true;
    }

    public static string Format(StepStatus status) => status switch
    {
        StepStatus.Changed => "changed",
        StepStatus.Unchanged => "unchanged",
        StepStatus.Failed => "failed",
        StepStatus.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Format(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "pass",
        CheckStatus.Fail => "fail",
        CheckStatus.Skip => "skip",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static StepStatus? ParseStepStatus(string? value) => value switch
    {
        "changed" => StepStatus.Changed,
        "unchanged" => StepStatus.Unchanged,
        "failed" => StepStatus.Failed,
        "skipped" => StepStatus.Skipped,
        _ => null,
    };

    private static CheckStatus? ParseCheckStatus(string? value) => value switch
    {
        "pass" => CheckStatus.Pass,
        "fail" => CheckStatus.Fail,
        "skip" => CheckStatus.Skip,
        _ => null,
    };

    private static bool TryReadChanges(List<ChangeDocument?>? documents, out IReadOnlyList<Change> changes)
    {
        var read = new List<Change>(documents?.Count ?? 0);
        foreach (var change in documents ?? [])
        {
            if (change is not { Item: { } item })
            {
                changes = [];
                return false;
            }

            read.Add(new Change(item, change.From, change.To));
        }

        changes = read;
        return true;
    }

    public static string Format(WriteState state) => state switch
    {
        WriteState.NotSent => "not-sent",
        WriteState.Unknown => "unknown",
        WriteState.Refused => "refused",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private static WriteState? ParseWriteState(string? value) => value switch
    {
        "not-sent" => WriteState.NotSent,
        "unknown" => WriteState.Unknown,
        "refused" => WriteState.Refused,
        _ => null,
    };

    private static List<NotApplied> ReadNotApplied(List<NotAppliedDocument?>? documents) =>
        [.. (documents ?? []).OfType<NotAppliedDocument>()
            .Where(document => document.Item is not null && ParseWriteState(document.State) is not null)
            .Select(document => new NotApplied(document.Item!, document.From, document.To, ParseWriteState(document.State)!.Value))];

    private static StepDocument ToDocument(StepResult step) =>
        new(step.Name, Format(step.Status), step.DurationMs, [.. step.Changes.Select(c => new ChangeDocument(c.Item, c.From, c.To))], step.Error,
            step.ErrorCode,
            step.NotApplied.Count == 0 ? null : [.. step.NotApplied.Select(n => new NotAppliedDocument(n.Item, n.From, n.To, Format(n.State)))]);

    private static CheckDocument ToDocument(CheckResult check) =>
        new(check.Id, Format(check.Status), check.Message, check.ConfigPath, check.Status == CheckStatus.Fail ? check.ErrorCode : null);

    private static EnvironmentDocument ToDocument(EnvironmentReport environment) =>
        new(environment.Name, environment.Ok, environment.Creatio, [.. environment.Steps.Select(ToDocument)], [.. environment.Checks.Select(ToDocument)]);
}

// Every member is nullable so that a file edited by hand or cut short is detected, not trusted.
internal sealed record ReportDocument(
    int SchemaVersion,
    bool Ok,
    string? Command,
    string? Creatio,
    string? RunId,
    List<StepDocument?>? Steps,
    List<CheckDocument?>? Checks,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<EnvironmentDocument?>? Environments = null)
{
    /// <summary>An addition to schema version 1: the version of the engine that wrote the file (MinVer, from the git tag).</summary>
    [JsonPropertyOrder(-1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ToolVersion { get; init; }

    /// <summary>An addition to schema version 1: absent when the run had no warning.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<WarningDocument?>? Warnings { get; init; }
}

internal sealed record EnvironmentDocument(
    string? Name,
    bool Ok,
    string? Creatio,
    List<StepDocument?>? Steps,
    List<CheckDocument?>? Checks);

internal sealed record WarningDocument(
    string? Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? File,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Line,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Column);

internal sealed record StepDocument(
    string? Name,
    string? Status,
    long DurationMs,
    List<ChangeDocument?>? Changes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrorCode = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<NotAppliedDocument?>? NotApplied = null);

internal sealed record ChangeDocument(string? Item, string? From, string? To);

/// <summary>A change a failed step meant to make and could not confirm; state is not-sent, unknown or refused.</summary>
internal sealed record NotAppliedDocument(string? Item, string? From, string? To, string? State);

internal sealed record CheckDocument(
    string? Id,
    string? Status,
    string? Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ConfigPath = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrorCode = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ReportDocument))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
