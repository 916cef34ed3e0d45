using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace CreatioIdentity.Http;

/// <summary>
/// When a TLS handshake fails, finds out what the port speaks: it shakes hands once more, directly,
/// without checking the certificate, and keeps the bytes the server answers. A handshake that then
/// completes means the certificate failed; an answer in HTTP means an https:// URL points at a plain
/// http port; other bytes mean another protocol. The second handshake sends nothing after the hello,
/// so no request (and no secret) goes to a server whose certificate was not checked. Behind a proxy
/// the direct look would not see what the client saw, so none is made.
/// </summary>
public sealed class HandshakeDiagnosis(IWebProxy? proxy, TimeSpan timeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception) when (request.RequestUri is { Scheme: "https" } uri
            && !cancellationToken.IsCancellationRequested
            && TransportFailures.Classify(exception) == TransportFailure.Tls
            && exception.InnerException is not HandshakeException)
        {
            var answer = Proxied(uri) ? HandshakeAnswer.Unknown : await LookAsync(uri, timeout, cancellationToken);
            throw new HttpRequestException(HttpRequestError.SecureConnectionError, exception.Message, new HandshakeException(answer, exception));
        }
    }

    /// <summary>A second TLS hello to <paramref name="uri"/>'s host and port, judged by what comes back.</summary>
    public static async Task<HandshakeAnswer> LookAsync(Uri uri, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(new DnsEndPoint(uri.IdnHost, uri.Port), deadline.Token);
            await using var recorded = new FirstBytes(new NetworkStream(socket, ownsSocket: false));
            await using var tls = new SslStream(recorded, leaveInnerStreamOpen: true);
            try
            {
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = uri.IdnHost,
#pragma warning disable CA5359 // Only to learn whether the port speaks TLS at all: nothing is sent after the hello.
                    RemoteCertificateValidationCallback = (_, _, _, _) => true,
#pragma warning restore CA5359
                }, deadline.Token);
                return HandshakeAnswer.UntrustedCertificate;
            }
            catch (Exception failure) when (failure is AuthenticationException or IOException)
            {
                return recorded.Judge(whenTls: HandshakeAnswer.TlsRefused);
            }
        }
        catch (Exception failure) when ((failure is SocketException or IOException or OperationCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            return HandshakeAnswer.Unknown;
        }
    }

    private bool Proxied(Uri uri)
    {
        var used = proxy ?? HttpClient.DefaultProxy;
        return !used.IsBypassed(uri) && used.GetProxy(uri) is { } through && through != uri;
    }
}
