using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CreatioIdentity.Tests.Http;

/// <summary>A port on loopback that answers every connection with fixed bytes (or none) and closes it: a server that speaks something other than TLS.</summary>
public sealed class RawServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    /// <param name="answer">What the server sends; empty to close without a word.</param>
    /// <param name="readFirst">Whether it waits for the client's first bytes (an HTTP server does; an SSH server speaks first).</param>
    private RawServer(byte[] answer, bool readFirst)
    {
        listener.Start();
        accepting = AcceptAsync(answer, readFirst);
    }

    /// <summary>A plain http port, answering the TLS hello as nginx or IIS does: a 400 status line.</summary>
    public static RawServer PlainHttp() => new(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), readFirst: true);

    /// <summary>An SSH port: it greets first, in its own protocol.</summary>
    public static RawServer Ssh() => new(Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.6\r\n"), readFirst: false);

    /// <summary>A port that takes the hello and closes the connection without a word.</summary>
    public static RawServer Silent() => new([], readFirst: true);

    public Uri Https => new($"https://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }

    private async Task AcceptAsync(byte[] answer, bool readFirst)
    {
        while (!stop.IsCancellationRequested)
        {
            using var client = await listener.AcceptTcpClientAsync(stop.Token);
            try
            {
                var stream = client.GetStream();
                if (readFirst)
                {
                    _ = await stream.ReadAsync(new byte[4096], stop.Token);
                }

                await stream.WriteAsync(answer, stop.Token);
            }
            catch (IOException)
            {
                // The client gave up first: the next connection is answered all the same.
            }
        }
    }
}
