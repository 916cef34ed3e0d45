using CreatioIdentity.Tests.Agents;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.Environments;

/// <summary>Several sites under the GitHub Actions and Azure Pipelines agents: masks first, one group per site, one summary.</summary>
public sealed class EnvironmentsUnderCiTests
{
    [Fact]
    public async Task Should_Mask_Every_Sites_Secrets_First_And_Publish_One_Summary_On_GitHub()
    {
        // Given
        await using var world = await EngineRun.StartSitesAsync("dev", "prod");
        world.Environment["PROD_CREATIO_PASSWORD"] = "prod-wrong-password-9";
        using var runner = new CommandAgentFixture();
        var agent = runner.GitHub();

        // When
        var exitCode = await world.RunWithAsync(agent, "connect", "all");

        // Then: every secret of every site is masked before any other line
        Assert.Equal(1, exitCode);
        string[] secrets = [world["dev"].Options.CreatioPassword, world["dev"].Options.ClientSecret, "prod-wrong-password-9", world["prod"].Options.ClientSecret];
        var masks = runner.Lines.TakeWhile(line => line.StartsWith("::add-mask::", StringComparison.Ordinal)).ToList();
        Assert.All(secrets, secret => Assert.Contains($"::add-mask::{secret}", masks));
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, string.Join("\n", runner.Lines.Skip(masks.Count)), StringComparison.Ordinal));

        // Then: one group per site, an annotation for prod's red login, one job summary with the overview
        Assert.Equal(["::group::dev", "::group::prod"], runner.Commands.Where(command => command.StartsWith("::group::", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains(runner.Commands, command => command.StartsWith("::error", StringComparison.Ordinal) && command.Contains("prod: CreatioLogin", StringComparison.Ordinal));
        var summary = File.ReadAllText(runner.PathOf("step-summary.md"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(summary, "\\| Environment \\| Status \\|"));
        Assert.Contains("| prod | ❌ not ok |", summary, StringComparison.Ordinal);
        var outputs = CommandAgentFixture.ParseGitHubOutputs(File.ReadAllText(runner.PathOf("github-output")));
        Assert.Equal("false", outputs["ok"]);
    }
}
