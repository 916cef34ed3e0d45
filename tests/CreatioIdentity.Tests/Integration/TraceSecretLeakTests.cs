using System.Text.Json.Nodes;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// Secret hygiene of --trace-http (the trace's part of the leak test): whatever the scenario, the
/// HAR file holds no password, client secret, session cookie, CSRF value or access token the
/// sandbox issued, and it still holds what makes it worth attaching to a bug report.
/// </summary>
public sealed class TraceSecretLeakTests
{
    private const string WrongSecret = "wrong-client-secret-value";

    private static IEnumerable<(string Name, Func<EngineRun, Task> Act)> Scenarios()
    {
        yield return ("connect twice", ConnectTwiceAsync);
        yield return ("connect as step processes", world => world.RunConnectIdentityAsStepsAsync());
        yield return ("a session that expires", ConnectWithAnExpiringSessionAsync);
        yield return ("oauth apps created and proven with their own tokens", ConnectWithAnAppTwiceAsync);
        yield return ("wrong client secret", ApplyAWrongClientSecretAsync);
    }

    private static async Task ConnectTwiceAsync(EngineRun world)
    {
        await world.RunAsync("connect");
        await world.RunAsync("connect");
    }

    private static async Task ConnectWithAnExpiringSessionAsync(EngineRun world)
    {
        world.Sandbox.Faults.Add(Fault.SessionExpired("QuerySysSettings", count: 2));
        await world.RunAsync("connect");
    }

    private static async Task ConnectWithAnAppTwiceAsync(EngineRun world)
    {
        var app = "  erp-sync:\n    applicationUrl: https://erp.example.com\n    systemUser: ErpIntegration\n    credentials: { pipelineVariables: ERP_SYNC }\n";
        var config = world.WriteConfig(File.ReadAllText(world.ConfigPath) + "oauthApps:\n" + app);
        await world.RunAsync("connect", config);
        await world.RunAsync("connect", config);
        Assert.NotEmpty(world.Sandbox.Creatio.IssuedClientSecrets);
    }

    private static async Task ApplyAWrongClientSecretAsync(EngineRun world)
    {
        world.Environment["IDENTITY_CLIENT_SECRET"] = WrongSecret;
        await world.RunAsync("apply-settings");
        await world.RunAsync("connect");
    }

    [Fact]
    public async Task Should_Write_No_Secret_Into_The_Trace_In_Any_Scenario()
    {
        var leaks = new List<string>();
        foreach (var (name, act) in Scenarios())
        {
            // Given
            await using var world = await EngineRun.StartAsync();
            world.TracePath = Path.Combine(world.Directory, "trace.har");

            // When
            await act(world);

            // Then
            var trace = File.ReadAllText(world.TracePath);
            Assert.NotNull(JsonNode.Parse(trace));
            Assert.NotEmpty(world.Sandbox.Creatio.IssuedSessionSecrets);
            leaks.AddRange(world.SecretsAndSessions.Append(WrongSecret)
                .Where(secret => trace.Contains(secret, StringComparison.Ordinal))
                .Select(secret => $"{name}: the trace holds a secret of {secret.Length} characters"));
        }

        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    [Fact]
    public async Task Should_Keep_What_Makes_The_Trace_Useful()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        world.TracePath = Path.Combine(world.Directory, "trace.har");

        // When
        await world.RunAsync("connect");

        // Then: the sandbox issued tokens and sessions, and none of them is in the file
        var trace = File.ReadAllText(world.TracePath);
        Assert.NotEmpty(world.Sandbox.IssuedTokens.All);
        Assert.All(world.SecretsAndSessions, secret => Assert.DoesNotContain(secret, trace, StringComparison.Ordinal));

        // Then: the login with its user name, the settings write with the URL and client id, the health check's answer
        var entries = JsonNode.Parse(trace)!["log"]!["entries"]!.AsArray().OfType<JsonNode>().ToList();
        JsonNode To(string pathEnd) => entries.First(entry => ((string)entry["request"]!["url"]!).EndsWith(pathEnd, StringComparison.Ordinal));
        var login = (string)To("/ServiceModel/AuthService.svc/Login")["request"]!["postData"]!["text"]!;
        Assert.Contains($"\"UserName\":\"{world.Sandbox.Options.CreatioUsername}\"", login, StringComparison.Ordinal);
        var write = (string)To("/PostSysSettingsValues")["request"]!["postData"]!["text"]!;
        Assert.Contains($"\"OAuth20IdentityServerUrl\":\"{world.Sandbox.IdentityServiceUrl.AbsoluteUri}\"", write, StringComparison.Ordinal);
        Assert.Contains($"\"OAuth20IdentityServerClientId\":\"{world.Sandbox.Options.ClientId}\"", write, StringComparison.Ordinal);
        Assert.Contains("\"OAuth20IdentityServerClientSecret\":\"***\"", write, StringComparison.Ordinal);
        var health = (string)To("/api/OAuthHealthCheck")["response"]!["content"]!["text"]!;
        Assert.Contains("IsIdentityServiceAvailable", health, StringComparison.Ordinal);
    }
}
