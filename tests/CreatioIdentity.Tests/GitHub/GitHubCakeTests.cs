using CreatioIdentity.Checks;
using CreatioIdentity.GitHub;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.GitHub;

/// <summary>
/// `dotnet cake --check-run=true --github-issue=true` as a workflow runs it: the Cake script runs
/// the target against a sandbox, then its Teardown runs creatio-identity-github as a process,
/// which talks to the GitHub stand-in. Runs alone, beside the other dotnet cake test.
/// </summary>
[Collection(CakeGroup.Name)]
public sealed class GitHubCakeTests
{
    private static Task<(int ExitCode, string Output)> CakeAsync(EngineRun sandbox, GitHubWorld gitHub, string reportDir) =>
        CakeProcess.RunAsync(
            ["--target=ConnectIdentity", "--engine=jit", $"--config={sandbox.ConfigPath}", $"--report-dir={reportDir}", "--check-run=true", "--github-issue=true"],
            [.. sandbox.Environment, .. gitHub.Environment, new(GitHubContext.EventPathVariable, null)]);

    [Fact]
    public async Task Should_Publish_The_Check_Run_And_Keep_The_Issue_After_A_Red_And_Then_A_Green_Target()
    {
        // Given: a Creatio that cannot reach its Identity Service, then one that can (both on 127.0.0.1)
        await using var gitHub = await GitHubWorld.StartAsync();
        await using var broken = await EngineRun.StartAsync(new SandboxOptions { CreatioCanReachIdentityService = false });
        await using var healthy = await EngineRun.StartAsync();

        // When
        var red = await CakeAsync(broken, gitHub, Path.Combine(broken.Directory, "report"));
        var issueWhileRed = gitHub.GitHub.Issues.SingleOrDefault();
        var redCheckRun = gitHub.GitHub.CheckRuns.LastOrDefault();
        var green = await CakeAsync(healthy, gitHub, Path.Combine(healthy.Directory, "report"));

        // Then: the red run keeps the engine's exit code, publishes a failed check run and opens the issue
        Assert.True(red.ExitCode == 1, red.Output);
        Assert.NotNull(redCheckRun);
        Assert.Equal("failure", (string?)redCheckRun["conclusion"]);
        Assert.Equal(GitHubWorld.Sha, (string?)redCheckRun["head_sha"]);
        Assert.Matches("^[0-9]+ of [0-9]+ checks red$", (string?)redCheckRun["output"]?["title"]);
        Assert.NotNull(issueWhileRed);
        Assert.Equal("Creatio Identity Service red: 127.0.0.1", issueWhileRed.Title);
        Assert.Contains("`IdentityServiceAvailable`", issueWhileRed.Body, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1: red (", red.Output, StringComparison.Ordinal);

        // Then: the green run publishes a successful check run and closes the issue
        Assert.True(green.ExitCode == 0, green.Output);
        Assert.Equal(2, gitHub.GitHub.CheckRuns.Count);
        Assert.Equal("success", (string?)gitHub.GitHub.CheckRuns[1]["conclusion"]);
        Assert.Equal($"All {CheckIds.All.Count} checks green", (string?)gitHub.GitHub.CheckRuns[1]["output"]?["title"]);
        var issue = Assert.Single(gitHub.GitHub.Issues);
        Assert.Equal("closed", issue.State);
        Assert.Contains("127.0.0.1: green again, closed issue #1", green.Output, StringComparison.Ordinal);

        // Then: no secret in the console
        foreach (var secret in broken.SecretsAndSessions.Concat(healthy.SecretsAndSessions).Append(gitHub.GitHub.Token))
        {
            Assert.DoesNotContain(secret, red.Output + green.Output, StringComparison.Ordinal);
        }
    }
}
