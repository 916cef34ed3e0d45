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

    public static string Change(Change change) => $"{change.Item}: {change.From ?? Absent} → {change.To ?? Absent}";

    public static string Status(StepStatus status) => ReportJson.Format(status);

    public static string Status(CheckStatus status) => ReportJson.Format(status);
}
