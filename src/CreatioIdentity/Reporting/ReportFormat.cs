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
    /// a green report that never asked Creatio (validate, preflight, plan) says just that.
    /// </summary>
    public static (string Text, bool Good) Headline(Report report)
    {
        if (!report.Ok)
        {
            return ("Creatio Identity Service: not connected", false);
        }

        var connected = report.Checks.Any(check => check.Id == CheckIds.AccessTokenRetrievable && check.Status == CheckStatus.Pass);
        return connected
            ? ("Creatio Identity Service: connected", true)
            : ($"Creatio Identity Service: {report.Command} found nothing red (the connection was not tested)", true);
    }

    public static string Change(Change change) => $"{change.Item}: {change.From ?? Absent} → {change.To ?? Absent}";

    public static string Status(StepStatus status) => ReportJson.Format(status);

    public static string Status(CheckStatus status) => ReportJson.Format(status);
}
