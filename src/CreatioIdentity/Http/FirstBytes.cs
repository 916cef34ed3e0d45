using System.Text;

namespace CreatioIdentity.Http;

/// <summary>
/// A stream that keeps the first bytes the server sends, so that a failed handshake can be judged by
/// what actually came back rather than by .NET's wording of the failure.
/// </summary>
internal sealed class FirstBytes(Stream inner) : Stream
{
    private const int Kept = 16;
    private readonly byte[] first = new byte[Kept];
    private int count;

    /// <summary>What the first bytes are: a TLS record, an HTTP status line, something else, or nothing.</summary>
    public HandshakeAnswer Judge(HandshakeAnswer whenTls)
    {
        var received = first.AsSpan(0, count);
        if (received.Length == 0)
        {
            return HandshakeAnswer.Unknown;
        }

        // A TLS record starts with its content type (20 to 23: change cipher spec, alert, handshake,
        // data) and major version 3 (RFC 8446 §5.1); an HTTP/1.x answer with its status line.
        if (received.Length >= 2 && received[0] is >= 20 and <= 23 && received[1] == 3)
        {
            return whenTls;
        }

        return received.StartsWith("HTTP/"u8) || (received.Length < 5 && "HTTP/"u8.StartsWith(received))
            ? HandshakeAnswer.PlainHttp
            : HandshakeAnswer.NotTls;
    }

    public override string ToString() => Encoding.ASCII.GetString(first, 0, count);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Keep(buffer.Span[..read]);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Keep(buffer.AsSpan(offset, read));
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Keep(ReadOnlySpan<byte> read)
    {
        var room = Math.Min(Kept - count, read.Length);
        read[..room].CopyTo(first.AsSpan(count));
        count += room;
    }
}
