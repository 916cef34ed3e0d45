using CreatioIdentity.Agents;
using CreatioIdentity.Checks;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.Tls;

/// <summary>
/// The sandbox on HTTPS with a certificate from a CA made in the test: the engine checks
/// certificates, trusts a private CA only when told, and skips the check only loudly.
/// </summary>
public sealed class TlsTests
{
    /// <summary>Creatio's tls section at line 7 of the file; the Identity Service's (when given) at its end.</summary>
    internal static string Yaml(string tls, string identityServiceTls = "") => $$"""
        version: 1
        creatio:
          url: ${SANDBOX_CREATIO_URL}
          runtime: auto
          username: ${CREATIO_USERNAME}
          password: ${CREATIO_PASSWORD}
        {{tls}}
        identityService:
          url: ${SANDBOX_IDENTITY_URL}
          clientId: ${IDENTITY_CLIENT_ID}
          clientSecret: ${IDENTITY_CLIENT_SECRET}
        {{identityServiceTls}}
        """;

    /// <summary>Creatio and the Identity Service on HTTPS; the simulator trusts the CA, as a Creatio host with it installed would.</summary>
    internal static async Task<(EngineRun World, PrivateAuthority Authority)> StartHttpsAsync()
    {
        var authority = PrivateAuthority.Create();
        var certificate = authority.IssueServerCertificate();
        var world = await EngineRun.StartAsync(new SandboxOptions
        {
            CreatioCertificate = certificate,
            IdentityServiceCertificate = certificate,
            TrustedAuthority = authority.Certificate,
        });
        return (world, authority);
    }

    public sealed class WithoutTheCa
    {
        [Fact]
        public async Task Should_Fail_On_The_Tls_Handshake_And_Write_Nothing()
        {
            // Given
            var (world, authority) = await StartHttpsAsync();
            await using var _ = world;
            using var __ = authority;
            Assert.Equal("https", world.Sandbox.CreatioUrl.Scheme);
            var config = world.WriteConfig(Yaml("  timeoutSeconds: 5"));

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            Assert.Equal(ExitCodes.Failed, run.ExitCode);
            var discovery = Assert.Single(run.Report!.Checks, check => check.Id == CheckIds.IdentityServiceDiscovery);
            Assert.Equal(CheckStatus.Fail, discovery.Status);
            Assert.Contains("TLS handshake", discovery.Message, StringComparison.Ordinal);
            Assert.Contains("errors in the certificate chain", discovery.Message, StringComparison.Ordinal);
            Assert.Contains("identityService.tls.caCertificate", discovery.Message, StringComparison.Ordinal);
            Assert.Empty(world.Sandbox.Creatio.Requests);
            Assert.Empty(world.Sandbox.Creatio.Writes);
        }

        [Fact]
        public async Task Should_Name_Creatio_When_Only_Its_Certificate_Is_Not_Trusted()
        {
            // Given
            using var authority = PrivateAuthority.Create();
            await using var world = await EngineRun.StartAsync(new SandboxOptions { CreatioCertificate = authority.IssueServerCertificate() });

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.Equal(ExitCodes.Failed, run.ExitCode);
            var login = Assert.Single(run.Report!.Checks, check => check.Id == CheckIds.CreatioLogin);
            Assert.Equal(CheckStatus.Fail, login.Status);
            Assert.Contains("TLS handshake with Creatio", login.Message, StringComparison.Ordinal);
            Assert.Empty(world.Sandbox.Creatio.Requests);
            AssertNoSecretIn(run, world);
        }
    }

    private static void AssertNoSecretIn(RunResult run, EngineRun world)
    {
        foreach (var secret in world.Secrets)
        {
            Assert.DoesNotContain(secret, run.Output, StringComparison.Ordinal);
            Assert.All(run.ReportFiles.Values, content => Assert.DoesNotContain(secret, content, StringComparison.Ordinal));
        }
    }

