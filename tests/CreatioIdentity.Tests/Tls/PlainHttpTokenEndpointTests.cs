using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CreatioIdentity.Checks;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.Tls;

/// <summary>
/// The client secret goes to the token endpoint the discovery document names. That must be the
/// Identity Service's own origin or a host the file names (identityService.tokenEndpointHosts);
/// and when it is plain http on another host, the secret is not sent unless the file allows
/// insecure http.
/// </summary>
public sealed class PlainHttpTokenEndpointTests
{
    [Fact]
    public async Task Should_Not_Send_The_Client_Secret_To_A_Token_Endpoint_On_Another_Host()
    {
        // Given: a discovery document (as a hijacked or misconfigured Identity Service would serve it) naming another host
        await using var world = await EngineRun.StartAsync();
        await using var identityService = new DiscoveryServer("https://login.example.com/connect/token");
        world.Environment["SANDBOX_IDENTITY_URL"] = identityService.Url.AbsoluteUri;

        // When
        var run = await world.RunAsync("preflight");

        // Then: refused before any token request, naming both hosts and the key that allows one
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var discovery = Assert.Single(run.Report!.Checks, check => check.Id == CheckIds.IdentityServiceDiscovery);
        Assert.Equal(CheckStatus.Fail, discovery.Status);
        Assert.Contains("token endpoint on https://login.example.com, not on the Identity Service's own http://127.0.0.1:", discovery.Message, StringComparison.Ordinal);
        Assert.Contains("'identityService.tokenEndpointHosts: [login.example.com]'", discovery.Message, StringComparison.Ordinal);
        Assert.Equal(["GET /.well-known/openid-configuration"], identityService.Requests);
        var token = Assert.Single(run.Report.Checks, check => check.Id == CheckIds.ClientCredentialsToken);
        Assert.Equal(CheckStatus.Skip, token.Status);
        Assert.Equal("Skipped: the client secret was not sent to the token endpoint the discovery document named (see IdentityServiceDiscovery).", token.Message);
    }

    [Fact]
    public async Task Should_Send_It_To_A_Host_The_File_Names()
    {
        // Given: the Identity Service's own token endpoint on another loopback port, named by host
        await using var world = await EngineRun.StartAsync();
        var tokenEndpoint = new Uri(world.Sandbox.IdentityServiceUrl, "connect/token").AbsoluteUri.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        await using var identityService = new DiscoveryServer(tokenEndpoint);
        world.Environment["SANDBOX_IDENTITY_URL"] = identityService.Url.AbsoluteUri;
        var config = world.WriteConfig(TlsTests.Yaml(string.Empty, "  tokenEndpointHosts: [localhost]"));

        // When
        var run = await world.RunAsync("preflight", config);

        // Then
        var token = Assert.Single(run.Report!.Checks, check => check.Id == CheckIds.ClientCredentialsToken);
        Assert.True(token.Status == CheckStatus.Pass, run.Output);
    }

    [Fact]
    public async Task Should_Not_Send_The_Client_Secret_To_A_Plain_Http_Token_Endpoint_Elsewhere()
    {
        // Given: the host is allowed, but the document names it on plain http
        await using var world = await EngineRun.StartAsync();
        await using var identityService = new DiscoveryServer("http://identity.example.com/connect/token");
        world.Environment["SANDBOX_IDENTITY_URL"] = identityService.Url.AbsoluteUri;
        var config = world.WriteConfig(TlsTests.Yaml(string.Empty, "  tokenEndpointHosts: [identity.example.com]"));

        // When
        var run = await world.RunAsync("preflight", config);

        // Then
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var discovery = Assert.Single(run.Report!.Checks, check => check.Id == CheckIds.IdentityServiceDiscovery);
        Assert.Equal(CheckStatus.Fail, discovery.Status);
        Assert.Contains("token endpoint on plain http (http://identity.example.com)", discovery.Message, StringComparison.Ordinal);
        Assert.Contains("allowInsecureHttp: true", discovery.Message, StringComparison.Ordinal);
        Assert.Equal(["GET /.well-known/openid-configuration"], identityService.Requests);
    }

    /// <summary>Answers every request with a discovery document naming <c>tokenEndpoint</c>, and keeps the request lines.</summary>
    private sealed class DiscoveryServer : IAsyncDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stopping = new();
        private readonly Task serving;

        public DiscoveryServer(string tokenEndpoint)
        {
            listener.Start();
            serving = ServeAsync($"{{\"issuer\":\"{Url}\",\"token_endpoint\":\"{tokenEndpoint}\"}}");
        }

        public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

        public ConcurrentQueue<string> Requests { get; } = new();

        public async ValueTask DisposeAsync()
        {
            await stopping.CancelAsync();
            listener.Stop();
            await serving.ContinueWith(_ => { }, TaskScheduler.Default);
            stopping.Dispose();
        }

        private async Task ServeAsync(string document)
        {
            var body = Encoding.UTF8.GetBytes(document);
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    using var client = await listener.AcceptTcpClientAsync(stopping.Token);
                    var stream = client.GetStream();
                    var buffer = new byte[16 * 1024];
                    var length = 0;
                    while (length < buffer.Length && buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) < 0)
                    {
                        var read = await stream.ReadAsync(buffer.AsMemory(length), stopping.Token);
                        if (read == 0)
                        {
                            break;
                        }

                        length += read;
                    }

                    var requestLine = Encoding.ASCII.GetString(buffer, 0, length).Split("\r\n")[0].Split(' ');
                    Requests.Enqueue($"{requestLine[0]} {(requestLine.Length > 1 ? requestLine[1] : string.Empty)}");
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"), stopping.Token);
                    await stream.WriteAsync(body, stopping.Token);
                }
                catch (Exception exception) when (exception is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
                {
                    if (stopping.IsCancellationRequested)
                    {
                        return;
                    }
                }
            }
        }
    }
}
