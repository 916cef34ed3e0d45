namespace CreatioIdentity.Http;

/// <summary>
/// What to do about a failed TLS handshake, from what the server turned out to speak
/// (<see cref="HandshakeDiagnosis"/>): the same words for Creatio and the Identity Service.
/// </summary>
public static class HandshakeAdvice
{
    /// <param name="exception">The failure, as HttpClient threw it.</param>
    /// <param name="service">Who was called, as a sentence names it mid-way: "Creatio", "the Identity Service".</param>
    /// <param name="uri">The https URL that was called.</param>
    /// <param name="urlKey">The file's key of that URL (creatio.url).</param>
    /// <param name="caKey">The file's key that trusts a CA for it (creatio.tls.caCertificate).</param>
    public static string Explain(Exception exception, string service, Uri uri, string urlKey, string caKey)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(uri);
        var where = $"{uri.Scheme}://{uri.Authority}";
        var why = TransportFailures.Innermost(exception);
        return TransportFailures.AnswerOf(exception) switch
        {
            HandshakeAnswer.PlainHttp =>
                $"{Capital(service)} at {uri.Authority} speaks plain http, not https: it answered the TLS handshake in HTTP. Give {urlKey} the port where {service} serves https; or, if it has no https, write http://{uri.Authority} (plain http is accepted to this machine, or with 'allowInsecureHttp: true').",
            HandshakeAnswer.NotTls =>
                $"{uri.Authority} answered the TLS handshake with something that is neither TLS nor HTTP: it is not {service}'s https port. Check the scheme and the port of {urlKey}.",
            HandshakeAnswer.UntrustedCertificate =>
                $"The TLS handshake with {service} at {where} failed ({why}): trust its certificate authority with {caKey}.",
            HandshakeAnswer.TlsRefused =>
                $"The TLS handshake with {service} at {where} failed ({why}): it speaks TLS, but no TLS version or cipher that this machine accepts; check {service}'s TLS settings.",
            _ =>
                $"The TLS handshake with {service} at {where} failed ({why}): check the scheme and the port of {urlKey} (does {service} serve https there?); if they are right, trust its certificate authority with {caKey}.",
        };
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
