// `dotnet cake --target=X` exits with the engine's exit code (SPEC §2), not Cake's default 1.

// Plan's exit 2 (changes pending): the Plan task succeeds, so that Cake neither reports an error
// nor marks the task failed, and the run still ends with exit code 2 (the contract).
public sealed class PlanPending
{
    public const int ExitCode = 2;

    private PlanPending(int? changes)
    {
        Changes = changes;
    }

    // How many changes plan listed (report.json of this run), or null when the report cannot say.
    public int? Changes { get; }

    public string Describe() => Changes switch
    {
        null => "changes pending",
        1 => "1 change pending",
        var count => $"{count} changes pending",
    };

    // The changes of this run's report: its steps', and each environment's.
    public static PlanPending Read(BuildParameters parameters)
    {
        var path = parameters.ReportDirectory.CombineWithFilePath("report.json").FullPath;
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(path));
            var root = document.RootElement;
            if (!root.TryGetProperty("runId", out var runId) || runId.GetString() != parameters.RunId)
            {
                return new PlanPending(null);
            }

            var sections = new List<System.Text.Json.JsonElement> { root };
            if (root.TryGetProperty("environments", out var environments) && environments.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                sections.AddRange(environments.EnumerateArray());
            }

            return new PlanPending(sections
                .Where(section => section.TryGetProperty("steps", out var steps) && steps.ValueKind == System.Text.Json.JsonValueKind.Array)
                .SelectMany(section => section.GetProperty("steps").EnumerateArray())
                .Sum(step => step.TryGetProperty("changes", out var changes) && changes.ValueKind == System.Text.Json.JsonValueKind.Array ? changes.GetArrayLength() : 0));
        }
        catch (Exception exception) when (exception is System.IO.IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return new PlanPending(null);
        }
    }
}

PlanPending planPending;

// Runs the target and returns the process exit code. A failed task surfaces as a
// CakeReportException (thrown after the summary has printed) whose InnerException is the
// task's CakeException carrying ExitCode.
int RunTargetWithExitCode(string target)
{
    try
    {
        RunTarget(target);
    }
    catch (CakeReportException ex) when (ex.InnerException is CakeException failure)
    {
        // Cake has already named the failed task; repeat the reason below the summary.
        Error("Error: {0}", failure.Message);
        return failure.ExitCode;
    }

    if (planPending is not null)
    {
        // Below the summary, where a failure would be: what the exit code means.
        Information("Plan: " + planPending.Describe() + " (exit code 2); ConnectIdentity makes them.");
        return PlanPending.ExitCode;
    }

    return 0;
}
