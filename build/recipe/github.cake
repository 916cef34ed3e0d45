// Reporting to GitHub after the target, through the engine's `github` command (the GitHub
// reporter the tool carries; it reads the report.json of this run and never calls Creatio).
//   --check-run=true     after the target, pass or fail, publish a check run (needs checks: write;
//                        a courtesy: it never changes the exit code)
//   --github-issue=true  after the target, pass or fail, keep one GitHub issue per red environment
//                        (needs issues: write; when GitHub refuses, the run fails with exit 1)
// Both take GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_API_URL from the environment.

bool CheckRunRequested => Argument("check-run", false);

bool GitHubIssueRequested => Argument("github-issue", false);

bool gitHubIssuesSynced;

int RunGitHub(BuildParameters parameters, string command)
{
    var arguments = new ProcessArgumentBuilder();
    if (engine.Dll is not null)
    {
        arguments.AppendQuoted(engine.Dll);
    }

    return StartProcess(engine.FileName, new ProcessSettings
    {
        Arguments = arguments
            .Append("github").Append(command)
            .Append("--report-dir").AppendQuoted(parameters.ReportDirectory.FullPath)
            // Only this run's report: a report left by an earlier run is never published.
            .Append("--run-id").AppendQuoted(parameters.RunId),
        WorkingDirectory = parameters.CallerDirectory,
    });
}

// Publishes the check run; whatever goes wrong is a warning, never the run's result.
void PublishCheckRun(BuildParameters parameters)
{
    try
    {
        RunGitHub(parameters, "check-run");
    }
    catch (Exception ex)
    {
        Warning("No check run published: {0}", ex.Message);
    }
}

// Opens, updates or closes the issues of the report's environments (the Monitor target, or any
// target with --github-issue=true). Throws with exit 1 when the alerting itself is broken.
void SyncGitHubIssues(BuildParameters parameters)
{
    gitHubIssuesSynced = true;
    var exitCode = RunGitHub(parameters, "sync-issues");
    if (exitCode != 0)
    {
        throw new CakeException(exitCode, $"creatio-identity github sync-issues exited with code {exitCode}: the GitHub issues were not kept up to date.");
    }
}

// Called by the Teardown, so that it runs after a failed target too (a red target is exactly
// when the check run and the issue matter). Nothing to report when the engine never got ready.
void ReportToGitHub(BuildParameters parameters, ITeardownContext context)
{
    if (engine is null)
    {
        return;
    }

    if (CheckRunRequested)
    {
        InLogGroup("Check run", () => PublishCheckRun(parameters));
    }

    if (GitHubIssueRequested && !gitHubIssuesSynced)
    {
        try
        {
            InLogGroup("GitHub issues", () => SyncGitHubIssues(parameters));
        }
        catch (CakeException) when (!context.Successful)
        {
            // The target's own failure and exit code stand; the sync said what went wrong.
        }
    }
}
