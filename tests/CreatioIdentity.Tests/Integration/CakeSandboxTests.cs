using System.Text.Json.Nodes;
using CreatioIdentity.Checks;
using CreatioIdentity.Reporting;
using CreatioIdentity.Tests.PrivateFiles;
using CreatioIdentity.Tests.TempFolder;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// `dotnet cake --target=Sandbox`, the README's first command: the engine starts the sandbox as its own
/// process, connects it with the embedded examples/sandbox.yml, and stops it. The sandbox's own record is
/// gone with it, so what it received is read from the HTTP trace of the run.
/// </summary>
[Collection(CakeGroup.Name)]
public sealed class CakeSandboxTests : IDisposable
{
    private readonly OwnTempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("net", "")]
    [InlineData("netframework", "/0")]
    public async Task Should_Connect_A_Sandbox_Of_Its_Own_And_Leave_Nothing_Running_Nor_Behind(string runtime, string prefix)
    {
        // Given: a temp folder of the run's own, to see what the processes leave there
        var reportDir = folder.PathOf("report");
        var tracePath = folder.PathOf("trace.har");
        var temp = folder.Folder("tmp");
        var environment = EngineRun.CiVariables.Select(name => new KeyValuePair<string, string?>(name, null))
            .Append(new("TMPDIR", temp))
            .Append(new("TMP", temp));

        // When
        var (exitCode, output) = await CakeProcess.RunAsync(
            ["--target=Sandbox", $"--sandbox-runtime={runtime}", $"--report-dir={reportDir}", $"--trace-http={tracePath}"], environment);

        // Then: connected and green, one report of every step and check
        Assert.True(exitCode == 0, output);
        var report = ReportStore.TryRead(reportDir)!;
        Assert.True(report.Ok, output);
        Assert.Equal("sandbox", report.Command);
        Assert.StartsWith("http://127.0.0.1:", report.Creatio, StringComparison.Ordinal);
        Assert.Equal(["Validate", "Preflight", "EnableFeature", "ApplySettings", "TestConnection", "Diagnose"], report.Steps.Select(step => step.Name).Take(6));
        Assert.Equal(CheckIds.All.Order(StringComparer.Ordinal), report.Checks.Select(check => check.Id).Order(StringComparer.Ordinal));
        Assert.All(report.Checks, check => Assert.Equal(CheckStatus.Pass, check.Status));
        Assert.Contains($"Sandbox started: Creatio {report.Creatio}", output, StringComparison.Ordinal);
        Assert.Contains($"({runtime})", output, StringComparison.Ordinal);
        Assert.Contains("Sandbox stopped.", output, StringComparison.Ordinal);

        // Then: the sandbox received the login at the site root, the writes under its runtime's prefix, the health check
        var urls = JsonNode.Parse(File.ReadAllText(tracePath))!["log"]!["entries"]!.AsArray()
            .Select(entry => new Uri((string)entry!["request"]!["url"]!))
            .Where(url => report.Creatio.StartsWith(url.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal))
            .Select(url => url.AbsolutePath)
            .ToList();
        Assert.Contains("/ServiceModel/AuthService.svc/Login", urls);
        Assert.Contains($"{prefix}/DataService/json/SyncReply/PostSysSettingsValues", urls);
        Assert.Contains($"{prefix}/DataService/json/SyncReply/UpdateQuery", urls);
        Assert.Contains($"{prefix}/api/OAuthHealthCheck", urls);
        Assert.Contains($"{prefix}/rest/OAuthConfigService/AddDefaultResource", urls);

        // Then: the sandbox stopped cleanly: its private folder (ready file, credentials) and its runtime's files went with it
        Assert.Empty(ProductLeftovers.In(temp));
    }
}
