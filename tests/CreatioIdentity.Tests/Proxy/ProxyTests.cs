using CreatioIdentity.Checks;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Tests.Integration;
using CreatioIdentity.Tests.Tls;

namespace CreatioIdentity.Tests.Proxy;

/// <summary>
/// HTTPS_PROXY, HTTP_PROXY and NO_PROXY through a proxy written for the test. The URLs name hosts
/// under .test, which no DNS resolves: only the proxy knows them (each stands for a loopback port
/// of the sandbox), so a request that reaches the sandbox went through the proxy, and a host
/// NO_PROXY sends around it fails to resolve. Loopback URLs never use a proxy.
/// </summary>
public sealed class ProxyTests
{
    private const string CreatioHost = "creatio.proxy.test";
    private const string IdentityHost = "identity.proxy.test";
    private const string ProxyPassword = "proxy-Pa55-word";

    private static ForwardProxy ProxyFor(EngineRun world, string? credentials = null) => new(
        new Dictionary<string, int> { [CreatioHost] = world.Sandbox.CreatioUrl.Port, [IdentityHost] = world.Sandbox.IdentityServiceUrl.Port },
        credentials);

    /// <summary>Points the file's URLs at the proxy-only host names.</summary>
    private static void UseProxyHostNames(EngineRun world)
    {
        world.Environment["SANDBOX_CREATIO_URL"] = new UriBuilder(world.Sandbox.CreatioUrl) { Host = CreatioHost }.Uri.AbsoluteUri;
        world.Environment["SANDBOX_IDENTITY_URL"] = new UriBuilder(world.Sandbox.IdentityServiceUrl) { Host = IdentityHost }.Uri.AbsoluteUri;
    }

    private static string Yaml(string extra = "") => $$"""
        version: 1
        creatio:
          url: ${SANDBOX_CREATIO_URL}
          username: ${CREATIO_USERNAME}
          password: ${CREATIO_PASSWORD}
          timeoutSeconds: 5
        {{extra}}
        identityService:
          url: ${SANDBOX_IDENTITY_URL}
          clientId: ${IDENTITY_CLIENT_ID}
          clientSecret: ${IDENTITY_CLIENT_SECRET}
        """;

