using System.Globalization;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;

namespace CreatioIdentity.Reporting;

/// <summary>How durations, statuses and changes read in every human-facing report, said once.</summary>
internal static class ReportFormat
{
    public const string Absent = "(none)";

    /// <summary>How a step writes the "from" of a setting that had no value (ApplySettings).</summary>
    public const string NotSet = "(not set)";

    // The plan command and its one step: what they list is pending, not done. Reporting knows them
    // by name, as report.json does (the arrows run from the steps to the reports, not back).
    private const string PlanCommand = "plan";
    private const string PlanStepName = "Plan";

    public static string Duration(long milliseconds) =>
        milliseconds < 1000
            ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000.0:0.0} s");

    /// <summary>
    /// The one-line verdict: connected only when Creatio itself got a token in this report;
    /// a green report that never asked Creatio (validate, preflight, plan) says just that. The
    /// names in it (environments, the command) pass through <paramref name="quote"/> (Markdown
    /// shows them as code).
    /// </summary>
    public static (string Text, bool Good) Headline(Report report, Func<string, string>? quote = null)
    {
        quote ??= name => name;
        if (report.Environments is { Count: > 0 } environments)
        {
            return EnvironmentsHeadline(quote(report.Command), environments, quote);
        }

        if (!report.Ok)
        {
            return ("Creatio Identity Service: not connected", false);
        }

        if (report.Command == PlanCommand)
        {
            var pending = PendingChanges(report);
            return (pending == 0
                ? "Creatio Identity Service: nothing to change (plan)"
                : $"Creatio Identity Service: {Pending(pending)} (plan); ConnectIdentity makes them", true);
        }

        var connected = report.Checks.Any(check => check.Id == CheckIds.AccessTokenRetrievable && check.Status == CheckStatus.Pass);
        return connected
            ? ("Creatio Identity Service: connected", true)
            : ($"Creatio Identity Service: {quote(report.Command)} found nothing red (the connection was not tested)", true);
    }

    /// <summary>
    /// What is red in one environment, for the overview tables: its red checks, or, when it
    /// stopped before any check was red, the step that failed and why ("Preflight failed (dns)").
    /// </summary>
    public static IReadOnlyList<string> RedItems(EnvironmentReport environment)
    {
        var red = environment.Checks.Where(check => check.Status == CheckStatus.Fail).Select(check => check.Id).ToList();
        if (red.Count == 0 && !environment.Ok)
        {
            red.AddRange(environment.Steps.Where(step => step.Status == StepStatus.Failed)
                .Select(step => step.ErrorCode is null ? $"{step.Name} failed" : $"{step.Name} failed ({step.ErrorCode})"));
        }

        return red;
    }

    /// <summary>"3 of 3 environments connected", or which are red; connected only when each one's own headline says so.</summary>
    private static (string Text, bool Good) EnvironmentsHeadline(string command, IReadOnlyList<EnvironmentReport> environments, Func<string, string> quote)
    {
        var total = environments.Count;
        var red = environments.Where(environment => !environment.Ok).Select(environment => quote(environment.Name)).ToList();
        if (red.Count > 0)
        {
            return ($"Creatio Identity Service: {red.Count} of {total} environments not connected ({string.Join(", ", red)})", false);
        }

        var connected = environments.All(environment => environment.Checks.Any(check => check.Id == CheckIds.AccessTokenRetrievable && check.Status == CheckStatus.Pass));
        return connected
            ? ($"Creatio Identity Service: {total} of {total} environments connected", true)
            : ($"Creatio Identity Service: {command} found nothing red in {total} environments (the connection was not tested in every one)", true);
    }

    /// <summary>
    /// "item: from → to". A secret's value is never known here (both sides are masks), so its
    /// change says what happened to it instead: set (it had none) or replaced. A secret that is
    /// kept is no change at all (ApplySettings says "unchanged" in its check).
    /// </summary>
    public static string Change(Change change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.To == Secret.Mask)
        {
            return $"{change.Item}: {(change.From is null or NotSet ? "set" : "replaced")}";
        }

        return change.From == change.To
            ? $"{change.Item}: unchanged ({change.To ?? Absent})"
            : $"{change.Item}: {change.From ?? Absent} → {change.To ?? Absent}";
    }

    /// <summary>The changes plan found (its exit code 2 says only that there are some).</summary>
    public static int PendingChanges(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Command == PlanCommand ? report.Steps.Sum(step => step.Changes.Count) : 0;
    }

    public static string Pending(int count) => count == 1 ? "1 change pending" : string.Create(CultureInfo.InvariantCulture, $"{count} changes pending");

    /// <summary>
    /// What a step did, in one phrase: its changes (or, for plan, the changes pending), else what it
    /// read and judged ("checked …"): a step that wrote nothing did not leave anything "unchanged"
    /// that it never meant to change.
    /// </summary>
    public static string Summary(StepResult step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var checkedIds = step.Checks.Count == 0 ? "checked the configuration" : "checked " + string.Join(", ", step.Checks.Select(check => check.Id));
        var duration = " (" + Duration(step.DurationMs) + ")";
        return step.Status switch
        {
            StepStatus.Failed => "failed" + duration,
            StepStatus.Skipped => "skipped",
            _ when step.Name == PlanStepName => (step.Changes.Count == 0 ? "nothing to change" : Pending(step.Changes.Count)) + duration,
            StepStatus.Changed => (step.Changes.Count == 1 ? "1 change" : $"{step.Changes.Count} changes")
                + (step.Checks.Count == 0 ? string.Empty : ", " + checkedIds) + duration,
            _ => checkedIds + duration,
        };
    }

    public static string Status(StepStatus status) => ReportJson.Format(status);

    public static string Status(CheckStatus status) => ReportJson.Format(status);
}
