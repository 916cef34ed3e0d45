using System.Text.Json.Nodes;

namespace CreatioIdentity.Tests.Integration;

/// <summary>`dotnet cake --target=ConnectIdentity --trace-http=FILE`: six engine processes, one HAR file.</summary>
[Collection(CakeGroup.Name)]
public sealed class CakeTraceTests
{
    [Fact]
    public async Task Should_Gather_Every_Engine_Process_Of_The_Target_In_One_Har_File()
    {
        // Given: a trace of an earlier run, which this run replaces
        await using var world = await EngineRun.StartAsync();
        var tracePath = Path.Combine(world.Directory, "trace.har");
        var reportDir = Path.Combine(world.Directory, "cake-report");
        await File.WriteAllTextAsync(tracePath, """{"log":{"version":"1.2","creator":{"name":"creatio-identity","version":"1.0.0"},"entries":[],"_runId":"an-earlier-run"}}""");

        // When
        var (exitCode, output) = await CakeProcess.RunAsync(
            ["--target=ConnectIdentity", $"--config={world.ConfigPath}", $"--report-dir={reportDir}", $"--trace-http={tracePath}"], world.Environment);

        // Then: one valid file of this run, with the exchanges of every step that talks to a server
        Assert.True(exitCode == 0, output);
        var log = JsonNode.Parse(File.ReadAllText(tracePath))!["log"]!;
        Assert.Equal("1.2", (string)log["version"]!);
        Assert.NotEqual("an-earlier-run", (string)log["_runId"]!);
        var commands = log["entries"]!.AsArray().Select(entry => (string)entry!["_command"]!).Distinct();
        Assert.Equal(["preflight", "enable-feature", "apply-settings", "test-connection", "diagnose", "oauth-apps"], commands);

        // Then: the last process (OAuthApps, which has no app to do here) only ends the run's Creatio session
        var last = log["entries"]!.AsArray().Where(entry => (string)entry!["_command"]! == "oauth-apps").Select(entry => (string)entry!["request"]!["url"]!).ToList();
        Assert.All(last, url => Assert.Contains("Logout", url, StringComparison.Ordinal));
        Assert.All(world.SecretsAndSessions, secret => Assert.DoesNotContain(secret, File.ReadAllText(tracePath), StringComparison.Ordinal));
    }
}
