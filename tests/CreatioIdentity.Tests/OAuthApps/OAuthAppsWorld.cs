using System.Text.Json;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Sandbox.Creatio.OAuthApps;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.OAuthApps;

/// <summary>
/// An engine world whose file declares integrated applications: the sandbox example plus an oauthApps: section,
/// credentials files in the world's own folder (a temp folder, outside any git work tree).
/// </summary>
internal static class OAuthAppsWorld
{
    /// <summary>A fresh sandbox, connected, with the default resource registered (as Diagnose leaves it).</summary>
    public static async Task<EngineRun> StartConnectedAsync(SandboxOptions? options = null)
    {
        var world = await EngineRun.StartAsync(options);
        var connected = await world.RunAsync("connect");
        Assert.True(connected.ExitCode == 0, connected.Output);
        return world;
    }

    /// <summary>The sandbox example with <paramref name="oauthApps"/> (the lines under oauthApps:, indented two spaces) appended.</summary>
    public static string WithApps(EngineRun world, string oauthApps) =>
        world.WriteConfig(File.ReadAllText(world.ConfigPath) + "oauthApps:\n" + oauthApps);

    public static string ErpSync(string credentialsFile = "secrets/erp-sync.json", string url = "https://erp.example.com", string description = "ERP nightly sync", string extra = "") => $"""
          erp-sync:
            applicationUrl: {url}
            systemUser: {IntegrationUsers.ErpIntegration}
            description: {description}
        {extra}    credentials:
              file: {credentialsFile}

        """;

    public static (string ClientId, string Secret) ReadCredentials(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return (json.RootElement.GetProperty("clientId").GetString()!, json.RootElement.GetProperty("clientSecret").GetString()!);
    }

    public static IReadOnlyList<RecordedRequest> Calls(EngineRun world, string pathEnd) =>
        [.. world.Sandbox.Creatio.Requests.Where(request => request.Path.EndsWith(pathEnd, StringComparison.Ordinal))];

    public static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.Body!).RootElement.Clone();
}
