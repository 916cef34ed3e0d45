using System.CommandLine;
using CreatioIdentity.Configuration;
using CreatioIdentity.GitHub.CheckRuns;
using CreatioIdentity.GitHub.Issues;
using CreatioIdentity.GitHub.Secrets;

namespace CreatioIdentity.GitHub;

/// <summary>
/// creatio-identity-github: reports what the engine wrote in report.json to GitHub. It never
/// calls Creatio. The commands take the job's GitHub context from the environment.
/// </summary>
public static class GitHubProgram
{
    /// <summary>
    /// Runs one command with the job's environment; everything it says goes to <paramref name="output"/>.
    /// <paramref name="variableNames"/> are the names of the job's variables, searched for secrets to mask.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, Func<string, string?> environment, TextWriter output, IEnumerable<string>? variableNames = null, TextReader? input = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);

        SecretMasker.BeginRun();
        GitHubSecrets.Register(environment, variableNames ?? [], SecretMasker.Shared);
        var log = new WorkflowLog(output);
        var root = CreateRoot(GitHubContext.Read(environment), environment, log, input);

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                log.Error(error.Message);
            }

            log.Info("Run 'creatio-identity-github --help' for the commands and options.");
            return ExitCodes.InvalidConfiguration;
        }

        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
    }

    private static RootCommand CreateRoot(GitHubContext context, Func<string, string?> environment, WorkflowLog log, TextReader? input)
    {
        var reportDirOption = new Option<string>("--report-dir")
        {
            Description = "The folder where the engine wrote report.json.",
            DefaultValueFactory = _ => Path.Combine("artifacts", "creatio-identity"),
            Recursive = true,
        };
        var runIdOption = new Option<string?>("--run-id")
        {
            Description = "Use report.json only when it belongs to this run (the Cake script passes its own), so that an old report is never published.",
            Recursive = true,
        };

        var root = new RootCommand("creatio-identity-github: report the checks of report.json to GitHub as a check run or as issues.");
        root.Options.Add(reportDirOption);
        root.Options.Add(runIdOption);
        root.Subcommands.Add(CheckRun(context, log, reportDirOption, runIdOption));
        root.Subcommands.Add(SyncIssues(context, log, reportDirOption, runIdOption));
        root.Subcommands.Add(SetSecrets(environment, log, input));
        return root;
    }

    private static Command CheckRun(GitHubContext context, WorkflowLog log, Option<string> reportDirOption, Option<string?> runIdOption)
    {
        var nameOption = new Option<string>("--name")
        {
            Description = "The check run's name.",
            DefaultValueFactory = _ => CheckRunCommand.DefaultName,
        };
        var checkRun = new Command("check-run", "Publish a completed check run with the checks table on the commit (needs permissions: checks: write; never fails the job).");
        checkRun.Options.Add(nameOption);
        checkRun.SetAction((parse, cancellationToken) =>
            new CheckRunCommand(context, log, GitHubClients.Create).RunAsync(
                parse.GetValue(reportDirOption)!, Required(parse.GetValue(nameOption), CheckRunCommand.DefaultName), parse.GetValue(runIdOption), cancellationToken));
        return checkRun;
    }

    private static Command SyncIssues(GitHubContext context, WorkflowLog log, Option<string> reportDirOption, Option<string?> runIdOption)
    {
        var labelOption = new Option<string>("--label")
        {
            Description = "The label that marks the issues this command keeps (created when missing).",
            DefaultValueFactory = _ => EnvironmentIssue.DefaultLabel,
        };
        var syncIssues = new Command("sync-issues", "Open or update one issue per red environment and close it when green again (needs permissions: issues: write; exit 1 when GitHub refuses).");
        syncIssues.Options.Add(labelOption);
        syncIssues.SetAction((parse, cancellationToken) =>
            new SyncIssuesCommand(context, log, GitHubClients.Create).RunAsync(
                parse.GetValue(reportDirOption)!, Required(parse.GetValue(labelOption), EnvironmentIssue.DefaultLabel), parse.GetValue(runIdOption), cancellationToken));
        return syncIssues;
    }

    private static Command SetSecrets(Func<string, string?> environment, WorkflowLog log, TextReader? input)
    {
        var environmentOption = new Option<string?>("--environment")
        {
            Description = "Write the secrets of this GitHub environment instead of the repository's.",
        };
        var setSecrets = new Command("set-secrets", $"Write GitHub Actions secrets read as one JSON object (name: value) from standard input, sealed with the repository's (or environment's) public key (needs a token in {SetSecretsCommand.TokenVariable} allowed to write secrets).");
        setSecrets.Options.Add(environmentOption);
        setSecrets.SetAction((parse, cancellationToken) =>
            new SetSecretsCommand(environment, log, GitHubClients.Create).RunAsync(input ?? Console.In, parse.GetValue(environmentOption), cancellationToken));
        return setSecrets;
    }

    private static string Required(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
