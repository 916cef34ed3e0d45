using CreatioIdentity.Checks;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.GitHub;

/// <summary>
/// The environments a report speaks of: those it lists for a multi-environment run, or the one
/// Creatio site of a plain report, named by its host. Each can be shown as a report of its own,
/// so that the engine's SummaryWriter renders its table.
/// </summary>
public static class ReportEnvironments
{
    public static IReadOnlyList<EnvironmentReport> Of(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);

        return report.Environments is { Count: > 0 } environments
            ? environments
            : [new EnvironmentReport(HostOf(report.Creatio), report.Ok, report.Creatio, report.Steps, report.Checks)];
    }

    public static Report AsReport(Report run, EnvironmentReport environment) =>
        new(run.SchemaVersion, environment.Ok, run.Command, environment.Creatio, run.RunId, environment.Steps, environment.Checks);

    /// <summary>Red when a check failed or a step failed (a step that failed before it could check anything).</summary>
    public static bool IsRed(EnvironmentReport environment) =>
        !environment.Ok || environment.Checks.Any(c => c.Status == CheckStatus.Fail) || environment.Steps.Any(s => s.Status == StepStatus.Failed);

    /// <summary>The ids of the red checks; when only a step failed, "step:Name" stands for it.</summary>
    public static IReadOnlyList<string> RedItems(EnvironmentReport environment)
    {
        var checks = environment.Checks.Where(c => c.Status == CheckStatus.Fail).Select(c => c.Id).ToList();
        return checks.Count > 0
            ? checks
            : [.. environment.Steps.Where(s => s.Status == StepStatus.Failed).Select(s => "step:" + s.Name)];
    }

    // A report of an invalid configuration may name no Creatio at all.
    private static string HostOf(string creatio) =>
        Uri.TryCreate(creatio, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host
        : string.IsNullOrWhiteSpace(creatio) ? UnknownSite
        : creatio;

    public const string UnknownSite = "(no Creatio URL)";
}