    private static void AssertNothingSecretIn(RunResult run, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, run.Output, StringComparison.Ordinal);
            Assert.All(run.ReportFiles.Values, content => Assert.DoesNotContain(secret, content, StringComparison.Ordinal));
        }
    }

    public sealed class TheHttpsProxyVariable
    {
        [Fact]
        public async Task Should_Tunnel_Every_Request_Through_An_Authenticating_Proxy_Without_Printing_Its_Password()
        {
            // Given
            using var authority = PrivateAuthority.Create();
            var certificate = authority.IssueServerCertificate(CreatioHost, IdentityHost);
            await using var world = await EngineRun.StartAsync(new SandboxOptions { CreatioCertificate = certificate, IdentityServiceCertificate = certificate });
            await using var proxy = ProxyFor(world, $"proxy-user:{ProxyPassword}");
            UseProxyHostNames(world);
            world.Environment["HTTPS_PROXY"] = $"http://proxy-user:{ProxyPassword}@127.0.0.1:{proxy.Port}";
            var ca = authority.WritePem(world.Directory);
            var config = world.WriteConfig((Yaml($"  tls:\n    caCertificate: {ca}") + $"\n  tls:\n    caCertificate: {ca}").Replace("  timeoutSeconds: 5\n", string.Empty, StringComparison.Ordinal));

            // When
            var run = await world.RunAsync("preflight", config);

            // Then
            Assert.True(run.ExitCode == ExitCodes.Ok, run.Output);
            Assert.Contains($"CONNECT {CreatioHost}:{world.Sandbox.CreatioUrl.Port}", proxy.Requests);
            Assert.Contains($"CONNECT {IdentityHost}:{world.Sandbox.IdentityServiceUrl.Port}", proxy.Requests);
            Assert.All(proxy.Requests, request => Assert.StartsWith("CONNECT ", request, StringComparison.Ordinal));
            Assert.True(proxy.Challenged > 0, "the proxy never asked for its credentials");
            Assert.Equal(1, world.Sandbox.Creatio.LoginCount);
            AssertNothingSecretIn(run, [ProxyPassword, .. world.Secrets]);
        }
    }

    public sealed class TheHttpProxyVariable
    {
        [Fact]
        public async Task Should_Send_Absolute_Form_Requests_To_The_Proxy_In_Lower_Case_Too()
        {
            // Given
            await using var world = await EngineRun.StartAsync();
            await using var proxy = ProxyFor(world);
            UseProxyHostNames(world);
            world.Environment["http_proxy"] = proxy.Url.AbsoluteUri;
            var config = world.WriteConfig(Yaml("allowInsecureHttp: true"));

            // When
            var run = await world.RunAsync("preflight", config);

            // Then
            Assert.True(run.ExitCode == ExitCodes.Ok, run.Output);
            Assert.Contains($"GET http://{IdentityHost}:{world.Sandbox.IdentityServiceUrl.Port}/.well-known/openid-configuration", proxy.Requests);
            Assert.Contains($"POST http://{IdentityHost}:{world.Sandbox.IdentityServiceUrl.Port}/connect/token", proxy.Requests);
            Assert.Contains($"POST http://{CreatioHost}:{world.Sandbox.CreatioUrl.Port}/ServiceModel/AuthService.svc/Login", proxy.Requests);
            Assert.Equal(1, world.Sandbox.Creatio.LoginCount);
        }

        [Fact]
        public async Task Should_Refuse_A_Value_That_Is_No_Proxy_Url_Without_Repeating_It()
        {
            // Given
            await using var world = await EngineRun.StartAsync();
            world.Environment["HTTPS_PROXY"] = "ftp://someone:Pr0xy-secret@proxy.example.com:21";

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.Equal(ExitCodes.InvalidConfiguration, run.ExitCode);
            Assert.Contains("environment variable HTTPS_PROXY is not a proxy URL", run.Output, StringComparison.Ordinal);
            AssertNothingSecretIn(run, "Pr0xy-secret");
            Assert.Empty(world.Sandbox.Creatio.Requests);
        }
    }

    public sealed class TheNoProxyVariable
    {
        [Fact]
        public async Task Should_Reach_A_Listed_Host_Directly_And_Others_Through_The_Proxy()
        {
            // Given
            await using var world = await EngineRun.StartAsync();
            await using var proxy = ProxyFor(world);
            UseProxyHostNames(world);
            world.Environment["HTTP_PROXY"] = proxy.Url.AbsoluteUri;
            world.Environment["no_proxy"] = $"localhost, .example.com,{CreatioHost}";
            var config = world.WriteConfig(Yaml("allowInsecureHttp: true"));

            // When
            var run = await world.RunAsync("preflight", config);

            // Then: the Identity Service answered through the proxy; Creatio was looked up directly, where no DNS knows it.
            Assert.Equal(ExitCodes.Failed, run.ExitCode);
            Assert.Equal(CheckStatus.Pass, Assert.Single(run.Report!.Checks, check => check.Id == CheckIds.ClientCredentialsToken).Status);
            Assert.Equal(CheckStatus.Fail, Assert.Single(run.Report.Checks, check => check.Id == CheckIds.CreatioLogin).Status);
            Assert.Contains(proxy.Requests, request => request.Contains(IdentityHost, StringComparison.Ordinal));
            Assert.DoesNotContain(proxy.Requests, request => request.Contains(CreatioHost, StringComparison.Ordinal));
            Assert.Empty(world.Sandbox.Creatio.Requests);
        }
    }

    public sealed class LoopbackUrls
    {
        [Fact]
        public async Task Should_Never_Go_Through_A_Proxy()
        {
            // Given
            await using var world = await EngineRun.StartAsync();
            await using var proxy = ProxyFor(world);
            world.Environment["HTTP_PROXY"] = proxy.Url.AbsoluteUri;
            world.Environment["HTTPS_PROXY"] = proxy.Url.AbsoluteUri;

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.True(run.ExitCode == ExitCodes.Ok, run.Output);
            Assert.Empty(proxy.Requests);
        }
    }
}
