using CreatioIdentity.GitHub;
using CreatioIdentity.Tests.GitHub;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.Environments;

/// <summary>The Cake targets with several sites: ConnectIdentity in one engine process, Monitor, ListEnvironments.</summary>
[Collection(CakeGroup.Name)]
public sealed class CakeEnvironmentsTests
{
    private static Task<(int ExitCode, string Output)> CakeAsync(EngineRun world, params string[] arguments) =>
        CakeProcess.RunAsync([$"--config={world.ConfigPath}", $"--report-dir={world.ReportDir}", .. arguments], world.Environment);

    [Fact]
    public async Task Should_Fan_Out_Connect_And_Monitor_Through_The_Cake_Script()
    {
        // Given: prod's password is wrong; the GitHub stand-in takes the issues
        await using var world = await EngineRun.StartSitesAsync("dev", "prod");
        await using var gitHub = await GitHubWorld.StartAsync();
        world.Environment["PROD_CREATIO_PASSWORD"] = "not-the-password";
        var outputs = Path.Combine(world.Directory, "github-output");
        world.Environment["GITHUB_OUTPUT"] = outputs;
        var temp = Directory.CreateDirectory(Path.Combine(world.Directory, "tmp")).FullName;
        world.Environment["TMPDIR"] = temp;
        world.Environment["TMP"] = temp;

        // When
        var matrix = await CakeAsync(world, "--target=ListEnvironments");
        var connect = await CakeAsync(world, "--target=ConnectIdentity", "--environment=all", "--parallel=2");
        world["dev"].Creatio.ClearRecord();
        foreach (var (name, value) in gitHub.Environment)
        {
            world.Environment[name] = value;
        }

        world.Environment[GitHubContext.EventPathVariable] = null;
        var monitor = await CakeAsync(world, "--target=Monitor", "--environment=dev", "--environment=prod", "--github-issue=true");
        var badParallel = await CakeAsync(world, "--target=Preflight", "--environment=dev", "--parallel=0");

        // Then: the matrix reached the step outputs
        Assert.True(matrix.ExitCode == 0, matrix.Output);
        Assert.Equal("matrix={\"environment\":[\"dev\",\"prod\"]}\n", File.ReadAllText(outputs));

        // Then: prod red does not keep dev from being connected, in one Cake target
        Assert.True(connect.ExitCode == 1, connect.Output);
        Assert.True(world["dev"].Creatio.DefaultResourceRegistered, connect.Output);
        Assert.Equal(1, world["dev"].Creatio.LoginCount);
        Assert.Empty(world["prod"].Creatio.Writes);

        // Then: Monitor writes nothing, keeps the exit code of the red site, and still opens the red site's issue
        Assert.True(monitor.ExitCode == 1, monitor.Output);
        var issue = Assert.Single(gitHub.GitHub.Issues);
        Assert.Equal("Creatio Identity Service red: prod", issue.Title);
        Assert.Equal("open", issue.State);
        Assert.Empty(world["dev"].Creatio.Writes);
        var report = CreatioIdentity.Reporting.ReportStore.TryRead(world.ReportDir)!;
        Assert.Equal("monitor", report.Command);
        Assert.True(report.Environments!.Single(environment => environment.Name == "dev").Ok);
        Assert.False(report.Environments!.Single(environment => environment.Name == "prod").Ok);

        // Then: a bad --parallel is a command-line error
        Assert.True(badParallel.ExitCode == 3, badParallel.Output);
        Assert.Contains("--parallel must be a whole number from 1 to 64", badParallel.Output, StringComparison.Ordinal);
        foreach (var secret in world.Secrets)
        {
            Assert.DoesNotContain(secret, matrix.Output + connect.Output + monitor.Output + badParallel.Output + issue.Body, StringComparison.Ordinal);
        }

        // Then: each run's private folder (sessions, one per site) went with the run
        Assert.Empty(Directory.GetFileSystemEntries(temp, "creatio-identity-*"));
    }
}
