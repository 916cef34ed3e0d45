using CreatioIdentity.Checks;
using CreatioIdentity.GitHub;

namespace CreatioIdentity.Tests.GitHub;

public sealed class CheckRunCommandTests
{
    public sealed class WhenTheReportIsGreen : IAsyncLifetime
    {
        private GitHubWorld world = null!;

        public async Task InitializeAsync() => world = await GitHubWorld.StartAsync();

        public async Task DisposeAsync() => await world.DisposeAsync();

        [Fact]
        public async Task Should_Create_A_Completed_Successful_Check_Run_On_The_Commit_With_The_Checks_Table()
        {
            // Given
            world.WriteReport(Reports.Site());

            // When
            var run = await world.CheckRunAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            var request = Assert.Single(world.GitHub.Requests);
            Assert.Equal("POST", request.Method);
            Assert.Equal($"/repos/{GitHubWorld.Repository}/check-runs", request.Path);
            var checkRun = Assert.Single(world.GitHub.CheckRuns);
            Assert.Equal("Creatio Identity Service", (string?)checkRun["name"]);
            Assert.Equal(GitHubWorld.Sha, (string?)checkRun["head_sha"]);
            Assert.Equal("completed", (string?)checkRun["status"]);
            Assert.Equal("success", (string?)checkRun["conclusion"]);
            Assert.Equal($"All {CheckIds.All.Count} checks green", (string?)checkRun["output"]?["title"]);
            var summary = (string?)checkRun["output"]?["summary"];
            Assert.Contains("| Check | Status | Message |", summary, StringComparison.Ordinal);
            Assert.Contains("| AccessTokenRetrievable | ✅ pass | `AccessTokenRetrievable is green.` |", summary, StringComparison.Ordinal);
            Assert.Contains($"success, All {CheckIds.All.Count} checks green", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Take_The_Name_Given()
        {
            // Given
            world.WriteReport(Reports.Site());

            // When
            var run = await world.CheckRunAsync("--name", "Identity (prod)");

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal("Identity (prod)", (string?)Assert.Single(world.GitHub.CheckRuns)["name"]);
        }

        [Fact]
        public async Task Should_Put_It_On_The_Head_Commit_Of_A_Pull_Request()
        {
            // Given: GITHUB_SHA of a pull_request event is GitHub's merge commit
            world.WriteReport(Reports.Site());
            var eventPath = Path.Combine(world.Directory, "event.json");
            File.WriteAllText(eventPath, """{"action":"synchronize","pull_request":{"number":7,"head":{"sha":"feedfacefeedfacefeedfacefeedfacefeedface"}}}""");
            world.Environment[GitHubContext.EventPathVariable] = eventPath;

            // When
            var run = await world.CheckRunAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal("feedfacefeedfacefeedfacefeedfacefeedface", (string?)Assert.Single(world.GitHub.CheckRuns)["head_sha"]);
        }

        [Fact]
        public async Task Should_Keep_To_Github_Sha_When_The_Event_Is_Not_A_Pull_Request()
        {
            // Given
            world.WriteReport(Reports.Site());
            var eventPath = Path.Combine(world.Directory, "event.json");
            File.WriteAllText(eventPath, """{"ref":"refs/heads/main","head_commit":{"id":"abc"}}""");
            world.Environment[GitHubContext.EventPathVariable] = eventPath;

            // When
            var run = await world.CheckRunAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(GitHubWorld.Sha, (string?)Assert.Single(world.GitHub.CheckRuns)["head_sha"]);
        }
    }

    public sealed class WhenTheReportIsRed : IAsyncLifetime
    {
        private GitHubWorld world = null!;

        public async Task InitializeAsync() => world = await GitHubWorld.StartAsync();

        public async Task DisposeAsync() => await world.DisposeAsync();

        [Fact]
        public async Task Should_Create_A_Failed_Check_Run_That_Counts_The_Red_Checks_And_Shows_Their_Messages()
        {
            // Given
            world.WriteReport(Reports.Site(CheckIds.IdentityServiceAvailable, CheckIds.AccessTokenRetrievable));

            // When
            var run = await world.CheckRunAsync();

            // Then: a courtesy never fails the job, even when the checks are red
            Assert.True(run.ExitCode == 0, run.Output);
            var checkRun = Assert.Single(world.GitHub.CheckRuns);
            Assert.Equal("completed", (string?)checkRun["status"]);
            Assert.Equal("failure", (string?)checkRun["conclusion"]);
            Assert.Equal($"2 of {CheckIds.All.Count} checks red", (string?)checkRun["output"]?["title"]);
            Assert.Contains("| IdentityServiceAvailable | ❌ fail | `IdentityServiceAvailable is red: check the Identity Service settings.` |", (string?)checkRun["output"]?["summary"], StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Name_The_Red_Environments_Of_A_Multi_Environment_Report()
        {
            // Given
            world.WriteReport(Reports.Environments(Reports.Environment("prod", CheckIds.CreatioLogin), Reports.Environment("test")));

            // When
            var run = await world.CheckRunAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            var checkRun = Assert.Single(world.GitHub.CheckRuns);
            Assert.Equal("failure", (string?)checkRun["conclusion"]);
            Assert.Equal($"1 of {2 * CheckIds.All.Count} checks red in prod", (string?)checkRun["output"]?["title"]);
            var summary = (string)checkRun["output"]!["summary"]!;
            Assert.Contains("# prod", summary, StringComparison.Ordinal);
            Assert.Contains("# test", summary, StringComparison.Ordinal);
            Assert.Contains("https://prod.creatio.example.com", summary, StringComparison.Ordinal);
        }
    }

    public sealed class WhenGitHubRefuses : IAsyncLifetime
    {
        private GitHubWorld world = null!;

        public async Task InitializeAsync() => world = await GitHubWorld.StartAsync();

        public async Task DisposeAsync() => await world.DisposeAsync();

        [Fact]
        public async Task Should_Warn_To_Add_Checks_Write_And_Exit_0_When_The_Token_May_Not_Write_Checks()
        {
            // Given: a job without permissions: checks: write
            world.WriteReport(Reports.Site());
            world.GitHub.ChecksForbidden = true;

            // When
            var run = await world.CheckRunAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Single(world.GitHub.Requests);
            Assert.Empty(world.GitHub.CheckRuns);
            var warning = Assert.Single(Lines(run.Output), line => line.StartsWith("::warning::", StringComparison.Ordinal));
            Assert.Contains("403 Resource not accessible by integration", warning, StringComparison.Ordinal);
            Assert.Contains("permissions: checks: write", warning, StringComparison.Ordinal);
            Assert.DoesNotContain(world.GitHub.Token, run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Warn_With_The_Status_And_Exit_0_When_GitHub_Fails()
        {
            // Given
            world.WriteReport(Reports.Site());
            world.GitHub.CheckRunFailure = 502;

            // When
            var run = await world.CheckRunAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            var warning = Assert.Single(Lines(run.Output), line => line.StartsWith("::warning::", StringComparison.Ordinal));
            Assert.Contains("502", warning, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Warn_And_Exit_0_When_The_Api_Cannot_Be_Reached()
        {
            // Given: nothing listens there any more
            world.WriteReport(Reports.Site());
            var address = world.GitHub.ApiUrl;
            await world.GitHub.DisposeAsync();
            world.Environment[GitHubContext.ApiUrlVariable] = address.AbsoluteUri;

            // When
            var run = await world.CheckRunAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("::warning::No check run published: the GitHub API could not be reached", run.Output, StringComparison.Ordinal);
        }
    }

    public sealed class WhenSomethingIsMissing : IAsyncLifetime
    {
        private GitHubWorld world = null!;

        public async Task InitializeAsync() => world = await GitHubWorld.StartAsync();

        public async Task DisposeAsync() => await world.DisposeAsync();

        [Theory]
        [InlineData(GitHubContext.TokenVariable)]
        [InlineData(GitHubContext.RepositoryVariable)]
        [InlineData(GitHubContext.ShaVariable)]
        public async Task Should_Warn_Naming_The_Missing_Variable_And_Exit_0_Without_Calling_GitHub(string variable)
        {
            // Given
            world.WriteReport(Reports.Site());
            world.Environment.Remove(variable);

            // When
            var run = await world.CheckRunAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Empty(world.GitHub.Requests);
            var warning = Assert.Single(Lines(run.Output));
            Assert.StartsWith("::warning::No check run published: ", warning, StringComparison.Ordinal);
            Assert.Contains($"{variable} is not set", warning, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Warn_And_Exit_0_When_There_Is_No_Report()
        {
            // When
            var run = await world.CheckRunAsync();

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Empty(world.GitHub.Requests);
            Assert.Contains("report.json does not exist", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Not_Publish_A_Report_Of_Another_Run()
        {
            // Given: report.json left behind by an earlier run
            world.WriteReport(Reports.Site());

            // When
            var run = await world.CheckRunAsync("--run-id", "run-2");

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Empty(world.GitHub.Requests);
            Assert.Contains("is from another run than run-2", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Exit_3_On_An_Unknown_Option()
        {
            // When
            var run = await world.RunAsync("check-run", "--colour", "red");

            // Then
            Assert.Equal(3, run.ExitCode);
            Assert.Contains("::error::", run.Output, StringComparison.Ordinal);
            Assert.Empty(world.GitHub.Requests);
        }
    }

    private static string[] Lines(string output) => output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
