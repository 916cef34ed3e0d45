using CreatioIdentity.Checks;
using CreatioIdentity.GitHub;
using CreatioIdentity.GitHub.Issues;

namespace CreatioIdentity.Tests.GitHub;

public sealed class SyncIssuesCommandTests
{
    private const string Label = "creatio-identity";
    private const string Site = "creatio.example.com";

    public sealed class WhenAnEnvironmentTurnsRed : IAsyncLifetime
    {
        private GitHubWorld world = null!;

        public async Task InitializeAsync() => world = await GitHubWorld.StartAsync();

        public async Task DisposeAsync() => await world.DisposeAsync();

        [Fact]
        public async Task Should_Open_One_Labelled_Issue_That_Names_The_Red_Checks_With_Their_Messages_The_Table_And_The_Run()
        {
            // Given
            world.WriteReport(Reports.Site(CheckIds.IdentityServiceAvailable, CheckIds.AccessTokenRetrievable));

            // When
            var run = await world.SyncIssuesAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            var issue = Assert.Single(world.GitHub.Issues);
            Assert.Equal($"Creatio Identity Service red: {Site}", issue.Title);
            Assert.Equal("open", issue.State);
            Assert.Equal([Label], issue.Labels);
            Assert.Contains($"<!-- creatio-identity:environment={Site} -->", issue.Body, StringComparison.Ordinal);
            Assert.Contains("is red: `IdentityServiceAvailable`, `AccessTokenRetrievable`.", issue.Body, StringComparison.Ordinal);
            Assert.Contains("| AccessTokenRetrievable | ❌ fail | `AccessTokenRetrievable is red: check the Identity Service settings.` |", issue.Body, StringComparison.Ordinal);
            Assert.Contains("| CreatioLogin | ✅ pass | `CreatioLogin is green.` |", issue.Body, StringComparison.Ordinal);
            Assert.Contains(GitHubWorld.RunUrl, issue.Body, StringComparison.Ordinal);
            Assert.Empty(issue.Comments);
            Assert.Contains($"{Site}: red (IdentityServiceAvailable, AccessTokenRetrievable), opened issue #1", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Create_The_Label_When_The_Repository_Lacks_It()
        {
            // Given
            world.WriteReport(Reports.Site(CheckIds.CreatioLogin));

            // When
            var run = await world.SyncIssuesAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains(Label, world.GitHub.Labels);
            Assert.Contains(world.GitHub.Requests, r => r is { Method: "POST", Path: $"/repos/{GitHubWorld.Repository}/labels" });
        }

        [Fact]
        public async Task Should_Use_The_Label_Given()
        {
            // Given
            world.WriteReport(Reports.Site(CheckIds.CreatioLogin));

            // When
            var run = await world.SyncIssuesAsync("--label", "identity-alert");

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(["identity-alert"], Assert.Single(world.GitHub.Issues).Labels);
        }
    }

    public sealed class WhenItStaysRed : IAsyncLifetime
    {
        private GitHubWorld world = null!;

        public async Task InitializeAsync() => world = await GitHubWorld.StartAsync();

        public async Task DisposeAsync() => await world.DisposeAsync();

        [Fact]
        public async Task Should_Update_The_Same_Issue_Without_A_Duplicate_Or_A_Comment()
        {
            // Given: red once, with the issue opened
            world.WriteReport(Reports.Site(CheckIds.AccessTokenRetrievable));
            await world.SyncIssuesAsync();
            world.Environment[GitHubContext.RunIdVariable] = "4712";

            // When: red again, the same check
            var run = await world.SyncIssuesAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            var issue = Assert.Single(world.GitHub.Issues);
            Assert.Equal("open", issue.State);
            Assert.Empty(issue.Comments);
            Assert.Contains("actions/runs/4712", issue.Body, StringComparison.Ordinal);
            Assert.Contains($"{Site}: still red (AccessTokenRetrievable), updated issue #1", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Comment_When_The_Red_Checks_Change()
        {
            // Given
            world.WriteReport(Reports.Site(CheckIds.AccessTokenRetrievable));
            await world.SyncIssuesAsync();

            // When: another check turned red
            world.WriteReport(Reports.Site(CheckIds.IdentityServiceAvailable, CheckIds.AccessTokenRetrievable));
            var run = await world.SyncIssuesAsync();
            var again = await world.SyncIssuesAsync();

            // Then: one comment for the one change
            Assert.True(run.ExitCode == 0, run.Output);
            var issue = Assert.Single(world.GitHub.Issues);
            var comment = Assert.Single(issue.Comments);
            Assert.Contains("now `IdentityServiceAvailable`, `AccessTokenRetrievable` (before: `AccessTokenRetrievable`)", comment, StringComparison.Ordinal);
            Assert.Contains("is red: `IdentityServiceAvailable`, `AccessTokenRetrievable`.", issue.Body, StringComparison.Ordinal);
            Assert.Contains("red checks changed", run.Output, StringComparison.Ordinal);
            Assert.Contains("still red", again.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Comment_Once_And_Take_Over_An_Issue_Whose_Body_Was_Rewritten_By_Hand()
        {
            // Given: someone kept the environment marker but replaced the rest of the body
            world.GitHub.AddIssue($"Creatio Identity Service red: {Site}", EnvironmentIssue.Marker(Site) + "\nLooking into it. -- ops", issueLabels: Label);
            world.WriteReport(Reports.Site(CheckIds.CreatioLogin));

            // When
            var run = await world.SyncIssuesAsync();
            var again = await world.SyncIssuesAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            var issue = Assert.Single(world.GitHub.Issues);
            Assert.Contains("now `CreatioLogin` (before: unknown)", Assert.Single(issue.Comments), StringComparison.Ordinal);
            Assert.Contains("is red: `CreatioLogin`.", issue.Body, StringComparison.Ordinal);
            Assert.Contains("still red (CreatioLogin)", again.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Find_Its_Issue_On_A_Later_Page_Of_The_Labelled_Issues()
        {
            // Given: five other labelled issues first, two per page, and this site's issue last
            world.GitHub.MaxPageSize = 2;
            for (var i = 0; i < 5; i++)
            {
                world.GitHub.AddIssue($"Creatio Identity Service red: env{i}", EnvironmentIssue.Marker($"env{i}"), issueLabels: Label);
            }

            world.WriteReport(Reports.Site(CheckIds.CreatioLogin));
            world.GitHub.AddIssue($"Creatio Identity Service red: {Site}", EnvironmentIssue.Marker(Site) + "\n<!-- creatio-identity:red=CreatioLogin -->", issueLabels: Label);
            world.GitHub.ClearRequests();

            // When
            var run = await world.SyncIssuesAsync();

            // Then: three pages read, the existing issue updated, nothing opened
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(6, world.GitHub.Issues.Count);
            Assert.Equal(3, world.GitHub.Requests.Count(r => r is { Method: "GET", Path: $"/repos/{GitHubWorld.Repository}/issues" }));
            Assert.DoesNotContain(world.GitHub.Requests, r => r is { Method: "POST", Path: $"/repos/{GitHubWorld.Repository}/issues" });
            Assert.Contains("is red: `CreatioLogin`.", world.GitHub.Issues[5].Body, StringComparison.Ordinal);
            Assert.Contains($"{Site}: still red (CreatioLogin), updated issue #6", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Leave_Pull_Requests_And_Other_Environments_Issues_Alone()
        {
            // Given: a pull request that quotes the marker, and another environment's issue
            world.GitHub.AddIssue("Docs: the issue marker", EnvironmentIssue.Marker(Site), pullRequest: true, issueLabels: Label);
            world.GitHub.AddIssue("Creatio Identity Service red: prod", EnvironmentIssue.Marker("prod"), issueLabels: Label);
            world.WriteReport(Reports.Site(CheckIds.CreatioLogin));

            // When
            var run = await world.SyncIssuesAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(3, world.GitHub.Issues.Count);
            Assert.Equal(EnvironmentIssue.Marker(Site), world.GitHub.Issues[0].Body);
            Assert.Equal(EnvironmentIssue.Marker("prod"), world.GitHub.Issues[1].Body);
            Assert.Contains("opened issue #3", run.Output, StringComparison.Ordinal);
        }
    }

    public sealed class WhenItIsGreenAgain : IAsyncLifetime
    {
        private GitHubWorld world = null!;

        public async Task InitializeAsync() => world = await GitHubWorld.StartAsync();

        public async Task DisposeAsync() => await world.DisposeAsync();

        [Fact]
        public async Task Should_Comment_And_Close_The_Issue()
        {
            // Given
            world.WriteReport(Reports.Site(CheckIds.AccessTokenRetrievable));
            await world.SyncIssuesAsync();

            // When
            world.WriteReport(Reports.Site());
            var run = await world.SyncIssuesAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            var issue = Assert.Single(world.GitHub.Issues);
            Assert.Equal("closed", issue.State);
            Assert.Equal("completed", issue.StateReason);
            var comment = Assert.Single(issue.Comments);
            Assert.Contains($"**`{Site}`** is green again", comment, StringComparison.Ordinal);
            Assert.Contains($"{Site}: green again, closed issue #1", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Open_A_New_Issue_When_It_Turns_Red_After_Being_Closed()
        {
            // Given: red, green (closed), then red again
            world.WriteReport(Reports.Site(CheckIds.AccessTokenRetrievable));
            await world.SyncIssuesAsync();
            world.WriteReport(Reports.Site());
            await world.SyncIssuesAsync();

            // When
            world.WriteReport(Reports.Site(CheckIds.AccessTokenRetrievable));
            var run = await world.SyncIssuesAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(["closed", "open"], world.GitHub.Issues.Select(i => i.State));
        }

        [Fact]
        public async Task Should_Write_Nothing_When_Green_Without_An_Issue()
        {
            // Given
            world.GitHub.AddLabel(Label);
            world.WriteReport(Reports.Site());

            // When
            var run = await world.SyncIssuesAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.All(world.GitHub.Requests, request => Assert.Equal("GET", request.Method));
            Assert.Contains($"{Site}: green, no open issue", run.Output, StringComparison.Ordinal);
        }
    }

    public sealed class WithSeveralEnvironments : IAsyncLifetime
    {
        private GitHubWorld world = null!;

        public async Task InitializeAsync() => world = await GitHubWorld.StartAsync();

        public async Task DisposeAsync() => await world.DisposeAsync();

        [Fact]
        public async Task Should_Open_An_Issue_For_The_Red_Environment_Only()
        {
            // Given
            world.WriteReport(Reports.Environments(Reports.Environment("prod", CheckIds.IdentityServiceAvailable), Reports.Environment("test")));

            // When
            var run = await world.SyncIssuesAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            var issue = Assert.Single(world.GitHub.Issues);
            Assert.Equal("Creatio Identity Service red: prod", issue.Title);
            Assert.Contains("<!-- creatio-identity:environment=prod -->", issue.Body, StringComparison.Ordinal);
            Assert.Contains("https://prod.creatio.example.com", issue.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("test.creatio.example.com", issue.Body, StringComparison.Ordinal);
            Assert.Contains("prod: red (IdentityServiceAvailable), opened issue #1", run.Output, StringComparison.Ordinal);
            Assert.Contains("test: green, no open issue", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Close_One_And_Open_The_Other_When_They_Swap()
        {
            // Given
            world.WriteReport(Reports.Environments(Reports.Environment("prod", CheckIds.IdentityServiceAvailable), Reports.Environment("test")));
            await world.SyncIssuesAsync();

            // When
            world.WriteReport(Reports.Environments(Reports.Environment("prod"), Reports.Environment("test", CheckIds.CreatioLogin)));
            var run = await world.SyncIssuesAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Collection(
                world.GitHub.Issues,
                prod => Assert.Equal(("Creatio Identity Service red: prod", "closed"), (prod.Title, prod.State)),
                test => Assert.Equal(("Creatio Identity Service red: test", "open"), (test.Title, test.State)));
        }
    }

    public sealed class WhenAlertingIsBroken : IAsyncLifetime
    {
        private GitHubWorld world = null!;

        public async Task InitializeAsync() => world = await GitHubWorld.StartAsync();

        public async Task DisposeAsync() => await world.DisposeAsync();

        [Fact]
        public async Task Should_Exit_1_And_Ask_For_Issues_Write_When_GitHub_Refuses()
        {
            // Given: a job without permissions: issues: write
            world.GitHub.IssuesForbidden = true;
            world.WriteReport(Reports.Site(CheckIds.CreatioLogin));

            // When
            var run = await world.SyncIssuesAsync();

            // Then
            Assert.Equal(1, run.ExitCode);
            Assert.Empty(world.GitHub.Issues);
            var error = Assert.Single(run.Output.ReplaceLineEndings("\n").Split('\n'), line => line.StartsWith("::error::", StringComparison.Ordinal));
            Assert.Contains("403 Resource not accessible by integration", error, StringComparison.Ordinal);
            Assert.Contains("permissions: issues: write", error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Exit_1_Without_Calling_GitHub_When_The_Token_Is_Missing()
        {
            // Given
            world.Environment.Remove(GitHubContext.TokenVariable);
            world.WriteReport(Reports.Site(CheckIds.CreatioLogin));

            // When
            var run = await world.SyncIssuesAsync();

            // Then
            Assert.Equal(1, run.ExitCode);
            Assert.Empty(world.GitHub.Requests);
            Assert.Contains("::error::Cannot sync GitHub issues: GITHUB_TOKEN is not set", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Exit_1_When_There_Is_No_Report_To_Go_By()
        {
            // When
            var run = await world.SyncIssuesAsync();

            // Then
            Assert.Equal(1, run.ExitCode);
            Assert.Empty(world.GitHub.Requests);
            Assert.Contains("report.json does not exist", run.Output, StringComparison.Ordinal);
        }
    }

    public sealed class TheToken : IAsyncLifetime
    {
        private GitHubWorld world = null!;

        public async Task InitializeAsync() => world = await GitHubWorld.StartAsync();

        public async Task DisposeAsync() => await world.DisposeAsync();

        [Fact]
        public async Task Should_Reach_GitHub_In_The_Authorization_Header_Only_And_Never_Be_Printed()
        {
            // Given: every path that prints, including GitHub quoting the token back
            var outputs = new List<string>();
            world.WriteReport(Reports.Site(CheckIds.CreatioLogin));
            outputs.Add((await world.SyncIssuesAsync()).Output);
            world.WriteReport(Reports.Site(CheckIds.CreatioLogin, CheckIds.FeatureEnabled));
            outputs.Add((await world.SyncIssuesAsync()).Output);
            world.WriteReport(Reports.Site());
            outputs.Add((await world.SyncIssuesAsync()).Output);
            outputs.Add((await world.CheckRunAsync()).Output);
            world.GitHub.ChecksForbidden = true;
            world.GitHub.IssuesForbidden = true;
            outputs.Add((await world.CheckRunAsync()).Output);
            outputs.Add((await world.SyncIssuesAsync()).Output);
            outputs.Add((await world.RunAsync("sync-issues", "--report-dir", $"{world.ReportDir}-{world.GitHub.Token}")).Output);

            // Then
            Assert.All(world.GitHub.Requests, request => Assert.EndsWith(world.GitHub.Token, request.Authorization, StringComparison.Ordinal));
            var sent = string.Join("\n", world.GitHub.Requests.Select(r => r.Path + r.Query + r.Body?.ToJsonString()));
            Assert.DoesNotContain(world.GitHub.Token, sent, StringComparison.Ordinal);
            Assert.All(outputs, output => Assert.DoesNotContain(world.GitHub.Token, output, StringComparison.Ordinal));
            Assert.Contains("***", outputs[^1], StringComparison.Ordinal);
        }
    }
}
