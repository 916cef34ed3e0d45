using System.Net;
using CreatioIdentity.Checks;
using CreatioIdentity.Commands;
using CreatioIdentity.OAuthApps;
using CreatioIdentity.Tests.Integration;
using static CreatioIdentity.Tests.OAuthApps.OAuthAppsWorld;

namespace CreatioIdentity.Tests.OAuthApps;

/// <summary>rotate-secrets --app NAME: new credentials delivered and proven before the old ones stop working.</summary>
public sealed class RotateSecretsTests
{
    private static async Task<RunResult> RotateAsync(EngineRun world, string config, string app)
    {
        var output = new StringWriter();
        var agent = CreatioIdentity.Agents.BuildAgents.Detect(name => world.Environment.TryGetValue(name, out var value) ? value : null, output, plain: true);
        var exitCode = await new CommandRunner(agent, name => world.Environment.TryGetValue(name, out var value) ? value : null)
            .RunAsync(EngineCommands.RotateSecrets(app), config, world.ReportDir, CancellationToken.None);
        return new RunResult(exitCode, output.ToString(), CreatioIdentity.Reporting.ReportStore.TryRead(world.ReportDir), new Dictionary<string, string>());
    }

    private static async Task<HttpStatusCode> TokenStatusAsync(EngineRun world, (string ClientId, string Secret) credentials)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(world.Sandbox.IdentityServiceUrl, "connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = credentials.ClientId,
            ["client_secret"] = credentials.Secret,
        }));
        return response.StatusCode;
    }

    [Fact]
    public async Task Should_Deliver_And_Prove_New_Credentials_Then_Delete_The_Old_App()
    {
        // Given
        await using var world = await StartConnectedAsync();
        var config = WithApps(world, ErpSync());
        Assert.Equal(0, (await world.RunAsync("oauth-apps", config)).ExitCode);
        var file = Path.Combine(world.Directory, "secrets", "erp-sync.json");
        var before = ReadCredentials(file);
        world.Sandbox.Creatio.ClearRecord();

        // When
        var run = await RotateAsync(world, config, "erp-sync");

        // Then: one app of that name, with the new client id the file now holds
        Assert.True(run.ExitCode == 0, run.Output);
        var after = ReadCredentials(file);
        Assert.NotEqual(before.ClientId, after.ClientId);
        var row = Assert.Single(world.Sandbox.Creatio.OAuthClientApps.All());
        Assert.Equal(("erp-sync", after.ClientId), (row.Name, row.ClientId));
        Assert.EndsWith(ManagedMarker.Text, row.Description, StringComparison.Ordinal);

        // Then: the new credentials work, the old ones do not, and the proof came before the old app went
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(world, after));
        Assert.NotEqual(HttpStatusCode.OK, await TokenStatusAsync(world, before));
        var requests = world.Sandbox.Creatio.Requests;
        var bearerRead = requests.ToList().FindIndex(request => request.Header("Authorization")?.StartsWith("Bearer ", StringComparison.Ordinal) == true);
        var deletion = requests.ToList().FindIndex(request => request.Path.EndsWith("DeleteClient", StringComparison.Ordinal));
        Assert.InRange(bearerRead, 0, deletion - 1);
        Assert.Equal(CheckStatus.Pass, Assert.Single(run.Report!.Checks, check => check.Id == AppCheck.Id("erp-sync")).Status);

        // Then: the next run finds everything as declared and writes nothing
        world.Sandbox.Creatio.ClearRecord();
        Assert.Equal(0, (await world.RunAsync("oauth-apps", config)).ExitCode);
        Assert.Empty(world.Sandbox.Creatio.Writes);
    }

    [Fact]
    public async Task Should_Keep_The_Old_App_When_The_New_Credentials_Cannot_Be_Delivered()
    {
        // Given
        await using var world = await StartConnectedAsync();
        var config = WithApps(world, ErpSync());
        Assert.Equal(0, (await world.RunAsync("oauth-apps", config)).ExitCode);
        var file = Path.Combine(world.Directory, "secrets", "erp-sync.json");
        var before = ReadCredentials(file);
        File.Delete(file);
        Directory.CreateDirectory(file); // a folder where the file should go: the write fails

        // When
        var run = await RotateAsync(world, config, "erp-sync");

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("still work", Assert.Single(run.Report!.Checks, check => check.Id == AppCheck.Id("erp-sync")).Message, StringComparison.Ordinal);
        var row = Assert.Single(world.Sandbox.Creatio.OAuthClientApps.All());
        Assert.Equal(before.ClientId, row.ClientId);
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(world, before));
    }

    [Fact]
    public async Task Should_Refuse_An_App_The_File_Does_Not_Declare()
    {
        // Given
        await using var world = await StartConnectedAsync();
        var config = WithApps(world, ErpSync());
        world.Sandbox.Creatio.ClearRecord();

        // When
        var run = await RotateAsync(world, config, "nope");

        // Then
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("declares no such app", run.Output, StringComparison.Ordinal);
        Assert.Empty(world.Sandbox.Creatio.Writes);
    }
}
