using System.Globalization;
using CreatioIdentity.Checks;

namespace CreatioIdentity.Reporting;

/// <summary>How durations, statuses and changes read in every human-facing report, said once.</summary>
internal static class ReportFormat
{
    public const string Absent = "(none)";

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

    public static string Change(Change change) => $"{change.Item}: {change.From ?? Absent} → {change.To ?? Absent}";

    public static string Status(StepStatus status) => ReportJson.Format(status);

    public static string Status(CheckStatus status) => ReportJson.Format(status);
}
