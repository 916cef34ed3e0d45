using CreatioIdentity.Tests.GitHub;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.Environments;

/// <summary>Monitor's report of several sites, read by creatio-identity-github sync-issues against the GitHub stand-in.</summary>
public sealed class MonitorGitHubIssueTests
{
    [Fact]
    public async Task Should_Open_One_Issue_For_The_Red_Site_And_Close_It_When_It_Is_Green_Again()
    {
        // Given: dev and prod connected, then prod's password changes in the vault but not in Creatio
        await using var sites = await EngineRun.StartSitesAsync("dev", "prod");
        await using var gitHub = await GitHubWorld.StartAsync();
        Assert.Equal(0, (await sites.RunSitesAsync("connect", "all")).ExitCode);
        sites["dev"].Creatio.ClearRecord();
        sites["prod"].Creatio.ClearRecord();
        var password = sites.Environment["PROD_CREATIO_PASSWORD"];
        sites.Environment["PROD_CREATIO_PASSWORD"] = "rotated-too-early";

        // When: the schedule runs Monitor and syncs twice while red, then once green
        var red = await sites.RunSitesAsync("monitor", "all");
        var firstSync = await gitHub.RunAsync("sync-issues", "--report-dir", sites.ReportDir);
        var secondSync = await gitHub.RunAsync("sync-issues", "--report-dir", sites.ReportDir);
        sites.Environment["PROD_CREATIO_PASSWORD"] = password;
        var green = await sites.RunSitesAsync("monitor", "all");
        var thirdSync = await gitHub.RunAsync("sync-issues", "--report-dir", sites.ReportDir);

        // Then: one issue for prod, never a second one, closed once green
        Assert.Equal(1, red.ExitCode);
        Assert.True(firstSync.ExitCode == 0, firstSync.Output);
        Assert.True(secondSync.ExitCode == 0, secondSync.Output);
        Assert.Equal(0, green.ExitCode);
        Assert.True(thirdSync.ExitCode == 0, thirdSync.Output);
        var issue = Assert.Single(gitHub.GitHub.Issues);
        Assert.Equal("Creatio Identity Service red: prod", issue.Title);
        Assert.Equal("closed", issue.State);
        Assert.Contains(sites["prod"].CreatioUrl.AbsoluteUri.TrimEnd('/'), issue.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(sites["dev"].CreatioUrl.AbsoluteUri.TrimEnd('/'), issue.Body, StringComparison.Ordinal);
        Assert.All(sites.Secrets, secret => Assert.DoesNotContain(secret, issue.Body, StringComparison.Ordinal));
        Assert.Empty(sites["dev"].Creatio.Writes);
        Assert.Empty(sites["prod"].Creatio.Writes);
    }
}
