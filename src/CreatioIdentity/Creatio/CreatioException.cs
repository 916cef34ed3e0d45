using CreatioIdentity.Checks;
using CreatioIdentity.Http;

namespace CreatioIdentity.Creatio;

/// <summary>Why a call to Creatio failed; stable, so reports and tests can rely on it.</summary>
public enum CreatioFailure
{
    /// <summary>The host name did not resolve: the request never left.</summary>
    Dns,

    /// <summary>No connection could be made: the request never left.</summary>
    Connect,

    /// <summary>The TLS handshake failed: the request never left.</summary>
    Tls,

    /// <summary>The connection was dropped after the request was sent: Creatio may or may not have acted on it.</summary>
    ConnectionLost,

    Timeout,
    Authentication,
    Csrf,
    HttpStatus,
    UnexpectedAnswer,
    NotFound,
}

/// <summary>
/// A call to Creatio that did not give a usable answer. The message says what happened and what
/// to do, and never carries a password, cookie or token.
/// </summary>
public sealed class CreatioException(CreatioFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public CreatioFailure Failure { get; } = failure;

    /// <summary>The report's error code (<see cref="ErrorCodes"/>).</summary>
    public string ErrorCode => Failures.Code(Failure);

    /// <summary>
    /// False only when the request certainly never reached Creatio (no name, no connection, no TLS);
    /// a write that failed otherwise may have been applied.
    /// </summary>
    public bool MayHaveReachedCreatio => Failure is not (CreatioFailure.Dns or CreatioFailure.Connect or CreatioFailure.Tls);
}

/// <summary>Transport failures of calls to Creatio, in Creatio's terms (the classification itself is <see cref="TransportFailures"/>).</summary>
public static class Failures
{
    /// <inheritdoc cref="TransportFailures.Innermost"/>
    public static string Innermost(Exception exception) => TransportFailures.Innermost(exception);

    public static string Code(CreatioFailure failure) => failure switch
    {
        CreatioFailure.Dns => ErrorCodes.Dns,
        CreatioFailure.Connect or CreatioFailure.ConnectionLost => ErrorCodes.Connect,
        CreatioFailure.Tls => ErrorCodes.Tls,
        CreatioFailure.Timeout => ErrorCodes.Timeout,
        CreatioFailure.Authentication => ErrorCodes.Authentication,
        CreatioFailure.Csrf => ErrorCodes.Csrf,
        CreatioFailure.HttpStatus or CreatioFailure.NotFound => ErrorCodes.HttpStatus,
        CreatioFailure.UnexpectedAnswer => ErrorCodes.UnexpectedAnswer,
        _ => ErrorCodes.Unexpected,
    };

    /// <summary>What kind of transport failure an exception from HttpClient is, or null when it is none.</summary>
    public static CreatioFailure? Classify(Exception exception) => TransportFailures.Classify(exception) switch
    {
        TransportFailure.Dns => CreatioFailure.Dns,
        TransportFailure.Connect => CreatioFailure.Connect,
        TransportFailure.Tls => CreatioFailure.Tls,
        TransportFailure.ConnectionLost => CreatioFailure.ConnectionLost,
        TransportFailure.Timeout => CreatioFailure.Timeout,
        _ => null,
    };

    /// <summary>A transport failure of a call to Creatio, as a failure that says what happened and what to do; null when it is none.</summary>
    public static CreatioException? ForCreatio(Exception exception, Uri uri, CreatioRoute route, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(route);
        var where = $"{uri.Scheme}://{uri.Authority}";
        var sent = route.IsWrite ? $" Creatio may or may not have applied {route}: run again, every step reads the state first and writes only what differs." : string.Empty;
        return Classify(exception) switch
        {
            CreatioFailure.Timeout => new CreatioException(CreatioFailure.Timeout,
                $"Creatio at {where} did not answer {route} within {timeout.TotalSeconds:0} s{(route.IsIdempotent ? ", retries included" : string.Empty)}: check that the site is up, or raise creatio.timeoutSeconds.{sent}", exception),
            CreatioFailure.Dns => new CreatioException(CreatioFailure.Dns,
                $"The host of Creatio, {uri.Host}, could not be resolved (DNS): check creatio.url and the runner's DNS.", exception),
            CreatioFailure.Tls => new CreatioException(CreatioFailure.Tls,
                HandshakeAdvice.Explain(exception, "Creatio", uri, Configuration.ConfigPaths.Creatio.Url, Configuration.ConfigPaths.Creatio.Tls.CaCertificate), exception),
            CreatioFailure.Connect => new CreatioException(CreatioFailure.Connect,
                $"Creatio at {where} could not be reached ({TransportFailures.WhyUnreachable(exception, timeout)}): check creatio.url, that the site is up, the network and any proxy (HTTPS_PROXY, NO_PROXY).", exception),
            CreatioFailure.ConnectionLost => new CreatioException(CreatioFailure.ConnectionLost,
                $"The connection to Creatio at {where} was dropped before {route} was answered ({Innermost(exception)}): a proxy or load balancer in between may cut connections; check that the site is up.{sent}", exception),
            _ => null,
        };
    }
}
