using CreatioIdentity.Checks;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// `dotnet cake --target=ConnectIdentity` as a person runs it: the Cake script, one engine process
/// per step, against a sandbox on loopback. Slow (it publishes the engine natively when stale),
/// so it runs alone, not beside the other tests, whose timing it would disturb.
/// </summary>
[Collection(CakeGroup.Name)]
public sealed class CakeEndToEndTests
{
    internal static Task<(int ExitCode, string Output)> CakeAsync(EngineRun world, string target, string reportDir) =>
        CakeProcess.RunAsync([$"--target={target}", $"--config={world.ConfigPath}", $"--report-dir={reportDir}"], world.Environment);

    [Fact]
    public async Task Should_Connect_The_Sandbox_Through_The_Cake_Script_And_Pass_On_The_Engine_Exit_Codes()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        var reportDir = Path.Combine(world.Directory, "cake-report");

        // When
        var planBefore = await CakeAsync(world, "Plan", Path.Combine(world.Directory, "plan-before"));
        world.Sandbox.Creatio.ClearRecord();
        var connected = await CakeAsync(world, "ConnectIdentity", reportDir);
        var loginsToConnect = world.Sandbox.Creatio.LoginCount;
        var planAfter = await CakeAsync(world, "Plan", Path.Combine(world.Directory, "plan-report"));
        world.Environment.Remove("IDENTITY_CLIENT_ID");
        var invalid = await CakeAsync(world, "ConnectIdentity", Path.Combine(world.Directory, "invalid-report"));

        // Then: connected, one report holding every step and check
        Assert.True(connected.ExitCode == 0, connected.Output);
        var report = ReportStore.TryRead(reportDir)!;
        Assert.True(report.Ok);
        Assert.Equal("connect", report.Command);
        Assert.Equal(["Validate", "Preflight", "EnableFeature", "ApplySettings", "TestConnection", "Diagnose"], report.Steps.Select(step => step.Name));
        Assert.All(report.Checks, check => Assert.Equal(CheckStatus.Pass, check.Status));
        Assert.Equal(1, loginsToConnect);
        Assert.True(File.Exists(Path.Combine(reportDir, "junit.xml")));
        Assert.True(File.Exists(Path.Combine(reportDir, "summary.md")));

        // Then: the engine's exit codes come out of dotnet cake unchanged
        Assert.True(planBefore.ExitCode == 2, planBefore.Output);
        Assert.True(planAfter.ExitCode == 0, planAfter.Output);
        Assert.True(invalid.ExitCode == 3, invalid.Output);
        Assert.Contains("IDENTITY_CLIENT_ID", invalid.Output, StringComparison.Ordinal);
        // Then: no password, client secret, session cookie or access token in the processes' stdout and stderr, nor in the reports
        Assert.NotEmpty(world.Sandbox.Creatio.IssuedSessionSecrets);
        Assert.NotEmpty(world.Sandbox.IssuedTokens.All);
        var everything = planBefore.Output + connected.Output + planAfter.Output + invalid.Output + EngineRun.FilesUnder(world.Directory);
        foreach (var secret in world.SecretsAndSessions)
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CakeGroup
{
    public const string Name = "dotnet cake, alone";
}
