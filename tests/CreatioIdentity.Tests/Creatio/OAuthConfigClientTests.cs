using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.Creatio.DataService;

namespace CreatioIdentity.Tests.Creatio;

public sealed class OAuthConfigClientTests
{
    private static Task<AddDefaultResourceResult> AddAsync(string answer)
    {
        var session = new CreatioFixture { Runtime = CreatioRuntime.Net }
            .Answer("/rest/OAuthConfigService/AddDefaultResource", _ => CreatioFixture.Json(answer)).Session();
        return new OAuthConfigClient(session, new DataServiceClient(session)).AddDefaultResourceAsync(CancellationToken.None);
    }

    public sealed class TheAddDefaultResourceAsyncMethod
    {
        [Fact]
        public async Task Should_Know_An_Existing_Resource_By_Its_Error_Code_In_Any_Language()
        {
            // When
            var result = await AddAsync("""{"AddDefaultResourceResult":{"success":false,"errorInfo":{"errorCode":"ItemAlreadyExistException","message":"Элемент уже существует"}}}""");

            // Then
            Assert.True(result.AlreadyExists);
            Assert.False(result.HostSwitchOff);
        }

        [Fact]
        public async Task Should_Not_Read_The_Message_To_Decide()
        {
            // When: an English message that says "already exists", with another error code
            var result = await AddAsync("""{"AddDefaultResourceResult":{"success":false,"errorInfo":{"errorCode":"SecurityException","message":"Default resource already exists"}}}""");

            // Then
            Assert.False(result.AlreadyExists);
        }

        [Fact]
        public async Task Should_Take_A_Refusal_Without_An_Error_Code_As_The_Host_Switch_Off()
        {
            // When: 8.1 answers so when Feature-EnableOAuth20Integration is off
            var result = await AddAsync("""{"AddDefaultResourceResult":{"success":false,"errorInfo":{"message":"Интеграция OAuth 2.0 отключена"}}}""");

            // Then
            Assert.True(result.HostSwitchOff);
        }
    }

    public sealed class TheDefaultResourceAsyncMethod
    {
        [Fact]
        public async Task Should_Read_The_Default_Resource_Directly()
        {
            // Given
            var creatio = new CreatioFixture { Runtime = CreatioRuntime.Net }
                .Answer("/DataService/json/SyncReply/SelectQuery", _ => CreatioFixture.Json(
                    """{"rows":[{"Id":"0b1c0f3c-0000-0000-0000-000000000009","Name":"ApplicationAccess_1","IsDefault":true}],"success":true}"""));
            var session = creatio.Session();

            // When
            var resource = await new OAuthConfigClient(session, new DataServiceClient(session)).DefaultResourceAsync(CancellationToken.None);

            // Then
            Assert.Equal("ApplicationAccess_1", resource?.Name);
            Assert.Contains("\"rootSchemaName\":\"OAuthResource\"", creatio.Received[^1].Body, StringComparison.Ordinal);
            Assert.Contains("IsDefault", creatio.Received[^1].Body, StringComparison.Ordinal);
        }
    }

    public sealed class TheAnswersInFull
    {
        [Fact]
        public async Task Should_Read_Success_And_Keep_The_Error_Info()
        {
            // When
            var added = await AddAsync("""{"AddDefaultResourceResult":{"success":true}}""");
            var refused = await AddAsync("""{"d":{"success":"false","errorInfo":{"errorCode":" SecurityException ","message":"Недостаточно прав"}}}""");

            // Then
            Assert.Equal(new AddDefaultResourceResult(true, null, null), added);
            Assert.False(added.HostSwitchOff);
            Assert.Equal(new AddDefaultResourceResult(false, "SecurityException", "Недостаточно прав"), refused);
            Assert.False(refused.HostSwitchOff);
            Assert.False(refused.AlreadyExists);
        }

        [Theory]
        [InlineData("ItemAlreadyExistException", true)]
        [InlineData("ItemAlreadyExistsException", true)]
        [InlineData("itemalreadyexistexception", false)]
        public void Should_Know_An_Existing_Resource_By_Either_Spelling_Of_Its_Code(string code, bool exists) =>
            Assert.Equal(exists, new AddDefaultResourceResult(false, code, null).AlreadyExists);

        [Fact]
        public async Task Should_Not_Understand_An_Answer_Without_Success()
        {
            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => AddAsync("""{"AddDefaultResourceResult":{}}"""));

            // Then
            Assert.StartsWith("Creatio answered rest/OAuthConfigService/AddDefaultResource with HTTP 200 that was not understood (no \"success\"): ", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Say_Where_To_Register_The_Resource_By_Hand_When_The_Service_Fails()
        {
            // Given
            var session = new CreatioFixture { Runtime = CreatioRuntime.Net }
                .Answer("/rest/OAuthConfigService/AddDefaultResource", _ => CreatioFixture.Json("{}", System.Net.HttpStatusCode.InternalServerError)).Session();

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => new OAuthConfigClient(session, new DataServiceClient(session)).AddDefaultResourceAsync(CancellationToken.None));

            // Then
            Assert.Equal(
                "Creatio answered rest/OAuthConfigService/AddDefaultResource with HTTP 500: {}. Register the default resource on the Diagnostic tab of \"OAuth 2.0 integrated applications\", and look at Creatio's error log.",
                exception.Message);
        }

        [Fact]
        public async Task Should_Post_An_Empty_Object()
        {
            // Given
            var creatio = new CreatioFixture { Runtime = CreatioRuntime.Net }
                .Answer("/rest/OAuthConfigService/AddDefaultResource", _ => CreatioFixture.Json("""{"success":true}"""));
            var session = creatio.Session();

            // When
            await new OAuthConfigClient(session, new DataServiceClient(session)).AddDefaultResourceAsync(CancellationToken.None);

            // Then
            Assert.Equal("POST", creatio.Received[^1].Method);
            Assert.Equal("{}", creatio.Received[^1].Body);
        }
    }

    public sealed class TheDefaultResourceRows
    {
        [Theory]
        [InlineData("""{"rows":[],"success":true}""", null)]
        [InlineData("""{"rows":[{"Id":"0b1c0f3c-0000-0000-0000-000000000009","Name":"A","IsDefault":false},{"Id":"0b1c0f3c-0000-0000-0000-00000000000a","Name":"B"}],"success":true}""", "B")]
        [InlineData("""{"rows":[{"Name":"NoId","IsDefault":true},{"Id":"0b1c0f3c-0000-0000-0000-00000000000a","IsDefault":1}],"success":true}""", "")]
        public async Task Should_Take_The_First_Row_With_An_Id_Not_Marked_Otherwise(string answer, string? name)
        {
            // Given
            var creatio = new CreatioFixture { Runtime = CreatioRuntime.Net }.Answer("/DataService/json/SyncReply/SelectQuery", _ => CreatioFixture.Json(answer));
            var session = creatio.Session();

            // When
            var resource = await new OAuthConfigClient(session, new DataServiceClient(session)).DefaultResourceAsync(CancellationToken.None);

            // Then
            Assert.Equal(name, resource is null ? null : resource.Name ?? string.Empty);
            Assert.Equal(["Id", "Name", "IsDefault"], SentQuery.ColumnPaths(creatio.Received[^1].Json()));
            Assert.Equal(["IsDefault=true"], SentQuery.Filters(creatio.Received[^1].Json()));
        }
    }
}
