// One collapsible log group per Cake task on GitHub Actions and Azure Pipelines.
//
// Groups cannot nest in either log, so they are opened here, around each task (the build of the
// engine, the sandbox start and each step alike), and the engine process a task starts is told
// through CREATIO_IDENTITY_IN_LOG_GROUP to open none of its own.
//
// Secrets: this script never prints a value from the environment. It passes the caller's
// variables to the engine untouched and prints task names, paths, the sandbox's URLs, build
// output and exit codes only. Each engine process registers every secret of the configuration
// with the runner (::add-mask::, ##vso[task.setsecret]) before it prints anything, and the
// runner masks those values in every later line of the job, this script's included.

public sealed class CiLogGroups
{
    public const string InLogGroupVariable = EngineProtocol.InLogGroupVariable;

    private CiLogGroups(string start, string end)
    {
        Start = start;
        End = end;
    }

    public string Start { get; }

    public string End { get; }

    // The same detection as the engine's (protocol.cake: GITHUB_ACTIONS=true, TF_BUILD=True); null on a console.
    public static CiLogGroups Detect()
    {
        if (string.Equals(Environment.GetEnvironmentVariable(EngineProtocol.GitHubActionsVariable), "true", StringComparison.OrdinalIgnoreCase))
        {
            return new CiLogGroups("::group::", "::endgroup::");
        }

        if (string.Equals(Environment.GetEnvironmentVariable(EngineProtocol.AzurePipelinesVariable), "true", StringComparison.OrdinalIgnoreCase))
        {
            return new CiLogGroups("##[group]", "##[endgroup]");
        }

        return null;
    }
}

void DefineLogGroups()
{
    var groups = CiLogGroups.Detect();
    if (groups is null)
    {
        return;
    }

    // TaskTeardown runs whether the task succeeded or failed, so every group is closed.
    TaskSetup(context => System.Console.WriteLine(groups.Start + context.Task.Name));
    TaskTeardown(context => System.Console.WriteLine(groups.End));
}

// A group around work outside any task (the Teardown's reporting to GitHub); nothing on a console.
void InLogGroup(string title, Action work)
{
    var groups = CiLogGroups.Detect();
    if (groups is not null)
    {
        System.Console.WriteLine(groups.Start + title);
    }

    try
    {
        work();
    }
    finally
    {
        if (groups is not null)
        {
            System.Console.WriteLine(groups.End);
        }
    }
}
