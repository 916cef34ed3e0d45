namespace CreatioIdentity.Http;

/// <summary>What a server whose TLS handshake failed turned out to speak, from a second handshake that records the bytes it answers.</summary>
public enum HandshakeAnswer
{
    /// <summary>Not found out: the second look was not made (a proxy in between) or got no answer.</summary>
    Unknown,

    /// <summary>The port completes TLS when its certificate is not checked: the certificate is what failed.</summary>
    UntrustedCertificate,

    /// <summary>The port speaks TLS, yet no handshake completes even without checking the certificate (a TLS version or cipher the two sides do not share).</summary>
    TlsRefused,

    /// <summary>The port answered the TLS hello in HTTP ("HTTP/1.1 400 ..."): it serves plain http.</summary>
    PlainHttp,

    /// <summary>The port answered with bytes that are neither TLS nor HTTP: another protocol, not a web server.</summary>
    NotTls,
}

/// <summary>Carries what <see cref="HandshakeDiagnosis"/> found out to whoever words the failure; the handshake's own exception is its inner one.</summary>
public sealed class HandshakeException(HandshakeAnswer answer, Exception inner)
    : Exception($"The TLS handshake failed; the server's answer: {answer}.", inner)
{
    public HandshakeAnswer Answer { get; } = answer;
}
