using System.Net;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

[Collection(SandboxCollection.Name)]
public sealed class RuntimePrefixTests
{
    [Theory]
    [InlineData(SandboxRuntime.Net, "rest/FeatureService/GetFeaturesInfo", HttpStatusCode.OK)]
    [InlineData(SandboxRuntime.Net, "0/rest/FeatureService/GetFeaturesInfo", HttpStatusCode.NotFound)]
    [InlineData(SandboxRuntime.NetFramework, "0/rest/FeatureService/GetFeaturesInfo", HttpStatusCode.OK)]
    [InlineData(SandboxRuntime.NetFramework, "rest/FeatureService/GetFeaturesInfo", HttpStatusCode.NotFound)]
    public async Task Should_Serve_Services_Only_Under_The_Runtime_Prefix(SandboxRuntime runtime, string path, HttpStatusCode expected)
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Runtime = runtime });
        using var client = await CreatioTestClient.LoggedInAsync(sandbox);

        // When
        using var response = await client.SendAsync(HttpMethod.Post, path, new { }, withPrefix: false);

        // Then
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(SandboxRuntime.Net)]
    [InlineData(SandboxRuntime.NetFramework)]
    public async Task Should_Serve_Login_At_The_Site_Root_On_Both_Runtimes(SandboxRuntime runtime)
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Runtime = runtime });
        using var client = new CreatioTestClient(sandbox);

        // When
        using var response = await client.LoginAsync(sandbox.Options.CreatioUsername, sandbox.Options.CreatioPassword);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(client.Cookie(".ASPXAUTH"));
    }

    [Fact]
    public async Task Should_Answer_404_At_The_Wrong_Prefix_Even_Without_A_Session()
    {
        // Given
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Runtime = SandboxRuntime.NetFramework });
        using var client = new CreatioTestClient(sandbox);

        // When
        using var response = await client.SendAsync(HttpMethod.Get, "api/OAuthHealthCheck", withPrefix: false);

        // Then
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
