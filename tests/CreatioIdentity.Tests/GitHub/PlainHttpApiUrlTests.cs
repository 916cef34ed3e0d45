using CreatioIdentity.Checks;
using CreatioIdentity.GitHub;

namespace CreatioIdentity.Tests.GitHub;

/// <summary>GITHUB_API_URL on plain http to another host would carry GITHUB_TOKEN in clear: refused, each command by its policy.</summary>
public sealed class PlainHttpApiUrlTests : IAsyncLifetime
{
    private const string PlainHttpApi = "http://ghes.example.com/api/v3";
    private GitHubWorld world = null!;

    public async Task InitializeAsync()
    {
        world = await GitHubWorld.StartAsync();
        world.Environment[GitHubContext.ApiUrlVariable] = PlainHttpApi;
        world.WriteReport(Reports.Site(CheckIds.CreatioLogin));
    }

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Should_Publish_No_Check_Run_And_Warn_With_Exit_0()
    {
        // When
        var run = await world.CheckRunAsync();

        // Then: a courtesy that stays one
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("::warning::No check run published: GITHUB_API_URL is plain http to ghes.example.com (http://ghes.example.com), so GITHUB_TOKEN would cross the network unencrypted", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Environment[GitHubContext.TokenVariable]!, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Not_Sync_Issues_And_Fail_With_Exit_1()
    {
        // When
        var run = await world.SyncIssuesAsync();

        // Then: alerting that cannot run safely is broken alerting
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::error::Cannot sync GitHub issues: GITHUB_API_URL is plain http to ghes.example.com", run.Output, StringComparison.Ordinal);
        Assert.Contains("use the https address of the GitHub API", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Accept_Plain_Http_On_Loopback()
    {
        // Given: the stand-in, on http://127.0.0.1
        world.Environment[GitHubContext.ApiUrlVariable] = world.GitHub.ApiUrl.AbsoluteUri;

        // When
        var run = await world.SyncIssuesAsync();

        // Then
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.NotEmpty(world.GitHub.Requests);
    }
}
