using CreatioIdentity.Reporting;
using Octokit;

namespace CreatioIdentity.GitHub.Issues;

/// <summary>
/// sync-issues: one open issue per red environment, found again by its marker among the open
/// issues with the label; updated while red (commenting only when the red checks change), and
/// commented on and closed once green. Monitoring relies on it, so a refusal by GitHub (or no
/// report to go by) is an error and exit 1: the job shows that its alerting is broken.
/// </summary>
public sealed class SyncIssuesCommand(GitHubContext context, WorkflowLog log, Func<GitHubContext, IGitHubClient> clients)
{
    private const string LabelColor = "b60205";

    public async Task<int> RunAsync(string reportDir, string label, string? runId, CancellationToken cancellationToken)
    {
        if (context.Problems(needsSha: false) is { Count: > 0 } problems)
        {
            log.Error($"Cannot sync GitHub issues: {string.Join("; ", problems)}.");
            return ExitCodes.Failed;
        }

        if (ReportFile.Read(reportDir, runId) is not { } report)
        {
            log.Error($"Cannot sync GitHub issues: {ReportFile.Missing(reportDir, runId)}.");
            return ExitCodes.Failed;
        }

        var client = clients(context);
        try
        {
            await EnsureLabelAsync(client, label);
            var open = await OpenIssuesAsync(client, label);
            foreach (var environment in ReportEnvironments.Of(report))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var issue = open.FirstOrDefault(i => EnvironmentIssue.IsFor(i.Body, environment.Name));
                log.Info($"{environment.Name}: {await SyncAsync(client, label, report, environment, issue)}");
            }
        }
        catch (Exception ex) when (GitHubClients.IsApiFailure(ex))
        {
            var advice = ex is ForbiddenException or AuthorizationException
                ? " Give the job `permissions: issues: write` (and a token that may write to the repository)."
                : string.Empty;
            log.Error($"Cannot sync GitHub issues of {context.Repository}: {GitHubClients.Describe(ex)}.{advice} The monitoring still ran; its alerting did not.");
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }

    private async Task<string> SyncAsync(IGitHubClient client, string label, Report report, EnvironmentReport environment, Issue? issue)
    {
        var red = ReportEnvironments.RedItems(environment);
        if (!ReportEnvironments.IsRed(environment))
        {
            if (issue is null)
            {
                return "green, no open issue";
            }

            await client.Issue.Comment.Create(context.Owner, context.Name, issue.Number, EnvironmentIssue.GreenComment(environment.Name, context.RunUrl));
            await client.Issue.Update(context.Owner, context.Name, issue.Number, new IssueUpdate { State = ItemState.Closed, StateReason = ItemStateReason.Completed });
            return $"green again, closed issue #{issue.Number}";
        }

        var body = EnvironmentIssue.Body(report, environment, context.RunUrl);
        var redList = string.Join(", ", red);
        if (issue is null)
        {
            var created = new NewIssue(EnvironmentIssue.Title(environment.Name)) { Body = body };
            created.Labels.Add(label);
            var opened = await client.Issue.Create(context.Owner, context.Name, created);
            return $"red ({redList}), opened issue #{opened.Number}";
        }

        var before = EnvironmentIssue.RecordedRedItems(issue.Body);
        var changed = before is null || !before.SetEquals(red);
        if (!string.Equals(issue.Body, body, StringComparison.Ordinal))
        {
            await client.Issue.Update(context.Owner, context.Name, issue.Number, new IssueUpdate { Body = body });
        }

        if (!changed)
        {
            return $"still red ({redList}), updated issue #{issue.Number}";
        }

        await client.Issue.Comment.Create(context.Owner, context.Name, issue.Number, EnvironmentIssue.ChangedComment(red, before, context.RunUrl));
        return $"red checks changed ({redList}), updated and commented on issue #{issue.Number}";
    }

    private async Task EnsureLabelAsync(IGitHubClient client, string label)
    {
        try
        {
            await client.Issue.Labels.Get(context.Owner, context.Name, label);
        }
        catch (NotFoundException)
        {
            await client.Issue.Labels.Create(context.Owner, context.Name, new NewLabel(label, LabelColor)
            {
                Description = "A Creatio environment whose Identity Service connection is red (creatio-identity)",
            });
            log.Info($"Created the label {label}.");
        }
    }

    // Every page of the label's open issues (Octokit follows the Link header); pull requests are
    // issues too in this API and are left out. Oldest first, so that a duplicate made by hand
    // never takes the place of the original.
    private async Task<IReadOnlyList<Issue>> OpenIssuesAsync(IGitHubClient client, string label)
    {
        var request = new RepositoryIssueRequest { State = ItemStateFilter.Open, SortProperty = IssueSort.Created, SortDirection = SortDirection.Ascending };
        request.Labels.Add(label);
        var issues = await client.Issue.GetAllForRepository(context.Owner, context.Name, request, new ApiOptions { PageSize = 100 });
        return [.. issues.Where(i => i.PullRequest is null).OrderBy(i => i.Number)];
    }
}
