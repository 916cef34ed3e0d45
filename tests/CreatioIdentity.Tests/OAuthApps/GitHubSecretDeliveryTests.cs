using CreatioIdentity.Checks;
using CreatioIdentity.OAuthApps;
using CreatioIdentity.Tests.GitHub;
using static CreatioIdentity.Tests.OAuthApps.OAuthAppsWorld;

namespace CreatioIdentity.Tests.OAuthApps;

/// <summary>
/// credentials.githubSecret end to end: the engine hands the new credentials to the GitHub program on its standard
/// input, which seals them for the GitHub stand-in; the stand-in opens them with its private key.
/// </summary>
public sealed class GitHubSecretDeliveryTests
{
    private static string App(string githubSecret) => $"""
          erp-sync:
            applicationUrl: https://erp.example.com
            systemUser: ErpIntegration
            credentials:
              file: secrets/erp-sync.json
              githubSecret: {githubSecret}

        """;

    private static void Point(Integration.EngineRun world, GitHubStandIn gitHub)
    {
        world.Environment[GitHubSecretsDelivery.TokenVariable] = gitHub.Token;
        world.Environment["GITHUB_REPOSITORY"] = GitHubWorld.Repository;
        world.Environment["GITHUB_API_URL"] = gitHub.ApiUrl.AbsoluteUri;
    }

    [Fact]
    public async Task Should_Deliver_The_New_Credentials_As_Encrypted_Repository_Secrets()
    {
        // Given
        await using var world = await StartConnectedAsync();
        await using var gitHub = await GitHubStandIn.StartAsync("ghp_" + Guid.NewGuid().ToString("N"));
        Point(world, gitHub);

        // When
        var run = await world.RunAsync("oauth-apps", WithApps(world, App("ERP_SYNC")));

        // Then
        Assert.True(run.ExitCode == 0, run.Output);
        var row = Assert.Single(world.Sandbox.Creatio.OAuthClientApps.All());
        Assert.Equal(row.ClientId, gitHub.Secrets["ERP_SYNC_CLIENT_ID"]);
        Assert.Equal(world.Sandbox.Creatio.IssuedClientSecrets.Single(), gitHub.Secrets["ERP_SYNC_CLIENT_SECRET"]);
        Assert.DoesNotContain(world.Sandbox.Creatio.IssuedClientSecrets.Single(), run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Deliver_To_An_Environment_And_Name_The_Missing_Permission_When_Refused()
    {
        // Given
        await using var world = await StartConnectedAsync();
        await using var gitHub = await GitHubStandIn.StartAsync("ghp_" + Guid.NewGuid().ToString("N"));
        Point(world, gitHub);
        gitHub.SecretsForbidden = true;

        // When
        var run = await world.RunAsync("oauth-apps", WithApps(world, App("{ name: ERP_SYNC, environment: production }")));

        // Then: the app exists, its file has the credentials, and the check says what GitHub needs
        Assert.Equal(1, run.ExitCode);
        var check = Assert.Single(run.Report!.Checks, check => check.Id == AppCheck.Id("erp-sync"));
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("\"Environments: Read and write\"", check.Message, StringComparison.Ordinal);
        Assert.Contains("rotate-secrets --app erp-sync", check.Message, StringComparison.Ordinal);
        Assert.Equal(Assert.Single(world.Sandbox.Creatio.OAuthClientApps.All()).ClientId, ReadCredentials(Path.Combine(world.Directory, "secrets", "erp-sync.json")).ClientId);
    }
}
