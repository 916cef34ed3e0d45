using CreatioIdentity.Checks;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>A transport failure of a call to Creatio, in words that say what happened, whether a write may have landed, and what to do.</summary>
public sealed class CreatioFailuresTests
{
    private static readonly Uri Uri = new("https://creatio.example.com:8443/0/DataService/json/SyncReply/UpdateQuery");

    private static CreatioException? For(Exception exception, CreatioRoute route) => Failures.ForCreatio(exception, Uri, route, TimeSpan.FromSeconds(30));

    public sealed class TheForCreatioMethod
    {
        [Fact]
        public void Should_Say_A_Read_Timed_Out_Retries_Included()
        {
            // When
            var failure = For(new TaskCanceledException("The request was canceled."), CreatioRoutes.SelectQuery)!;

            // Then
            Assert.Equal(CreatioFailure.Timeout, failure.Failure);
            Assert.Equal(
                "Creatio at https://creatio.example.com:8443 did not answer DataService/json/SyncReply/SelectQuery within 30 s, retries included: check that the site is up, or raise creatio.timeoutSeconds.",
                failure.Message);
        }

        [Fact]
        public void Should_Say_A_Write_That_Timed_Out_May_Have_Been_Applied()
        {
            // When
            var failure = For(new TimeoutException(), CreatioRoutes.UpdateQuery)!;

            // Then
            Assert.Equal(
                "Creatio at https://creatio.example.com:8443 did not answer DataService/json/SyncReply/UpdateQuery within 30 s: check that the site is up, or raise creatio.timeoutSeconds. "
                + "Creatio may or may not have applied DataService/json/SyncReply/UpdateQuery: run again, every step reads the state first and writes only what differs.",
                failure.Message);
            Assert.True(failure.MayHaveReachedCreatio);
        }

        [Fact]
        public void Should_Name_The_Host_That_Did_Not_Resolve()
        {
            // When
            var failure = For(new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known"), CreatioRoutes.UpdateQuery)!;

            // Then
            Assert.Equal(CreatioFailure.Dns, failure.Failure);
            Assert.Equal("The host of Creatio, creatio.example.com, could not be resolved (DNS): check creatio.url and the runner's DNS.", failure.Message);
            Assert.False(failure.MayHaveReachedCreatio);
            Assert.Equal(ErrorCodes.Dns, failure.ErrorCode);
        }

        [Fact]
        public void Should_Say_Why_No_Connection_Was_Made()
        {
            // When
            var failure = For(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (creatio.example.com:8443)", new IOException("Connection refused.")), CreatioRoutes.UpdateQuery)!;

            // Then
            Assert.Equal(CreatioFailure.Connect, failure.Failure);
            Assert.Equal(
                "Creatio at https://creatio.example.com:8443 could not be reached (Connection refused): check creatio.url, that the site is up, the network and any proxy (HTTPS_PROXY, NO_PROXY).",
                failure.Message);
            Assert.False(failure.MayHaveReachedCreatio);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Should_Say_A_Dropped_Connection_May_Have_Delivered_A_Write(bool write)
        {
            // When
            var route = write ? CreatioRoutes.UpdateQuery : CreatioRoutes.SelectQuery;
            var failure = For(new HttpRequestException("An error occurred while sending the request.", new IOException("Unable to read data from the transport connection: Connection reset by peer.")), route)!;

            // Then
            Assert.Equal(CreatioFailure.ConnectionLost, failure.Failure);
            Assert.Equal(
                $"The connection to Creatio at https://creatio.example.com:8443 was dropped before {route} was answered (Unable to read data from the transport connection: Connection reset by peer): "
                + "a proxy or load balancer in between may cut connections; check that the site is up."
                + (write ? $" Creatio may or may not have applied {route}: run again, every step reads the state first and writes only what differs." : string.Empty),
                failure.Message);
            Assert.True(failure.MayHaveReachedCreatio);
            Assert.Equal(ErrorCodes.Connect, failure.ErrorCode);
        }

        [Fact]
        public void Should_Explain_A_Failed_Handshake_With_Creatios_Keys()
        {
            // Given
            var exception = new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established, see inner exception.",
                new System.Security.Authentication.AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: PartialChain"));

            // When
            var failure = For(exception, CreatioRoutes.UpdateQuery)!;

            // Then
            Assert.Equal(CreatioFailure.Tls, failure.Failure);
            Assert.Equal(CreatioIdentity.Http.HandshakeAdvice.Explain(exception, "Creatio", Uri, "creatio.url", "creatio.tls.caCertificate"), failure.Message);
            Assert.Contains("creatio.tls.caCertificate", failure.Message, StringComparison.Ordinal);
            Assert.False(failure.MayHaveReachedCreatio);
        }

        [Fact]
        public void Should_Leave_Anything_Else_To_The_Caller() =>
            Assert.Null(For(new InvalidOperationException("a defect"), CreatioRoutes.SelectQuery));

        [Fact]
        public void Should_Refuse_No_Exception_Uri_Or_Route()
        {
            Assert.Throws<ArgumentNullException>(() => Failures.ForCreatio(null!, Uri, CreatioRoutes.SelectQuery, TimeSpan.FromSeconds(1)));
            Assert.Throws<ArgumentNullException>(() => Failures.ForCreatio(new TimeoutException(), null!, CreatioRoutes.SelectQuery, TimeSpan.FromSeconds(1)));
            Assert.Throws<ArgumentNullException>(() => Failures.ForCreatio(new TimeoutException(), Uri, null!, TimeSpan.FromSeconds(1)));
        }
    }

    public sealed class TheCodeMethod
    {
        [Theory]
        [InlineData(CreatioFailure.Dns, ErrorCodes.Dns)]
        [InlineData(CreatioFailure.Connect, ErrorCodes.Connect)]
        [InlineData(CreatioFailure.ConnectionLost, ErrorCodes.Connect)]
        [InlineData(CreatioFailure.Tls, ErrorCodes.Tls)]
        [InlineData(CreatioFailure.Timeout, ErrorCodes.Timeout)]
        [InlineData(CreatioFailure.Authentication, ErrorCodes.Authentication)]
        [InlineData(CreatioFailure.Csrf, ErrorCodes.Csrf)]
        [InlineData(CreatioFailure.HttpStatus, ErrorCodes.HttpStatus)]
        [InlineData(CreatioFailure.NotFound, ErrorCodes.HttpStatus)]
        [InlineData(CreatioFailure.UnexpectedAnswer, ErrorCodes.UnexpectedAnswer)]
        [InlineData((CreatioFailure)99, ErrorCodes.Unexpected)]
        public void Should_Give_Each_Failure_Its_Report_Code(CreatioFailure failure, string code) =>
            Assert.Equal(code, Failures.Code(failure));
    }
}
