using System.Net;
using System.Net.Sockets;

namespace CreatioIdentity.Sandbox.Creatio.Health;

/// <summary>
/// Stands for a network on which Creatio cannot reach the Identity Service: every connection goes
/// to a loopback port that is bound but never listens, so it is refused as a real one would be.
/// </summary>
internal sealed class UnreachableNetwork : IDisposable
{
    private readonly Socket reserved = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public UnreachableNetwork() => reserved.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext _, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(reserved.LocalEndPoint!, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => reserved.Dispose();
}
