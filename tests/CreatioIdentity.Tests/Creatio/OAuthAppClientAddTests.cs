using System.Net;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.Creatio.DataService;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>OAuthAppClient.AddClientAsync: the request sent, the credentials issued once, the secret masked, and the answers refused.</summary>
public sealed class OAuthAppClientAddTests
{
    private const string AddPath = "/rest/OAuthConfigService/AddClient";
    private const string UserId = "0b1c0f3c-0000-0000-0000-000000000002";
    private const string Remedy = "Look at Creatio's error log; the user needs the CanManageSolution right to manage integrated applications.";

    private static readonly Uri PortalUrl = new("https://portal.example.com");

    /// <summary>
    /// AddClient against a Creatio that answers so. The secrets of the test are its own: the shared masker
    /// starts a run in the calling test's flow (this method is not async, so the run stays in the caller's).
    /// </summary>
    private static (CreatioFixture Creatio, Task<(ConfigServiceOutcome Outcome, IssuedCredentials? Credentials)> Call) Add(
        string answer, HttpStatusCode status = HttpStatusCode.OK, string? description = "Partners")
    {
        SecretMasker.BeginRun();
        var creatio = CreatioFixture.Net(AddPath, answer, status);
        var session = creatio.Session();
        var client = new OAuthAppClient(session, new DataServiceClient(session));
        return (creatio, client.AddClientAsync("Portal", PortalUrl, Guid.Parse(UserId), description, CancellationToken.None));
    }

    private static string NewSecret() => "issued-secret-" + Guid.NewGuid().ToString("N");

    public sealed class TheAddClientAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Every_Field_Wrapped_As_AddClientRequest()
        {
            // Given
            var (creatio, call) = Add("""{"AddClientResult":{"success":true,"clientId":"C1","clientSecret":"issued-secret-1"}}""");

            // When
            await call;

            // Then
            var sent = Assert.Single(creatio.Received, request => request.Path == AddPath);
            Assert.Equal("POST", sent.Method);
            Assert.Equal(
                $$$"""{"addClientRequest":{"name":"Portal","applicationUrl":"https://portal.example.com","systemUserId":"{{{UserId}}}","description":"Partners","grantType":"client_credentials","allowedGrantTypes":["client_credentials"]}}""",
                sent.Body);
        }

        [Fact]
        public async Task Should_Send_A_Null_Description_When_None_Is_Given()
        {
            // Given
            var (creatio, call) = Add("""{"AddClientResult":{"success":true,"clientId":"C1","clientSecret":"issued-secret-1"}}""", description: null);

            // When
            await call;

            // Then
            Assert.Equal(
                $$$"""{"addClientRequest":{"name":"Portal","applicationUrl":"https://portal.example.com","systemUserId":"{{{UserId}}}","description":null,"grantType":"client_credentials","allowedGrantTypes":["client_credentials"]}}""",
                Assert.Single(creatio.Received, request => request.Path == AddPath).Body);
        }

        [Fact]
        public async Task Should_Issue_The_Credentials_Of_A_Success_And_Mask_The_Secret()
        {
            // Given: a success that carries an errorInfo all the same
            var secret = NewSecret();
            var (_, call) = Add($$$"""{"AddClientResult":{"success":true,"errorInfo":{"errorCode":"Ignored","message":"Ignored"},"clientId":"C1","clientSecret":"{{{secret}}}"}}""");

            // When
            var (outcome, credentials) = await call;

            // Then
            Assert.Equal(new ConfigServiceOutcome(true, null, null), outcome);
            Assert.NotNull(credentials);
            Assert.Equal("C1", credentials.ClientId);
            Assert.Equal(secret, credentials.ClientSecret.Reveal());
            Assert.Equal("secret: ***", SecretMasker.Shared.Mask($"secret: {secret}"));
        }

        [Theory]
        [InlineData("""{"success":false,"clientId":"C1","clientSecret":"issued-secret-1","errorInfo":{"errorCode":"SecurityException","message":"Denied"}}""", "SecurityException", "Denied")]
        [InlineData("""{"success":false,"errorInfo":{"errorCode":"ItemAlreadyExistException","message":" Exists "}}""", "ItemAlreadyExistException", "Exists")]
        [InlineData("""{"success":true,"clientSecret":"issued-secret-1"}""", null, null)]
        [InlineData("""{"success":true,"clientId":"C1","clientSecret":""}""", null, null)]
        [InlineData("""{"success":true,"clientId":"C1","clientSecret":null}""", null, null)]
        [InlineData("""{"success":true,"clientId":"C1"}""", null, null)]
        public async Task Should_Issue_No_Credentials_Without_Success_A_Client_Id_And_A_Secret(string result, string? code, string? message)
        {
            // Given
            var (_, call) = Add($$"""{"AddClientResult":{{result}}}""");

            // When
            var (outcome, credentials) = await call;

            // Then
            Assert.Equal(new ConfigServiceOutcome(false, code, message), outcome);
            Assert.Null(credentials);
        }

        [Fact]
        public async Task Should_Refuse_A_Failure_Naming_CanManageSolution_Without_Quoting_The_Answer()
        {
            // Given
            var (_, call) = Add("""{"message":"issued-secret-1 echoed"}""", HttpStatusCode.InternalServerError);

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => call);

            // Then
            Assert.Equal(CreatioFailure.HttpStatus, exception.Failure);
            Assert.Equal(
                "Creatio answered rest/OAuthConfigService/AddClient with HTTP 500 (the answer is not quoted, as the request carried a secret). " + Remedy,
                exception.Message);
        }

        [Theory]
        [InlineData("""{"AddClientResult":"created"}""")]
        [InlineData("""{"AddClientResult":null}""")]
        [InlineData("""[{"success":true}]""")]
        public async Task Should_Refuse_A_Result_That_Is_Not_An_Object(string answer)
        {
            // Given
            var (_, call) = Add(answer);

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => call);

            // Then
            Assert.Equal(CreatioFailure.UnexpectedAnswer, exception.Failure);
            Assert.Equal(
                "Creatio answered rest/OAuthConfigService/AddClient with HTTP 200 that was not understood (not a JSON object) (the answer is not quoted, as the request carried a secret). "
                + "Check that the URL points at the Creatio site root and that this Creatio version has the service.",
                exception.Message);
        }

        [Fact]
        public async Task Should_Refuse_A_Result_Without_Success_Once_Its_Secret_Is_Masked()
        {
            // Given
            var secret = NewSecret();
            var (_, call) = Add($$$"""{"AddClientResult":{"clientId":"C1","clientSecret":"{{{secret}}}"}}""");

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => call);

            // Then
            Assert.Equal(CreatioFailure.UnexpectedAnswer, exception.Failure);
            Assert.Equal(
                "Creatio answered rest/OAuthConfigService/AddClient with HTTP 200 that was not understood (no \"success\") (the answer is not quoted, as the request carried a secret). "
                + "Check that the URL points at the Creatio site root and that this Creatio version has the service.",
                exception.Message);
            Assert.Equal("secret: ***", SecretMasker.Shared.Mask($"secret: {secret}"));
        }
    }
}
