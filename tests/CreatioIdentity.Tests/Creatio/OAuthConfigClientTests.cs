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
}
