using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CreatioIdentity.Tests.Proxy;

/// <summary>
/// A small forward proxy on 127.0.0.1, as a corporate one is: absolute-form HTTP requests
/// (<c>GET http://host:port/path</c>) are forwarded one per connection, <c>CONNECT host:port</c>
/// opens a tunnel for TLS. It reaches only the host names it is given (each to a loopback port),
/// so a request for one of them can only have come through it. With <see cref="RequiredCredentials"/>
/// it answers 407 until the client sends Basic credentials, as an authenticating proxy does.
/// </summary>
public sealed class ForwardProxy : IAsyncDisposable
{
    private const int MaxHeadBytes = 64 * 1024;

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Dictionary<string, int> hosts;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentBag<Task> connections = [];
    private readonly Task accepting;

    /// <param name="hosts">Host name to the 127.0.0.1 port it stands for.</param>
    public ForwardProxy(IReadOnlyDictionary<string, int> hosts, string? requiredCredentials = null)
    {
        this.hosts = new Dictionary<string, int>(hosts, StringComparer.OrdinalIgnoreCase);
        RequiredCredentials = requiredCredentials;
        listener.Start();
        accepting = AcceptAsync();
    }

    /// <summary>"user:password" the proxy insists on, or null for an open proxy.</summary>
    public string? RequiredCredentials { get; }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    /// <summary>Every request line the proxy received, e.g. "CONNECT creatio.proxy.test:5001" or "POST http://creatio.proxy.test:5001/ServiceModel/AuthService.svc/Login".</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>How many requests came without the credentials the proxy wants.</summary>
    public int Challenged => challenged;

    private int challenged;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        await Task.WhenAll(connections).ContinueWith(_ => { }, TaskScheduler.Default);
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            connections.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var downstream = client.GetStream();
        try
        {
            var (head, rest) = await ReadHeadAsync(downstream);
            if (head is null)
            {
                return;
            }

            var lines = head.Split("\r\n");
            var requestLine = lines[0].Split(' ');
            if (requestLine.Length != 3)
            {
                await AnswerAsync(downstream, "400 Bad Request");
                return;
            }

            var (method, target) = (requestLine[0], requestLine[1]);
            Requests.Enqueue($"{method} {target}");

            if (RequiredCredentials is not null && !lines.Any(line => line.Equals(
                    "Proxy-Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(RequiredCredentials)), StringComparison.OrdinalIgnoreCase)))
            {
                Interlocked.Increment(ref challenged);
                await AnswerAsync(downstream, "407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"test proxy\"");
                return;
            }

            if (method == "CONNECT")
            {
                await TunnelAsync(downstream, target, rest);
            }
            else
            {
                await ForwardAsync(downstream, method, target, lines, rest);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A client or server that hangs up ends its connection, nothing more.
        }
    }

    private async Task TunnelAsync(NetworkStream downstream, string authority, byte[] rest)
    {
        if (Resolve(authority) is not { } port)
        {
            await AnswerAsync(downstream, "502 Bad Gateway");
            return;
        }

        using var server = new TcpClient();
        await server.ConnectAsync(IPAddress.Loopback, port, stopping.Token);
        var upstream = server.GetStream();
        await downstream.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), stopping.Token);
        await upstream.WriteAsync(rest, stopping.Token);
        await PumpAsync(downstream, upstream);
    }

    /// <summary>One request per connection: the target in origin form, <c>Connection: close</c>, and the answer streamed back.</summary>
    private async Task ForwardAsync(NetworkStream downstream, string method, string target, string[] lines, byte[] rest)
    {
        if (!Uri.TryCreate(target, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || Resolve(url.Authority) is not { } port)
        {
            await AnswerAsync(downstream, "502 Bad Gateway");
            return;
        }

        var head = new StringBuilder($"{method} {url.PathAndQuery} HTTP/1.1\r\n");
        foreach (var line in lines.Skip(1).Where(line => line.Length > 0))
        {
            var name = line[..Math.Max(0, line.IndexOf(':', StringComparison.Ordinal))];
            if (name is not ("Proxy-Authorization" or "Proxy-Connection" or "Connection" or "Keep-Alive"))
            {
                head.Append(line).Append("\r\n");
            }
        }

        head.Append("Connection: close\r\n\r\n");
        using var server = new TcpClient();
        await server.ConnectAsync(IPAddress.Loopback, port, stopping.Token);
        var upstream = server.GetStream();
        await upstream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stopping.Token);
        await upstream.WriteAsync(rest, stopping.Token);
        await PumpAsync(downstream, upstream);
    }

    private int? Resolve(string authority)
    {
        var colon = authority.LastIndexOf(':');
        var host = colon < 0 ? authority : authority[..colon];
        return hosts.TryGetValue(host, out var port) && colon > 0 && authority[(colon + 1)..] == port.ToString(System.Globalization.CultureInfo.InvariantCulture) ? port : null;
    }

    /// <summary>Copies both ways until the server is done, then hangs up on the client.</summary>
    private async Task PumpAsync(NetworkStream downstream, NetworkStream upstream)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        var up = downstream.CopyToAsync(upstream, done.Token);
        var down = upstream.CopyToAsync(downstream, done.Token);
        await Task.WhenAny(up, down);
        await done.CancelAsync();
        await Task.WhenAll(up, down).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task AnswerAsync(NetworkStream downstream, string status, string? header = null)
    {
        var extra = header is null ? string.Empty : header + "\r\n";
        await downstream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\n{extra}Content-Length: 0\r\nConnection: close\r\n\r\n"), stopping.Token);
    }

    /// <summary>The request head up to the blank line, and whatever bytes came after it.</summary>
    private async Task<(string? Head, byte[] Remainder)> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[MaxHeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), stopping.Token);
            if (read == 0)
            {
                return (null, []);
            }

            length += read;
            var end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                return (Encoding.ASCII.GetString(buffer, 0, end), buffer[(end + 4)..length]);
            }
        }

        return (null, []);
    }
}
