using System.CommandLine;
using System.Diagnostics;
using CreatioIdentity.Agents;
using CreatioIdentity.Companions;
using CreatioIdentity.Protocol;

namespace CreatioIdentity.Commands;

/// <summary>
/// `github check-run` and `github sync-issues`: report this run's report.json to GitHub. They run
/// the GitHub reporter (src/CreatioIdentity.GitHub, a framework-dependent program because Octokit
/// serialises by reflection, which native AOT cannot) that the tool carries in its github/ folder,
/// with this process's console and environment (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_SHA, ...).
/// </summary>
internal static class GitHubCommand
{
    public static Command Create(Option<string> reportDirOption, IBuildAgent agent, Func<string, string?> environment)
    {
        var runIdOption = new Option<string?>("--run-id")
        {
            Description = $"Publish report.json only when it belongs to this run; default: {EngineVariables.RunId}, as the engine wrote it.",
            Recursive = true,
        };
        var nameOption = new Option<string?>("--name") { Description = "The check run's name (default: Creatio Identity Service)." };
        var labelOption = new Option<string?>("--label") { Description = "The label that marks the issues sync-issues keeps (default: creatio-identity)." };

        var checkRun = new Command("check-run", "Publish a check run with the checks table on the commit (permissions: checks: write; never fails the job).") { nameOption };
        var syncIssues = new Command("sync-issues", "Open or update one issue per red environment, close it when green again (permissions: issues: write; exit 1 when GitHub refuses).") { labelOption };
        var github = new Command("github", "Report this run's report.json to GitHub (GITHUB_TOKEN and the job's GITHUB_* variables).") { runIdOption };
        github.Subcommands.Add(checkRun);
        github.Subcommands.Add(syncIssues);

        checkRun.SetAction((parse, cancellationToken) => RunAsync(
            agent, environment, ["check-run", .. Common(parse), .. Optional("--name", parse.GetValue(nameOption))], cancellationToken));
        syncIssues.SetAction((parse, cancellationToken) => RunAsync(
            agent, environment, ["sync-issues", .. Common(parse), .. Optional("--label", parse.GetValue(labelOption))], cancellationToken));
        return github;

        IEnumerable<string> Common(ParseResult parse) =>
            ["--report-dir", Path.GetFullPath(parse.GetValue(reportDirOption)!), .. Optional("--run-id", parse.GetValue(runIdOption) ?? environment(EngineVariables.RunId))];
    }

    private static IEnumerable<string> Optional(string option, string? value) =>
        string.IsNullOrEmpty(value) ? [] : [option, value];

    private static async Task<int> RunAsync(IBuildAgent agent, Func<string, string?> environment, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (Companion.GitHub.Locate() is not { } dll)
        {
            agent.Error($"The GitHub reporter ({Companion.GitHub.DllName}) was not found: the installed tool carries it in its github/ folder (reinstall the tool); in a clone, build it with '{Companion.GitHub.BuildHint}'.");
            return ExitCodes.Failed;
        }

        using var process = Process.Start(Companion.StartInfo(dll, arguments, environment)) ?? throw new InvalidOperationException("dotnet could not be started for the GitHub reporter.");
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }
}
