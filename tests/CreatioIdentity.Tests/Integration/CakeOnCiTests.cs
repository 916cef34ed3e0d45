using System.Text.RegularExpressions;
using CreatioIdentity.Agents;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;
using CreatioIdentity.Tests.Agents;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// `dotnet cake` as the GitHub Action runs it, with the runner's variables set: the Cake script
/// opens one log group per task and the engine processes open none inside it, each engine
/// process registers the secrets before it prints, and the last one publishes the outputs.
/// </summary>
[Collection(CakeGroup.Name)]
public sealed partial class CakeOnCiTests
{
    [GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial Regex AnsiCodes();

    private static string[] Lines(string output) => [.. AnsiCodes().Replace(output, string.Empty).ReplaceLineEndings("\n").Split('\n')];

    [Fact]
    public async Task Should_Open_One_Group_Per_Cake_Task_Mask_First_And_Publish_From_The_Last_Process()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        var summaryFile = Path.Combine(world.Directory, "step-summary.md");
        var outputsFile = Path.Combine(world.Directory, "github-output");
        world.Environment[GitHubActionsAgent.DetectVariable] = "true";
        world.Environment[GitHubActionsAgent.WorkspaceVariable] = world.Directory;
        world.Environment[GitHubActionsAgent.StepSummaryVariable] = summaryFile;
        world.Environment[GitHubActionsAgent.OutputVariable] = outputsFile;
        var reportDir = Path.Combine(world.Directory, "report");

        // When
        var (exitCode, output) = await CakeEndToEndTests.CakeAsync(world, "ConnectIdentity", reportDir);

        // Then: groups open and close in turn, one per task that ran, never one inside another
        Assert.True(exitCode == 0, output);
        var lines = Lines(output);
        var groupLines = lines.Where(line => line.StartsWith("::group::", StringComparison.Ordinal) || line == "::endgroup::").ToList();
        string[] tasks = ["PrepareEngine", "Validate", "Preflight", "EnableFeature", "ApplySettings", "TestConnection", "Diagnose", "OAuthApps", "ConnectIdentity"];
        Assert.Equal(tasks.SelectMany(task => new[] { $"::group::{task}", "::endgroup::" }), groupLines);

        // Then: in each step's group, the secrets (in every spelling) are registered before the engine prints a line
        string[] masks = [.. world.Secrets.SelectMany(SecretForms.Of).Distinct(StringComparer.Ordinal).Select(form => "::add-mask::" + form)];
        foreach (var step in tasks[1..^1])
        {
            var start = Array.IndexOf(lines, $"::group::{step}");
            var engineLines = lines.Skip(start + 1).TakeWhile(line => line != "::endgroup::")
                .Where(line => line.Trim().Length > 0 && line.Trim() != step && !line.Contains('═', StringComparison.Ordinal))
                .ToList();
            Assert.Equal(masks, engineLines.Take(masks.Length));
            Assert.DoesNotContain(engineLines.Skip(masks.Length), line => line.StartsWith("::add-mask::", StringComparison.Ordinal));
        }

        // Then: the outputs and the job summary come once, from the whole report
        var outputs = CommandAgentFixture.ParseGitHubOutputs(File.ReadAllText(outputsFile));
        Assert.Equal("true", outputs["ok"]);
        Assert.Equal(Path.Combine(reportDir, ReportStore.ReportFileName), outputs["report"]);
        Assert.Equal(File.ReadAllText(Path.Combine(reportDir, ReportStore.SummaryFileName)), File.ReadAllText(summaryFile));
        Assert.DoesNotContain(lines, line => !masks.Contains(line) && world.SecretsAndSessions.Any(secret => line.Contains(secret, StringComparison.Ordinal)));
        Assert.NotEmpty(world.Sandbox.IssuedTokens.All);
        var files = EngineRun.FilesUnder(reportDir) + File.ReadAllText(outputsFile) + File.ReadAllText(summaryFile);
        Assert.DoesNotContain(world.SecretsAndSessions, secret => files.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Annotate_A_Configuration_Error_Inside_The_Validate_Group_And_Exit_3()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        var outputsFile = Path.Combine(world.Directory, "github-output");
        world.Environment[GitHubActionsAgent.DetectVariable] = "true";
        world.Environment[GitHubActionsAgent.WorkspaceVariable] = world.Directory;
        world.Environment[GitHubActionsAgent.OutputVariable] = outputsFile;
        world.Environment.Remove("IDENTITY_CLIENT_ID");

        // When
        var (exitCode, output) = await CakeEndToEndTests.CakeAsync(world, "ConnectIdentity", Path.Combine(world.Directory, "report"));

        // Then
        Assert.True(exitCode == 3, output);
        var lines = Lines(output);
        var validate = lines.SkipWhile(line => line != "::group::Validate").TakeWhile(line => line != "::endgroup::").ToList();
        var error = Assert.Single(validate, line => line.StartsWith("::error", StringComparison.Ordinal));
        Assert.StartsWith("::error file=creatio-identity.yml,line=14,col=13::creatio-identity.yml:14:13: ", error, StringComparison.Ordinal);
        Assert.Equal("false", CommandAgentFixture.ParseGitHubOutputs(File.ReadAllText(outputsFile))["ok"]);
        Assert.DoesNotContain(lines, line => line.StartsWith("::group::Preflight", StringComparison.Ordinal));
    }
}
