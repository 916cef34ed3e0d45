using System.Net.Sockets;
using System.Security.Authentication;

namespace CreatioIdentity.Http;

/// <summary>How a request failed before any HTTP answer came; the same for Creatio and the Identity Service.</summary>
public enum TransportFailure
{
    /// <summary>The host name did not resolve: the request never left.</summary>
    Dns,

    /// <summary>No connection could be made: the request never left.</summary>
    Connect,

    /// <summary>The TLS handshake failed: the request never left.</summary>
    Tls,

    /// <summary>The connection was dropped after the request was sent: the server may or may not have acted on it.</summary>
    ConnectionLost,

    /// <summary>No answer in time.</summary>
    Timeout,
}

/// <summary>
/// The one place that reads an exception from HttpClient: which transport failure it is, why (in .NET's
/// words), and what the server answered when a TLS handshake failed (<see cref="HandshakeAnswer"/>).
/// </summary>
public static class TransportFailures
{
    /// <summary>What kind of transport failure an exception from HttpClient is, or null when it is none.</summary>
    public static TransportFailure? Classify(Exception exception) => exception switch
    {
        _ when Timeouts.IsConnectTimeout(exception) => TransportFailure.Connect,
        _ when Timeouts.IsTimeout(exception) => TransportFailure.Timeout,
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => TransportFailure.Dns,
        HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } } => TransportFailure.Dns,
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => TransportFailure.Tls,
        HttpRequestException { InnerException: AuthenticationException } => TransportFailure.Tls,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => TransportFailure.Connect,
        HttpRequestException => TransportFailure.ConnectionLost,
        _ => null,
    };

    /// <summary>
    /// True for the failures retrying cannot cure within seconds: a name that does not resolve, a TLS
    /// handshake that failed, a host that let a whole connect timeout pass without an answer.
    /// </summary>
    public static bool IsPermanent(Exception? exception) =>
        exception is not null && (Timeouts.IsConnectTimeout(exception) || Classify(exception) is TransportFailure.Dns or TransportFailure.Tls);

    /// <summary>The innermost exception's message: where .NET says why (PartialChain, RemoteCertificateNameMismatch, Connection refused).</summary>
    public static string Innermost(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner.Message.TrimEnd('.');
    }

    /// <summary>Why no connection was made, in words: the connect timeout spelled out, else what .NET says.</summary>
    public static string WhyUnreachable(Exception exception, TimeSpan requestTimeout) =>
        Timeouts.IsConnectTimeout(exception)
            ? $"no answer to the connection within {Timeouts.Connect(requestTimeout).TotalSeconds:0.#} s: the host is down, or a firewall drops the packets"
            : Innermost(exception);

    /// <summary>What the server answered a failed TLS handshake with, as <see cref="HandshakeDiagnosis"/> found out; Unknown when nobody looked.</summary>
    public static HandshakeAnswer AnswerOf(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is HandshakeException handshake)
            {
                return handshake.Answer;
            }
        }

        return HandshakeAnswer.Unknown;
    }
}
