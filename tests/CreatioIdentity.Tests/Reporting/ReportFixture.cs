using System.Text.Json;
using CreatioIdentity.Checks;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Tests.Reporting;

/// <summary>A report directory of its own, and the defaults a recording engine process passes.</summary>
internal sealed class ReportStoreFixture : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("creatio-identity-tests-").FullName;

    public ReportStoreFixture() => ReportDir = Path.Combine(root, "artifacts", "creatio-identity");

    public string ReportDir { get; }

    public string Command { get; set; } = "connect";

    public string CreatioUrl { get; set; } = "https://creatio.example.com";

    public string? RunId { get; set; } = "run-42";

    public string ReportPath => Path.Combine(ReportDir, ReportStore.ReportFileName);

    public Report Record(params StepResult[] steps) => ReportStore.Record(ReportDir, Command, CreatioUrl, RunId, steps);

    public JsonDocument ReadJson() => JsonDocument.Parse(File.ReadAllText(ReportPath));

    public void WriteReportJson(string text)
    {
        Directory.CreateDirectory(ReportDir);
        File.WriteAllText(ReportPath, text);
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

/// <summary>Step results and reports as the steps would produce them.</summary>
internal static class Results
{
    public static StepResult Step(string name, StepStatus status = StepStatus.Unchanged, params CheckResult[] checks) =>
        new(name, status, 120, [], checks);

    public static StepResult Step(string name, StepStatus status, IReadOnlyList<Change> changes, params CheckResult[] checks) =>
        new(name, status, 1500, changes, checks);

    public static StepResult Failed(string name, string error, params CheckResult[] checks) =>
        new(name, StepStatus.Failed, 800, [], checks, error);

    public static Report Report(IReadOnlyList<StepResult> steps, params CheckResult[] checks) =>
        new(
            CreatioIdentity.Reporting.Report.CurrentSchemaVersion,
            steps.All(s => s.Status != StepStatus.Failed) && checks.All(c => c.Status != CheckStatus.Fail),
            "connect",
            "https://creatio.example.com",
            "run-42",
            steps,
            checks);

    public static Report Report(params CheckResult[] checks) => Report([Step("Diagnose")], checks);
}
