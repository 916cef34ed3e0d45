using System.Net;
using CreatioIdentity.Creatio;
using CreatioIdentity.Creatio.DataService;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>OAuthAppClient's writes but AddClient: the requests sent, the outcomes read back, and the answers refused.</summary>
public sealed class OAuthAppClientWriteTests
{
    private const string UpdatePath = "/rest/OAuthConfigService/UpdateClient";
    private const string DeletePath = "/rest/OAuthConfigService/DeleteClient";
    private const string TechnicalUserPath = "/rest/OAuthConfigService/CreateTechnicalUser";
    private const string UpdateQueryPath = "/DataService/json/SyncReply/UpdateQuery";
    private const string UserId = "0b1c0f3c-0000-0000-0000-000000000002";
    private const string OtherId = "0b1c0f3c-0000-0000-0000-000000000003";
    private const string Remedy = "Look at Creatio's error log; the user needs the CanManageSolution right to manage integrated applications.";
    private const string NotUnderstoodRemedy = "Check that the URL points at the Creatio site root and that this Creatio version has the service.";

    private static (CreatioFixture Creatio, OAuthAppClient Client) World(string path, string answer, HttpStatusCode status = HttpStatusCode.OK)
    {
        var creatio = CreatioFixture.Net(path, answer, status);
        var session = creatio.Session();
        return (creatio, new OAuthAppClient(session, new DataServiceClient(session)));
    }

    private static string? Sent(CreatioFixture creatio, string path) => Assert.Single(creatio.Received, request => request.Path == path).Body;

    public sealed class TheUpdateClientAsyncMethod
    {
        [Theory]
        [InlineData(null, null, null, null, """{"clientId":"C1"}""")]
        [InlineData("Portal", null, null, null, """{"clientId":"C1","name":"Portal"}""")]
        [InlineData(null, "https://portal.example.com", null, null, """{"clientId":"C1","applicationUrl":"https://portal.example.com"}""")]
        [InlineData(null, null, UserId, null, """{"clientId":"C1","systemUserId":"0b1c0f3c-0000-0000-0000-000000000002"}""")]
        [InlineData(null, null, null, false, """{"clientId":"C1","isActive":false}""")]
        [InlineData(null, null, null, true, """{"clientId":"C1","isActive":true}""")]
        [InlineData("Portal", "https://portal.example.com", UserId, true,
            """{"clientId":"C1","name":"Portal","applicationUrl":"https://portal.example.com","systemUserId":"0b1c0f3c-0000-0000-0000-000000000002","isActive":true}""")]
        public async Task Should_Send_Only_The_Fields_Given_Wrapped_As_UpdateClientRequest(string? name, string? url, string? userId, bool? isActive, string expected)
        {
            // Given
            var (creatio, client) = World(UpdatePath, """{"UpdateClientResult":{"success":true}}""");

            // When
            await client.UpdateClientAsync("C1", name, url is null ? null : new Uri(url), userId is null ? null : Guid.Parse(userId), isActive, CancellationToken.None);

            // Then
            Assert.Equal($$"""{"updateClientRequest":{{expected}}}""", Sent(creatio, UpdatePath));
        }

        [Fact]
        public async Task Should_Read_A_Success_From_UpdateClientResult_Without_Its_ErrorInfo()
        {
            // Given
            var (_, client) = World(UpdatePath, """{"UpdateClientResult":{"success":true,"errorInfo":{"errorCode":"Ignored","message":"Ignored"}}}""");

            // When
            var outcome = await client.UpdateClientAsync("C1", "Portal", null, null, null, CancellationToken.None);

            // Then
            Assert.Equal(new ConfigServiceOutcome(true, null, null), outcome);
        }

        [Fact]
        public async Task Should_Read_The_Error_Code_And_Message_Of_A_Refusal()
        {
            // Given
            var (_, client) = World(UpdatePath, """{"UpdateClientResult":{"success":false,"errorInfo":{"errorCode":"ItemNotFoundException","message":"Client not found"}}}""");

            // When
            var outcome = await client.UpdateClientAsync("C1", "Portal", null, null, null, CancellationToken.None);

            // Then
            Assert.Equal(new ConfigServiceOutcome(false, "ItemNotFoundException", "Client not found"), outcome);
        }

