using CreatioIdentity.Reporting;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// What a person reads in the console of `dotnet cake` against the sandbox: one story per run. The
/// JIT engine (already built with the tests) keeps these runs short; the native one prints the same.
/// </summary>
[Collection(CakeGroup.Name)]
public sealed class CakeConsoleTests
{
    private static readonly string[] Steps = ["Validate", "Preflight", "EnableFeature", "ApplySettings", "TestConnection", "Diagnose", "OAuthApps"];

    // Cake colours its own lines even in a redirected log; what is read here is their text.
    private static async Task<(int ExitCode, string Output)> CakeAsync(EngineRun world, string target, string reportDir)
    {
        var (exitCode, output) = await CakeProcess.RunAsync([$"--target={target}", $"--config={world.ConfigPath}", $"--report-dir={reportDir}", "--engine=jit"], world.Environment);
        return (exitCode, System.Text.RegularExpressions.Regex.Replace(output, "\u001b\\[[0-9;]*m", string.Empty));
    }

    // What the run printed before Cake's task summary (the table of tasks, durations and statuses).
    private static string Story(string output)
    {
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        var summary = Array.FindIndex(lines, line => line.Contains("Task", StringComparison.Ordinal) && line.Contains("Duration", StringComparison.Ordinal));
        return string.Join('\n', summary < 0 ? lines : lines[..summary]);
    }

    private static int Count(string text, string word) =>
        System.Text.RegularExpressions.Regex.Count(text, $@"\b{word}\b");

    [Fact]
    public async Task Should_Name_Each_Step_Once_And_Show_One_Table_One_Verdict_And_One_Report_Line()
    {
        // Given
        await using var world = await EngineRun.StartAsync();

        // When
        var (exitCode, output) = await CakeAsync(world, "ConnectIdentity", Path.Combine(world.Directory, "report"));

        // Then
        Assert.True(exitCode == 0, output);
        var story = Story(output);
        Assert.All(Steps, step => Assert.True(Count(story, step) == 1, $"{step} is named {Count(story, step)} times:\n{story}"));
        var lines = story.Split('\n');
        Assert.Single(lines, line => line.StartsWith('┌'));
        Assert.Single(lines, line => line.StartsWith("Creatio Identity Service:", StringComparison.Ordinal));
        Assert.Equal("Creatio Identity Service: connected", lines.Single(line => line.StartsWith("Creatio Identity Service:", StringComparison.Ordinal)).Split(" (")[0]);
        Assert.Single(lines, line => line.StartsWith("Report: ", StringComparison.Ordinal));

        // Then: the changes as they were made, the secret's first write as "set", read-only steps as what they checked
        Assert.Contains("  feature cache: stale → cleared", lines);
        Assert.Contains("  OAuth20IdentityServerClientSecret: set", lines);
        Assert.Contains("  default OAuth resource: not registered → registered", lines);
        Assert.Contains("checked IdentityServiceDiscovery, ClientCredentialsToken, CreatioLogin", story, StringComparison.Ordinal);
        Assert.DoesNotContain("*** → ***", output, StringComparison.Ordinal);
        Assert.DoesNotContain("unchanged", story, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Show_Plan_As_Changes_Pending_And_Still_Exit_2()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        var reportDir = Path.Combine(world.Directory, "plan");

        // When
        var (exitCode, output) = await CakeAsync(world, "Plan", reportDir);

        // Then: the contract's exit code, no error, no failed task, and how many changes
        Assert.True(exitCode == 2, output);
        var pending = ReportFormat.PendingChanges(ReportStore.TryRead(reportDir)!);
        Assert.True(pending >= 5, output);
        Assert.Contains($"Plan: {pending} changes pending (exit code 2)", output, StringComparison.Ordinal);
        Assert.Contains($"{pending} changes pending", Story(output), StringComparison.Ordinal);
        Assert.DoesNotContain("error occurred", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Failed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Plan changed", output, StringComparison.Ordinal);
    }
}
