using CreatioIdentity.Checks;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.Tls;

/// <summary>
/// An https:// URL that points at a plain http port (the sandbox serves plain http): the message says
/// that the port speaks plain http, not that a certificate authority should be trusted.
/// </summary>
public sealed class PlainHttpPortTests
{
    private static string Https(Uri url) => $"https://{url.Authority}/";

    [Fact]
    public async Task Should_Say_The_Identity_Service_Port_Speaks_Plain_Http()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        var authority = world.Sandbox.IdentityServiceUrl.Authority;
        world.Environment["SANDBOX_IDENTITY_URL"] = Https(world.Sandbox.IdentityServiceUrl);

        // When
        var run = await world.RunAsync("preflight");

        // Then
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var discovery = Assert.Single(run.Report!.Checks, check => check.Id == CheckIds.IdentityServiceDiscovery);
        Assert.Equal(CheckStatus.Fail, discovery.Status);
        Assert.Equal(ErrorCodes.Tls, discovery.ErrorCode);
        Assert.Equal(
            $"The Identity Service at {authority} speaks plain http, not https: it answered the TLS handshake in HTTP. Give identityService.url the port where the Identity Service serves https; or, if it has no https, write http://{authority} (plain http is accepted to this machine, or with 'allowInsecureHttp: true').",
            discovery.Message);
        Assert.Empty(world.Sandbox.IssuedTokens.All);
    }

    [Fact]
    public async Task Should_Skip_The_Token_Because_The_Discovery_Document_Could_Not_Be_Read()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        world.Environment["SANDBOX_IDENTITY_URL"] = Https(world.Sandbox.IdentityServiceUrl);

        // When
        var run = await world.RunAsync("preflight");

        // Then: the document was never read, so the skip does not say what it named
        var token = Assert.Single(run.Report!.Checks, check => check.Id == CheckIds.ClientCredentialsToken);
        Assert.Equal(CheckStatus.Skip, token.Status);
        Assert.Equal("Skipped: the discovery document could not be read, so no token endpoint is known (see IdentityServiceDiscovery).", token.Message);
    }

    [Fact]
    public async Task Should_Say_The_Creatio_Port_Speaks_Plain_Http()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        var authority = world.Sandbox.CreatioUrl.Authority;
        world.Environment["SANDBOX_CREATIO_URL"] = Https(world.Sandbox.CreatioUrl);

        // When
        var run = await world.RunAsync("preflight");

        // Then
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var login = Assert.Single(run.Report!.Checks, check => check.Id == CheckIds.CreatioLogin);
        Assert.Equal(CheckStatus.Fail, login.Status);
        Assert.Equal(ErrorCodes.Tls, login.ErrorCode);
        Assert.StartsWith($"Creatio at {authority} speaks plain http, not https: it answered the TLS handshake in HTTP. Give creatio.url the port where Creatio serves https", login.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("certificate authority", run.Output, StringComparison.Ordinal);
        Assert.Empty(world.Sandbox.Creatio.Requests);
    }
}
