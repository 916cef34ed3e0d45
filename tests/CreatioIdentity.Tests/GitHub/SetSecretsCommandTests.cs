using CreatioIdentity.GitHub.Secrets;

namespace CreatioIdentity.Tests.GitHub;

/// <summary>
/// creatio-identity-github set-secrets: the values read on standard input reach GitHub sealed with the target's
/// public key; the stand-in opens them with its private key, so a wrong key or no encryption fails the test.
/// </summary>
public sealed class SetSecretsCommandTests
{
    private const string Input = """{"ERP_SYNC_CLIENT_ID":"A1B2C3","ERP_SYNC_CLIENT_SECRET":"s3cr3t-Value+/="}""";

    [Fact]
    public async Task Should_Write_Repository_Secrets_That_Decrypt_To_The_Values()
    {
        // Given
        await using var world = await GitHubWorld.StartAsync();

        // When
        var run = await world.RunWithInputAsync(Input, "set-secrets");

        // Then
        Assert.True(run.ExitCode == 0, run.Output + string.Join(", ", world.GitHub.Requests.Select(request => $"{request.Method} {request.Path}")));
        Assert.Equal("A1B2C3", world.GitHub.Secrets["ERP_SYNC_CLIENT_ID"]);
        Assert.Equal("s3cr3t-Value+/=", world.GitHub.Secrets["ERP_SYNC_CLIENT_SECRET"]);
        Assert.DoesNotContain(world.GitHub.Requests, request => request.Body?.ToJsonString().Contains("s3cr3t", StringComparison.Ordinal) == true);
        Assert.DoesNotContain("s3cr3t-Value", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Write_An_Environments_Secrets_With_The_Token_Made_For_Secrets()
    {
        // Given
        await using var world = await GitHubWorld.StartAsync();
        world.Environment[SetSecretsCommand.TokenVariable] = world.GitHub.Token;
        world.Environment["GITHUB_TOKEN"] = "ghs_the-workflow-token-that-may-not";

        // When
        var run = await world.RunWithInputAsync(Input, "set-secrets", "--environment", "production");

        // Then
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("s3cr3t-Value+/=", world.GitHub.Secrets["production/ERP_SYNC_CLIENT_SECRET"]);
        Assert.All(world.GitHub.Requests, request => Assert.EndsWith(world.GitHub.Token, request.Authorization, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Name_The_Missing_Permission_When_GitHub_Refuses()
    {
        // Given
        await using var world = await GitHubWorld.StartAsync();
        world.GitHub.SecretsForbidden = true;

        // When
        var run = await world.RunWithInputAsync(Input, "set-secrets");

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\"Secrets: Read and write\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("GITHUB_TOKEN can never write secrets", run.Output, StringComparison.Ordinal);
        Assert.Empty(world.GitHub.Secrets);
    }

    [Fact]
    public async Task Should_Refuse_Input_That_Is_Not_Names_And_Values()
    {
        // Given
        await using var world = await GitHubWorld.StartAsync();

        // When
        var run = await world.RunWithInputAsync("ERP_SYNC_CLIENT_SECRET=x", "set-secrets");

        // Then
        Assert.Equal(3, run.ExitCode);
        Assert.Empty(world.GitHub.Requests);
    }
}
