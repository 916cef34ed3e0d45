using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Sandbox.Creatio.OAuthApps;

namespace CreatioIdentity.Tests.Sandbox;

/// <summary>
/// SPEC 4b in the sandbox: OAuthConfigService's AddClient, UpdateClient, DeleteClient and CreateTechnicalUser as 8.1
/// (and clio, for 8.2+) show them, each app a real client of the Identity Service, its token honoured for reads.
/// </summary>
[Collection(SandboxGroup.Name)]
public sealed class OAuthAppTests
{
    private const string AddClient = "rest/OAuthConfigService/AddClient";
    private const string UpdateClient = "rest/OAuthConfigService/UpdateClient";
    private const string DeleteClient = "rest/OAuthConfigService/DeleteClient";
    private const string CreateTechnicalUser = "rest/OAuthConfigService/CreateTechnicalUser";

    private static object AddRequest(string name, Guid systemUserId) =>
        new { addClientRequest = new { name, applicationUrl = "https://erp.example.com", systemUserId, grantType = "client_credentials" } };

    private static async Task<(string ClientId, string Secret)> AddAsync(CreatioTestClient client, string name = "erp-sync")
    {
        var result = (await client.PostJsonAsync(AddClient, AddRequest(name, IntegrationUsers.ErpIntegrationId))).GetProperty("AddClientResult");
        Assert.True(result.GetProperty("success").GetBoolean(), result.GetRawText());
        return (result.GetProperty("clientId").GetString()!, result.GetProperty("clientSecret").GetString()!);
    }

    private static async Task<HttpResponseMessage> TokenAsync(SandboxHost sandbox, string clientId, string secret)
    {
        using var http = new HttpClient();
        return await http.PostAsync(new Uri(sandbox.IdentityServiceUrl, "connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
    }

    private static async Task<string> AccessTokenAsync(SandboxHost sandbox, string clientId, string secret)
    {
        using var response = await TokenAsync(sandbox, clientId, secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpStatusCode> BearerReadAsync(SandboxHost sandbox, string token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sandbox.CreatioUrl, CreatioBodies.SelectQueryPath))
        {
            Content = CreatioTestClient.Json(CreatioBodies.Select("SysAdminUnit", ["Name"])),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    public sealed class TheAddClientMethod
    {
        [Fact]
        public async Task Should_Create_A_Row_And_A_Client_Whose_Token_Creatio_Accepts_For_A_Read()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync();
            sandbox.Creatio.DefaultResourceRegistered = true;
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);

            // When
            var (clientId, secret) = await AddAsync(client);

            // Then
            var row = Assert.Single(await client.SelectAsync(CreatioBodies.Select("OAuthClientApp", ["Name", "ClientId", "ApplicationUrl", "IsActive", "SystemUser"])));
            Assert.Equal("erp-sync", row.GetProperty("Name").GetString());
            Assert.Equal(clientId, row.GetProperty("ClientId").GetString());
            Assert.True(row.GetProperty("IsActive").GetBoolean());
            Assert.Equal(IntegrationUsers.ErpIntegration, row.GetProperty("SystemUser").GetProperty("displayValue").GetString());
            Assert.Equal(HttpStatusCode.OK, await BearerReadAsync(sandbox, await AccessTokenAsync(sandbox, clientId, secret)));
        }

        [Fact]
        public async Task Should_Refuse_With_OAuthClientAppException_Without_The_Default_Resource()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync();
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);

            // When
            var result = (await client.PostJsonAsync(AddClient, AddRequest("erp-sync", IntegrationUsers.ErpIntegrationId))).GetProperty("AddClientResult");

            // Then
            Assert.False(result.GetProperty("success").GetBoolean());
            Assert.Equal(OAuthAppEndpoints.ClientAppException, result.GetProperty("errorInfo").GetProperty("errorCode").GetString());
            Assert.Empty(sandbox.Creatio.OAuthClientApps.All());
        }

        [Fact]
        public async Task Should_Refuse_A_Role_As_The_System_User_With_A_Message_Alone()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync();
            sandbox.Creatio.DefaultResourceRegistered = true;
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);

            // When
            var result = (await client.PostJsonAsync(AddClient, AddRequest("erp-sync", IntegrationUsers.IntegrationsRoleId))).GetProperty("AddClientResult");

            // Then
            Assert.False(result.GetProperty("success").GetBoolean());
            Assert.Equal(JsonValueKind.Null, result.GetProperty("errorInfo").GetProperty("errorCode").ValueKind);
            Assert.Equal("Specified system user is not valid.", result.GetProperty("errorInfo").GetProperty("message").GetString());
            Assert.Empty(sandbox.Creatio.OAuthClientApps.All());
        }
    }

    public sealed class TheBearerRead
    {
        [Fact]
        public async Task Should_Refuse_A_Token_Of_A_Deactivated_App_And_Issue_It_No_New_One()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync();
            sandbox.Creatio.DefaultResourceRegistered = true;
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);
            var (clientId, secret) = await AddAsync(client);
            var token = await AccessTokenAsync(sandbox, clientId, secret);

            // When
            var result = (await client.PostJsonAsync(UpdateClient, new { updateClientRequest = new { clientId, isActive = false } })).GetProperty("UpdateClientResult");

            // Then
            Assert.True(result.GetProperty("success").GetBoolean());
            Assert.Equal(HttpStatusCode.Unauthorized, await BearerReadAsync(sandbox, token));
            using var refused = await TokenAsync(sandbox, clientId, secret);
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }

        [Fact]
        public async Task Should_Refuse_A_Token_Of_A_Deleted_App()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync();
            sandbox.Creatio.DefaultResourceRegistered = true;
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);
            var (clientId, secret) = await AddAsync(client);
            var token = await AccessTokenAsync(sandbox, clientId, secret);

            // When
            var result = (await client.PostJsonAsync(DeleteClient, new { deleteClientRequest = new { clientId } })).GetProperty("DeleteClientResult");

            // Then
            Assert.True(result.GetProperty("success").GetBoolean());
            Assert.Empty(sandbox.Creatio.OAuthClientApps.All());
            Assert.Equal(HttpStatusCode.Unauthorized, await BearerReadAsync(sandbox, token));
        }

        [Fact]
        public async Task Should_Refuse_A_Token_The_Identity_Service_Did_Not_Sign()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync();

            // When
            var status = await BearerReadAsync(sandbox, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

            // Then
            Assert.Equal(HttpStatusCode.Unauthorized, status);
        }
    }

    public sealed class TheCreateTechnicalUserMethod
    {
        [Fact]
        public async Task Should_Answer_The_New_Users_Id_Which_AddClient_Accepts()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync();
            sandbox.Creatio.DefaultResourceRegistered = true;
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);

            // When
            var result = (await client.PostJsonAsync(CreateTechnicalUser, new { createTechnicalUserRequest = new { name = "dwh-user" } })).GetProperty("CreateTechnicalUserResult");

            // Then
            var userId = result.GetProperty("systemUserId").GetGuid();
            var added = (await client.PostJsonAsync(AddClient, AddRequest("dwh", userId))).GetProperty("AddClientResult");
            Assert.True(added.GetProperty("success").GetBoolean());
        }

        [Fact]
        public async Task Should_Not_Exist_On_8_1()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { TechnicalUsersAvailable = false });
            using var client = await CreatioTestClient.LoggedInAsync(sandbox);

            // When
            using var response = await client.PostAsync(CreateTechnicalUser, new { createTechnicalUserRequest = new { name = "dwh-user" } });

            // Then
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