    public sealed class WithTheCaCertificate
    {
        [Fact]
        public async Task Should_Connect_And_Pass_Every_Check()
        {
            // Given
            var (world, authority) = await StartHttpsAsync();
            await using var _ = world;
            using var __ = authority;
            var ca = authority.WritePem(world.Directory);
            var config = world.WriteConfig(Yaml($"  tls:\n    caCertificate: {ca}", $"  tls:\n    caCertificate: {ca}"));

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            Assert.True(run.ExitCode == ExitCodes.Ok, run.Output);
            Assert.True(run.Report!.Ok);
            Assert.All(run.Report.Checks, check => Assert.NotEqual(CheckStatus.Fail, check.Status));
            Assert.Contains(world.Sandbox.Creatio.Writes, request => request.Path.EndsWith("PostSysSettingsValues", StringComparison.Ordinal));
            Assert.Empty(run.Report.Warnings);
        }

        [Fact]
        public async Task Should_Refuse_A_File_That_Holds_The_Ca_Private_Key()
        {
            // Given
            var (world, authority) = await StartHttpsAsync();
            await using var _ = world;
            using var __ = authority;
            using var key = System.Security.Cryptography.ECDsa.Create();
            File.WriteAllText(Path.Combine(world.Directory, "ca-and-key.pem"), authority.Certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");
            var config = world.WriteConfig(Yaml("  tls:\n    caCertificate: ca-and-key.pem"));

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            Assert.Equal(ExitCodes.InvalidConfiguration, run.ExitCode);
            Assert.Contains($"{config}:8:20: ", run.Output, StringComparison.Ordinal);
            Assert.Contains("holds a private key", Assert.Single(run.Report!.Steps).Error, StringComparison.Ordinal);
            Assert.DoesNotContain("PRIVATE KEY-----", run.Output, StringComparison.Ordinal);
            Assert.Empty(world.Sandbox.Creatio.Requests);
        }
    }

    public sealed class WithInsecureSkipVerify
    {
        [Fact]
        public async Task Should_Connect_And_Warn_Loudly_In_The_Console_And_The_Report()
        {
            // Given
            var (world, authority) = await StartHttpsAsync();
            await using var _ = world;
            using var __ = authority;
            var config = world.WriteConfig(Yaml("  tls:\n    insecureSkipVerify: true", "  tls:\n    insecureSkipVerify: true"));

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            Assert.True(run.ExitCode == ExitCodes.Ok, run.Output);
            Assert.Contains($"warning: {config}:8:25: INSECURE: creatio.tls.insecureSkipVerify is true", run.Output, StringComparison.Ordinal);
            var warning = run.Report!.Warnings[0];
            Assert.StartsWith("INSECURE: creatio.tls.insecureSkipVerify is true", warning.Message, StringComparison.Ordinal);
            Assert.StartsWith("INSECURE: identityService.tls.insecureSkipVerify is true", run.Report.Warnings[1].Message, StringComparison.Ordinal);
            Assert.Equal((config, 8, 25), (warning.File, warning.Line, warning.Column));
            Assert.Contains("\"warnings\"", run.ReportFiles["report.json"], StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Annotate_The_Yaml_Line_As_A_Warning_On_GitHub_Actions()
        {
            // Given: the engine as a step of a GitHub Actions job
            var (world, authority) = await StartHttpsAsync();
            await using var _ = world;
            using var __ = authority;
            var config = world.WriteConfig(Yaml("  tls:\n    insecureSkipVerify: true", "  tls:\n    insecureSkipVerify: true"));
            world.Environment[GitHubActionsAgent.DetectVariable] = "true";
            world.Environment[GitHubActionsAgent.WorkspaceVariable] = world.Directory;

            // When
            var run = await world.RunAsync("preflight", config);

            // Then
            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            var annotation = run.Output.Split('\n').First(line => line.StartsWith("::warning ", StringComparison.Ordinal));
            Assert.StartsWith($"::warning file={Path.GetFileName(config)},line=8,col=25::", annotation, StringComparison.Ordinal);
            Assert.Contains("INSECURE: creatio.tls.insecureSkipVerify is true", annotation, StringComparison.Ordinal);
        }
    }
}