        [Fact]
        public async Task Should_Refuse_A_Failure_Quoting_It_And_Naming_CanManageSolution()
        {
            // Given
            var (_, client) = World(UpdatePath, """{"message":"Internal error"}""", HttpStatusCode.InternalServerError);

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.UpdateClientAsync("C1", "Portal", null, null, null, CancellationToken.None));

            // Then
            Assert.Equal(CreatioFailure.HttpStatus, exception.Failure);
            Assert.Equal("""Creatio answered rest/OAuthConfigService/UpdateClient with HTTP 500: {"message":"Internal error"}. """ + Remedy, exception.Message);
        }

        [Fact]
        public async Task Should_Refuse_A_Result_Without_Success()
        {
            // Given
            var (_, client) = World(UpdatePath, """{"UpdateClientResult":{"clientId":"C1"}}""");

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.UpdateClientAsync("C1", "Portal", null, null, null, CancellationToken.None));

            // Then
            Assert.Equal(CreatioFailure.UnexpectedAnswer, exception.Failure);
            Assert.Equal(
                """Creatio answered rest/OAuthConfigService/UpdateClient with HTTP 200 that was not understood (no "success"): {"UpdateClientResult":{"clientId":"C1"}}. """ + NotUnderstoodRemedy,
                exception.Message);
        }
    }

    public sealed class TheDeleteClientAsyncMethod
    {
        [Fact]
        public async Task Should_Send_The_Client_Id_Wrapped_As_DeleteClientRequest()
        {
            // Given
            var (creatio, client) = World(DeletePath, """{"DeleteClientResult":{"success":true}}""");

            // When
            var outcome = await client.DeleteClientAsync("C1", CancellationToken.None);

            // Then
            Assert.Equal(new ConfigServiceOutcome(true, null, null), outcome);
            Assert.Equal("""{"deleteClientRequest":{"clientId":"C1"}}""", Sent(creatio, DeletePath));
        }

        [Fact]
        public async Task Should_Read_A_Refusal_From_DeleteClientResult()
        {
            // Given
            var (_, client) = World(DeletePath, """{"DeleteClientResult":{"success":false,"errorInfo":{"errorCode":"SecurityException","message":"Denied"}}}""");

            // When
            var outcome = await client.DeleteClientAsync("C1", CancellationToken.None);

            // Then
            Assert.Equal(new ConfigServiceOutcome(false, "SecurityException", "Denied"), outcome);
        }

        [Fact]
        public async Task Should_Refuse_A_Result_That_Is_Not_An_Object()
        {
            // Given
            var (_, client) = World(DeletePath, """{"DeleteClientResult":true}""");

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.DeleteClientAsync("C1", CancellationToken.None));

            // Then
            Assert.Equal(
                """Creatio answered rest/OAuthConfigService/DeleteClient with HTTP 200 that was not understood (not a JSON object): {"DeleteClientResult":true}. """ + NotUnderstoodRemedy,
                exception.Message);
        }
    }

    public sealed class TheSetDescriptionAsyncMethod
    {
        [Fact]
        public async Task Should_Update_The_Description_Of_The_App_Of_That_Client_Id()
        {
            // Given
            var (creatio, client) = World(UpdateQueryPath, """{"success":true,"rowsAffected":1}""");

            // When
            var outcome = await client.SetDescriptionAsync("C1", "Partners", CancellationToken.None);

            // Then
            Assert.Equal(new UpdateOutcome(true, 1, null, null), outcome);
            Assert.Equal(
                """{"rootSchemaName":"OAuthClientApp","operationType":2,"isForceUpdate":false,"columnValues":"""
                + """{"items":{"Description":{"expressionType":2,"parameter":{"dataValueType":1,"value":"Partners"}}}},"filters":"""
                + """{"filterType":6,"isEnabled":true,"trimDateTimeParameterToDate":false,"logicalOperation":0,"items":{"f0":"""
                + """{"filterType":1,"comparisonType":3,"isEnabled":true,"trimDateTimeParameterToDate":false,"leftExpression":{"expressionType":0,"columnPath":"ClientId"},"rightExpression":"""
                + """{"expressionType":2,"parameter":{"dataValueType":1,"value":"C1"}}}}}}""",
                Sent(creatio, UpdateQueryPath));
        }
    }

    public sealed class TheCreateTechnicalUserAsyncMethod
    {
        [Fact]
        public async Task Should_Send_The_Name_Wrapped_As_CreateTechnicalUserRequest()
        {
            // Given
            var (creatio, client) = World(TechnicalUserPath, $$$"""{"CreateTechnicalUserResult":{"success":true,"systemUserId":"{{{UserId}}}"}}""");

            // When
            var (outcome, userId) = await client.CreateTechnicalUserAsync("Portal user", CancellationToken.None);

            // Then
            Assert.Equal("""{"createTechnicalUserRequest":{"name":"Portal user"}}""", Sent(creatio, TechnicalUserPath));
            Assert.Equal(new ConfigServiceOutcome(true, null, null), outcome);
            Assert.Equal(Guid.Parse(UserId), userId);
        }

        [Theory]
        [InlineData($$"""{"success":true,"systemUserId":"{{UserId}}"}""", UserId)]
        [InlineData($$"""{"success":true,"id":"{{UserId}}"}""", UserId)]
        [InlineData($$"""{"success":true,"systemUserId":"{{UserId}}","id":"{{OtherId}}"}""", UserId)]
        [InlineData($$"""{"success":true,"systemUserId":null,"id":"{{UserId}}"}""", UserId)]
        [InlineData("""{"success":true,"systemUserId":"00000000-0000-0000-0000-000000000000"}""", null)]
        [InlineData("""{"success":true,"id":"not an id"}""", null)]
        [InlineData("""{"success":true}""", null)]
        public async Task Should_Read_The_User_Id_As_Clio_Does_And_Take_None_As_A_Failure(string result, string? expected)
        {
            // Given
            var (_, client) = World(TechnicalUserPath, $$"""{"CreateTechnicalUserResult":{{result}}}""");

            // When
            var (outcome, userId) = await client.CreateTechnicalUserAsync("Portal user", CancellationToken.None);

            // Then
            Assert.Equal(expected is null ? null : Guid.Parse(expected), userId);
            Assert.Equal(new ConfigServiceOutcome(expected is not null, null, null), outcome);
        }

        [Theory]
        [InlineData($$$"""{"success":false,"systemUserId":"{{{UserId}}}","errorInfo":{"errorCode":"SecurityException","message":"Denied"}}""", UserId)]
        [InlineData("""{"success":false,"errorInfo":{"errorCode":"SecurityException","message":"Denied"}}""", null)]
        public async Task Should_Keep_A_Refusal_As_Answered(string result, string? expected)
        {
            // Given
            var (_, client) = World(TechnicalUserPath, $$"""{"CreateTechnicalUserResult":{{result}}}""");

            // When
            var (outcome, userId) = await client.CreateTechnicalUserAsync("Portal user", CancellationToken.None);

            // Then
            Assert.Equal(new ConfigServiceOutcome(false, "SecurityException", "Denied"), outcome);
            Assert.Equal(expected is null ? null : Guid.Parse(expected), userId);
        }

        [Fact]
        public async Task Should_Refuse_A_Result_That_Is_Not_An_Object()
        {
            // Given
            var (_, client) = World(TechnicalUserPath, """{"CreateTechnicalUserResult":"created"}""");

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.CreateTechnicalUserAsync("Portal user", CancellationToken.None));

            // Then
            Assert.Equal(
                """Creatio answered rest/OAuthConfigService/CreateTechnicalUser with HTTP 200 that was not understood (not a JSON object): {"CreateTechnicalUserResult":"created"}. """ + NotUnderstoodRemedy,
                exception.Message);
        }

        [Fact]
        public async Task Should_Say_That_A_Creatio_Without_The_Method_Has_None()
        {
            // Given: 8.1 has no CreateTechnicalUser
            var (_, client) = World("/rest/OAuthConfigService/Other", "{}");

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => client.CreateTechnicalUserAsync("Portal user", CancellationToken.None));

            // Then
            Assert.Equal(CreatioFailure.NotFound, exception.Failure);
            Assert.Equal(
                "Creatio has no rest/OAuthConfigService/CreateTechnicalUser (HTTP 404 at http://creatio.test/rest/OAuthConfigService/CreateTechnicalUser): this Creatio version may not have it, or creatio.runtime is wrong.",
                exception.Message);
        }
    }
}
