using System.Globalization;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Agents;

/// <summary>
/// Azure Pipelines (TF_BUILD=True): logging commands on standard output (task.setsecret,
/// ##[group], task.logissue with source path, line and column), summary.md uploaded as the
/// build summary, and task.complete result=Failed when the report is red.
/// </summary>
public sealed class AzurePipelinesAgent(TextWriter output, Func<string, string?> environment, bool plain = false, SecretMasker? masker = null)
    : CommandAgent(output, environment, plain, masker)
{
    public const string DetectVariable = Protocol.CiSystems.AzurePipelinesVariable;
    public const string SourcesDirectoryEnvironmentVariable = "BUILD_SOURCESDIRECTORY";

    public override string Name => "Azure Pipelines";

    protected override string? SourcesDirectoryVariable => SourcesDirectoryEnvironmentVariable;

    protected override string GroupEndCommand => "##[endgroup]";

    public static bool IsRunningOn(Func<string, string?> environment) =>
        Protocol.CiSystems.IsAzurePipelines(environment);

    /// <summary>Uploads summary.md and, when the report is red, fails the task; called once, by the process whose report is final.</summary>
    public override void PublishReport(Report report, string reportDir)
    {
        ArgumentNullException.ThrowIfNull(report);

        var summary = Path.GetFullPath(Path.Combine(reportDir, ReportStore.SummaryFileName));
        if (File.Exists(summary))
        {
            Command("##vso[task.uploadsummary]" + EscapeData(summary));
        }

        if (!report.Ok)
        {
            Command("##vso[task.complete result=Failed;]" + EscapeData(Masked(ReportFormat.Headline(report).Text)));
        }
    }

    /// <summary>A secret output variable (task.setvariable issecret=true isOutput=true), registered as a secret first.</summary>
    public override void HandOff(string name, string value)
    {
        MaskSecrets([value]);
        Command($"##vso[task.setvariable variable={EscapeProperty(name)};issecret=true;isOutput=true]{EscapeData(value)}");
    }

    protected override string MaskCommand(string secret) => "##vso[task.setsecret]" + EscapeData(secret);

    protected override string GroupStartCommand(string title) => "##[group]" + EscapeData(title);

    protected override string IssueCommand(IssueKind kind, string message, SourceLocation? location)
    {
        var type = kind == IssueKind.Error ? "error" : "warning";
        var properties = location is null
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"sourcepath={EscapeProperty(location.File)};linenumber={location.Line};columnnumber={location.Column};");
        return $"##vso[task.logissue type={type};{properties}]{EscapeData(message)}";
    }

    // The agent reads %AZP25 for %, and %0D / %0A for CR / LF; a property also escapes ; and ].
    private static string EscapeData(string value) =>
        value.Replace("%", "%AZP25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(";", "%3B", StringComparison.Ordinal)
            .Replace("]", "%5D", StringComparison.Ordinal);
}
