using CreatioIdentity.Reporting;
using Octokit;

namespace CreatioIdentity.GitHub.CheckRuns;

/// <summary>
/// check-run: a completed check run on the commit, named "Creatio Identity Service" by default,
/// with the checks table as its output. A courtesy, never the verdict: the job's result comes
/// from the engine, so whatever goes wrong here is a warning and exit 0.
/// </summary>
public sealed class CheckRunCommand(GitHubContext context, WorkflowLog log, Func<GitHubContext, IGitHubClient> clients)
{
    public const string DefaultName = "Creatio Identity Service";

    public async Task<int> RunAsync(string reportDir, string name, string? runId, CancellationToken cancellationToken)
    {
        if (context.Problems(needsSha: true) is { Count: > 0 } problems)
        {
            log.Warning($"No check run published: {string.Join("; ", problems)}.");
            return ExitCodes.Ok;
        }

        if (ReportFile.Read(reportDir, runId) is not { } report)
        {
            log.Warning($"No check run published: {ReportFile.Missing(reportDir, runId)}.");
            return ExitCodes.Ok;
        }

        var title = CheckRunOutput.Title(report);
        var conclusion = report.Ok ? CheckConclusion.Success : CheckConclusion.Failure;
        var checkRun = new NewCheckRun(name, context.Sha)
        {
            Status = CheckStatus.Completed,
            Conclusion = conclusion,
            CompletedAt = DateTimeOffset.UtcNow,
            Output = new NewCheckRunOutput(title, CheckRunOutput.Summary(report)),
        };

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var created = await clients(context).Check.Run.Create(context.Owner, context.Name, checkRun);
            log.Info($"Check run '{name}' on {Short(context.Sha!)}: {(report.Ok ? "success" : "failure")}, {title}.{(created.HtmlUrl is { } url ? " " + url : string.Empty)}");
        }
        catch (Exception ex) when (GitHubClients.IsMissingPermission(ex))
        {
            log.Warning($"No check run published: {GitHubClients.Describe(ex)}. The job's token may not write checks: add `permissions: checks: write` to the job (a pull request from a fork never gets it).");
        }
        catch (Exception ex) when (GitHubClients.IsApiFailure(ex))
        {
            log.Warning($"No check run published: {GitHubClients.Describe(ex)} (POST {context.ApiUrl}repos/{context.Repository}/check-runs).");
        }

        return ExitCodes.Ok;
    }

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;
}
