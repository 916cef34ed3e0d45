using System.Net;
using CreatioIdentity.Http;

namespace CreatioIdentity.Tests.Http;

/// <summary>A failed TLS handshake is judged by what the port answered, and its message says what to do about that.</summary>
public sealed class HandshakeDiagnosisTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>An https request through the diagnosis, as the engine's clients send it; the failure it ends in.</summary>
    private static async Task<HttpRequestException> FailAsync(Uri uri)
    {
        using var client = new HttpClient(new HandshakeDiagnosis(new WebProxy(), Timeout) { InnerHandler = new SocketsHttpHandler() });
        return await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(uri));
    }

    public sealed class TheLookAsyncMethod
    {
        [Fact]
        public async Task Should_Find_Plain_Http_When_The_Port_Answers_The_Hello_In_Http()
        {
            // Given
            await using var server = RawServer.PlainHttp();

            // When
            var answer = await HandshakeDiagnosis.LookAsync(server.Https, Timeout, CancellationToken.None);

            // Then
            Assert.Equal(HandshakeAnswer.PlainHttp, answer);
        }

        [Fact]
        public async Task Should_Find_Another_Protocol_When_The_Port_Answers_Neither_Tls_Nor_Http()
        {
            // Given
            await using var server = RawServer.Ssh();

            // When
            var answer = await HandshakeDiagnosis.LookAsync(server.Https, Timeout, CancellationToken.None);

            // Then
            Assert.Equal(HandshakeAnswer.NotTls, answer);
        }

        [Fact]
        public async Task Should_Not_Guess_When_The_Port_Closes_Without_A_Word()
        {
            // Given
            await using var server = RawServer.Silent();

            // When
            var answer = await HandshakeDiagnosis.LookAsync(server.Https, Timeout, CancellationToken.None);

            // Then
            Assert.Equal(HandshakeAnswer.Unknown, answer);
        }
    }

    public sealed class TheSendAsyncMethod
    {
        [Fact]
        public async Task Should_Fail_As_A_Tls_Failure_That_Says_The_Port_Speaks_Plain_Http()
        {
            // Given
            await using var server = RawServer.PlainHttp();

            // When
            var failure = await FailAsync(server.Https);

            // Then
            Assert.Equal(TransportFailure.Tls, TransportFailures.Classify(failure));
            Assert.True(TransportFailures.IsPermanent(failure));
            Assert.Equal(HandshakeAnswer.PlainHttp, TransportFailures.AnswerOf(failure));
        }
    }

    public sealed class TheExplainMethod
    {
        [Fact]
        public async Task Should_Say_The_Port_Speaks_Plain_Http_And_Where_Https_Belongs()
        {
            // Given
            await using var server = RawServer.PlainHttp();
            var failure = await FailAsync(server.Https);

            // When
            var message = HandshakeAdvice.Explain(failure, "Creatio", server.Https, "creatio.url", "creatio.tls.caCertificate");

            // Then
            Assert.StartsWith($"Creatio at {server.Https.Authority} speaks plain http, not https: it answered the TLS handshake in HTTP. Give creatio.url the port where Creatio serves https", message, StringComparison.Ordinal);
            Assert.DoesNotContain("certificate authority", message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Say_The_Port_Is_Not_Https_When_It_Speaks_Another_Protocol()
        {
            // Given
            await using var server = RawServer.Ssh();
            var failure = await FailAsync(server.Https);

            // When
            var message = HandshakeAdvice.Explain(failure, "the Identity Service", server.Https, "identityService.url", "identityService.tls.caCertificate");

            // Then
            Assert.Equal($"{server.Https.Authority} answered the TLS handshake with something that is neither TLS nor HTTP: it is not the Identity Service's https port. Check the scheme and the port of identityService.url.", message);
        }

        [Fact]
        public async Task Should_Name_Both_Causes_When_They_Cannot_Be_Told_Apart()
        {
            // Given
            await using var server = RawServer.Silent();
            var failure = await FailAsync(server.Https);

            // When
            var message = HandshakeAdvice.Explain(failure, "Creatio", server.Https, "creatio.url", "creatio.tls.caCertificate");

            // Then
            Assert.StartsWith($"The TLS handshake with Creatio at https://{server.Https.Authority} failed (", message, StringComparison.Ordinal);
            Assert.EndsWith("): check the scheme and the port of creatio.url (does Creatio serve https there?); if they are right, trust its certificate authority with creatio.tls.caCertificate.", message, StringComparison.Ordinal);
        }
    }
}
