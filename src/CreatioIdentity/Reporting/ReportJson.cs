using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CreatioIdentity.Checks;

namespace CreatioIdentity.Reporting;

/// <summary>
/// The report.json shape of SPEC §2 (contract). The domain records are not serialized directly:
/// the contract leaves out a step's own checks and a check's config path, and names its enum
/// values in lower case, so the mapping is written out here once.
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

    public static void Serialize(Report report, Stream stream)
    {
        var document = new ReportDocument(
            report.SchemaVersion,
            report.Ok,
            report.Command,
            report.Creatio,
            report.RunId,
            [.. report.Steps.Select(ToDocument)],
            [.. report.Checks.Select(ToDocument)])
        {
            Warnings = report.Warnings.Count == 0 ? null : [.. report.Warnings.Select(w => new WarningDocument(w.Message, w.File, w.Line, w.Column))],
        };
        JsonSerializer.Serialize(stream, document, Context.ReportDocument);
        stream.WriteByte((byte)'\n');
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

        var steps = new List<StepResult>(stepDocuments.Count);
        foreach (var step in stepDocuments)
        {
            if (step is not { Name: { } name } || ParseStepStatus(step.Status) is not { } status || !TryReadChanges(step.Changes, out var changes))
            {
                return null;
            }

            // The contract keeps checks at the report level only, so a step read back has none of its own.
            steps.Add(new StepResult(name, status, step.DurationMs, changes, [], step.Error));
        }

        var checks = new List<CheckResult>(checkDocuments.Count);
        foreach (var check in checkDocuments)
        {
            if (check is not { Id: { } id } || ParseCheckStatus(check.Status) is not { } status)
            {
                return null;
            }

            checks.Add(new CheckResult(id, status, check.Message ?? string.Empty));
        }

        var warnings = (document.Warnings ?? [])
            .Where(warning => warning is { Message: not null })
            .Select(warning => new ReportWarning(warning!.Message!, warning.File, warning.Line, warning.Column))
            .ToList();
        return new Report(document.SchemaVersion, document.Ok, command, creatio, document.RunId, steps, checks) { Warnings = warnings };
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

    private static StepDocument ToDocument(StepResult step) =>
        new(step.Name, Format(step.Status), step.DurationMs, [.. step.Changes.Select(c => new ChangeDocument(c.Item, c.From, c.To))], step.Error);

    private static CheckDocument ToDocument(CheckResult check) => new(check.Id, Format(check.Status), check.Message);
}

// Every member is nullable so that a file edited by hand or cut short is detected, not trusted.
internal sealed record ReportDocument(
    int SchemaVersion,
    bool Ok,
    string? Command,
    string? Creatio,
    string? RunId,
    List<StepDocument?>? Steps,
    List<CheckDocument?>? Checks)
{
    /// <summary>An addition to schema version 1: absent when the run had no warning.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<WarningDocument?>? Warnings { get; init; }
}

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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);

internal sealed record ChangeDocument(string? Item, string? From, string? To);

internal sealed record CheckDocument(string? Id, string? Status, string? Message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ReportDocument))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
