using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;

namespace CreatioIdentity.Reporting;

/// <summary>
/// A report with every text in it masked: what each writer does before it writes, and what a
/// reader of report.json in another process (the GitHub reporter) does before it shows anything.
/// Messages quote servers, and a server may have quoted a secret back.
/// </summary>
public static class ReportMasking
{
    public static Report Mask(Report report, SecretMasker? masker = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var mask = masker ?? SecretMasker.Shared;
        return report with
        {
            Command = mask.Mask(report.Command),
            Creatio = mask.Mask(report.Creatio),
            RunId = Optional(mask, report.RunId),
            Steps = [.. report.Steps.Select(step => Mask(step, mask))],
            Checks = [.. report.Checks.Select(check => Mask(check, mask))],
            Environments = report.Environments is null ? null : [.. report.Environments.Select(environment => Mask(environment, mask))],
            Warnings = [.. report.Warnings.Select(warning => warning with { Message = mask.Mask(warning.Message), File = Optional(mask, warning.File) })],
        };
    }

    private static EnvironmentReport Mask(EnvironmentReport environment, SecretMasker mask) =>
        environment with
        {
            Name = mask.Mask(environment.Name),
            Creatio = mask.Mask(environment.Creatio),
            Steps = [.. environment.Steps.Select(step => Mask(step, mask))],
            Checks = [.. environment.Checks.Select(check => Mask(check, mask))],
        };

    private static StepResult Mask(StepResult step, SecretMasker mask) =>
        step with
        {
            Name = mask.Mask(step.Name),
            Changes = [.. step.Changes.Select(change => new Change(mask.Mask(change.Item), Optional(mask, change.From), Optional(mask, change.To)))],
            Checks = [.. step.Checks.Select(check => Mask(check, mask))],
            Error = Optional(mask, step.Error),
            ErrorCode = Optional(mask, step.ErrorCode),
            NotApplied = [.. step.NotApplied.Select(item => item with { Item = mask.Mask(item.Item), From = Optional(mask, item.From), To = Optional(mask, item.To) })],
        };

    private static CheckResult Mask(CheckResult check, SecretMasker mask) =>
        check with
        {
            Id = mask.Mask(check.Id),
            Message = mask.Mask(check.Message),
            ConfigPath = Optional(mask, check.ConfigPath),
            ErrorCode = Optional(mask, check.ErrorCode),
        };

    private static string? Optional(SecretMasker mask, string? text) => text is null ? null : mask.Mask(text);
}
