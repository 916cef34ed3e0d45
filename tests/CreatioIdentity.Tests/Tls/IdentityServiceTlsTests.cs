using CreatioIdentity.Checks;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Tests.Integration;
using static CreatioIdentity.Tests.Tls.TlsTests;

namespace CreatioIdentity.Tests.Tls;

/// <summary>
/// identityService.tls is the Identity Service's own: Creatio's CA does not vouch for it, and
/// Creatio's insecureSkipVerify never weakens the connection that carries the client secret.
/// </summary>
public sealed class IdentityServiceTlsTests
{
    [Fact]
    public async Task Should_Trust_Each_Service_By_Its_Own_Ca()
    {
        // Given: Creatio and the Identity Service with certificates from two different private CAs
        using var creatioAuthority = PrivateAuthority.Create("creatio CA");
        using var identityAuthority = PrivateAuthority.Create("identity CA");
        await using var world = await EngineRun.StartAsync(new SandboxOptions
        {
            CreatioCertificate = creatioAuthority.IssueServerCertificate(),
            IdentityServiceCertificate = identityAuthority.IssueServerCertificate(),
            TrustedAuthority = identityAuthority.Certificate,
        });
        var creatioCa = creatioAuthority.WritePem(world.Directory, "creatio-ca.pem");
        var identityCa = identityAuthority.WritePem(world.Directory, "identity-ca.pem");
        var config = world.WriteConfig(Yaml($"  tls:\n    caCertificate: {creatioCa}", $"  tls:\n    caCertificate: {identityCa}"));

        // When
        var run = await world.RunAsync("connect", config);

        // Then
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output);
        Assert.Empty(run.Report!.Warnings);
    }

    [Fact]
    public async Task Should_No_Longer_Trust_Creatios_Ca_For_The_Identity_Service_And_Say_How_To()
    {
        // Given: a file written when creatio.tls.caCertificate covered both services
        var (world, authority) = await StartHttpsAsync();
        await using var _ = world;
        using var __ = authority;
        var ca = authority.WritePem(world.Directory);
        var config = world.WriteConfig(Yaml($"  tls:\n    caCertificate: {ca}"));

        // When
        var run = await world.RunAsync("preflight", config);

        // Then: the Identity Service's certificate is not trusted, and the file is told why
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var discovery = Assert.Single(run.Report!.Checks, check => check.Id == CheckIds.IdentityServiceDiscovery);
        Assert.Contains("TLS handshake", discovery.Message, StringComparison.Ordinal);
        Assert.Contains("identityService.tls.caCertificate", discovery.Message, StringComparison.Ordinal);
        var warning = Assert.Single(run.Report.Warnings);
        Assert.StartsWith("creatio.tls.caCertificate trusts that CA for Creatio only; it no longer applies to the Identity Service", warning.Message, StringComparison.Ordinal);
        Assert.Contains("under identityService", warning.Message, StringComparison.Ordinal);
        Assert.Equal((config, 8, 20), (warning.File, warning.Line, warning.Column));
    }

    [Fact]
    public async Task Should_Not_Let_Creatios_InsecureSkipVerify_Weaken_The_Identity_Service()
    {
        // Given
        var (world, authority) = await StartHttpsAsync();
        await using var _ = world;
        using var __ = authority;
        var config = world.WriteConfig(Yaml("  tls:\n    insecureSkipVerify: true"));

        // When
        var run = await world.RunAsync("preflight", config);

        // Then: the client secret is not sent over a connection whose certificate nobody checked
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var discovery = Assert.Single(run.Report!.Checks, check => check.Id == CheckIds.IdentityServiceDiscovery);
        Assert.Equal(CheckStatus.Fail, discovery.Status);
        Assert.Contains("TLS handshake", discovery.Message, StringComparison.Ordinal);
        Assert.Empty(world.Sandbox.IssuedTokens.All);
    }

    [Fact]
    public async Task Should_Be_Quiet_When_The_File_Says_The_Identity_Service_Needs_No_Ca()
    {
        // Given: Creatio behind the private CA, the Identity Service's tls block empty on purpose
        using var authority = PrivateAuthority.Create();
        await using var world = await EngineRun.StartAsync(new SandboxOptions { CreatioCertificate = authority.IssueServerCertificate() });
        var ca = authority.WritePem(world.Directory);
        var config = world.WriteConfig(Yaml($"  tls:\n    caCertificate: {ca}", "  tls: {}"));

        // When
        var run = await world.RunAsync("preflight", config);

        // Then
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output);
        Assert.Empty(run.Report!.Warnings);
    }
}
