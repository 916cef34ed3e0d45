using System.Text.RegularExpressions;
using System.Xml.Linq;
using CreatioIdentity.Reporting;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Tests.GitHub;
using CreatioIdentity.Tests.Reporting;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// Server text is data, never a command or markup (issue 13): a Creatio whose health check or
/// feature service answers with CI runner commands, a carriage return, Markdown and HTML
/// (<see cref="HostileText"/>), under each agent. What the runner reads (line by line, a CR ends a
/// line as an LF does) executes nothing of it; what GitHub renders (summary.md, the job summary,
/// the check run, the issue) links, shows, mentions and references nothing of it.
/// </summary>
public sealed partial class ServerTextTests
{
    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var agent in EngineRun.Agents)
            {
                data.Add(agent, "api/OAuthHealthCheck"); // reaches the checks, whole
                data.Add(agent, "SelectQuery");          // reaches a step's error, quoted from the body
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_Stay_Text_In_The_Log_And_In_Every_Markdown_GitHub_Renders(string agent, string path)
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        world.ActAs(agent);
        world.Sandbox.Faults.Add(Fault.Hostile(path));

        // When
        var run = await world.RunAsync("connect");

        // Then: the text reached the log (else this proves nothing), and the runner executes none of it
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(HostileText.Marker, run.Output, StringComparison.Ordinal);
        AssertRunnerExecutesNothing(run.Output);

        // Then: the Markdown shows it as written
        var summary = run.ReportFiles[ReportStore.SummaryFileName];
        Assert.Contains(HostileText.Marker, summary, StringComparison.Ordinal);
        MarkdownAssert.DoesNothing(summary);
        MarkdownAssert.TablesKeepTheirColumns(summary);
        _ = XDocument.Parse(run.ReportFiles[ReportStore.JUnitFileName]);
        if (agent == "github")
        {
            MarkdownAssert.DoesNothing(File.ReadAllText(Path.Combine(world.Directory, "step-summary.md")));
            await AssertGitHubShowsItAsTextAsync(world);
        }
    }

    /// <summary>
    /// Read as a GitHub runner and an Azure Pipelines agent read standard output: no workflow
    /// command whose data is the server's ("::error::pwned"), no "##[...]" form with it, no Azure
    /// logging command but the agent's own.
    /// </summary>
    private static void AssertRunnerExecutesNothing(string output)
    {
        foreach (var line in output.Split('\n', '\r'))
        {
            Assert.DoesNotMatch(InjectedWorkflowCommand(), line);
            Assert.DoesNotMatch(InjectedLegacyCommand(), line);
            Assert.DoesNotContain("##vso[task.complete result=Succeeded", line, StringComparison.OrdinalIgnoreCase);
            if (line.Contains("##vso[", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Matches(OwnAzureCommand(), line);
            }
        }
    }

    /// <summary>The GitHub reporter on the report: its check run and its issue, as GitHub would render them.</summary>
    private static async Task AssertGitHubShowsItAsTextAsync(EngineRun world)
    {
        await using var gitHub = await GitHubWorld.StartAsync();
        var checkRun = await gitHub.RunAsync("check-run", "--report-dir", world.ReportDir);
        var issues = await gitHub.RunAsync("sync-issues", "--report-dir", world.ReportDir);

        Assert.True(checkRun.ExitCode == 0 && issues.ExitCode == 0, checkRun.Output + issues.Output);
        AssertRunnerExecutesNothing(checkRun.Output + issues.Output);
        var output = Assert.Single(gitHub.GitHub.CheckRuns)["output"]!;
        Assert.DoesNotMatch(ControlCharacter(), (string)output["title"]!);
        MarkdownAssert.DoesNothing((string)output["summary"]!);
        var issue = Assert.Single(gitHub.GitHub.Issues);
        Assert.DoesNotMatch(ControlCharacter(), issue.Title);
        Assert.Contains(HostileText.Marker, issue.Body, StringComparison.Ordinal);
        MarkdownAssert.DoesNothing(issue.Body!);
        MarkdownAssert.TablesKeepTheirColumns(issue.Body!);
    }

    [GeneratedRegex(@"^\s*::[^:]*::\W*pwned")]
    private static partial Regex InjectedWorkflowCommand();

    [GeneratedRegex(@"##\[[^\]]*\]\W*pwned")]
    private static partial Regex InjectedLegacyCommand();

    [GeneratedRegex(@"^##vso\[task\.(setsecret|logissue [^\]]*|uploadsummary|complete result=Failed;)\]")]
    private static partial Regex OwnAzureCommand();

    [GeneratedRegex(@"\p{Cc}")]
    private static partial Regex ControlCharacter();
}
