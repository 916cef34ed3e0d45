using System.Text.Json;
using System.Text.Json.Nodes;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio.DataService;

namespace CreatioIdentity.Creatio;

/// <summary>A row of OAuthClientApp as read (8.1 <c>OAuthClientAppSchema.OAuth20.cs</c>); the secret column is never read.</summary>
public sealed record OAuthClientAppRecord(
    Guid Id, string Name, string? ClientId, string? ApplicationUrl, string? Description, bool IsActive, Guid? SystemUserId, string? SystemUserName);

/// <summary>A SysAdminUnit row: a user when <see cref="IsUser"/> (SysAdminUnitTypeValue 4), a role otherwise.</summary>
public sealed record AdminUnitRecord(Guid Id, string Name, int? TypeValue)
{
    public bool IsUser => TypeValue == 4;
}

/// <summary>What an OAuthConfigService call answered: judged by success and errorInfo.errorCode, never by message.</summary>
public sealed record ConfigServiceOutcome(bool Success, string? ErrorCode, string? Message)
{
    /// <summary>"OAuthClientAppException: text", or the message alone, for a report.</summary>
    public string Describe() => ErrorCode is null ? $"\"{Message ?? "no message"}\" (no error code)" : Message is null ? ErrorCode : $"{ErrorCode}: \"{Message}\"";
}

/// <summary>The credentials AddClient issued: Creatio shows the secret this once.</summary>
public sealed record IssuedCredentials(string ClientId, Secret ClientSecret);

/// <summary>
/// OAuth 2.0 integrated applications (SPEC 4b): read with DataService (entity OAuthClientApp, and SysAdminUnit for
/// the users they act as), written with OAuthConfigService (AddClient, UpdateClient, DeleteClient; 8.1
/// <c>OAuthConfigService.OAuth20.cs</c>, whose requests are WCF-wrapped by parameter name), and proven with a
/// bearer read as the app (clio <c>verify-oauth-app</c>: a DataService SelectQuery with the app's token).
/// </summary>
public sealed class OAuthAppClient(CreatioSession session, DataServiceClient data)
{
    public const string Entity = "OAuthClientApp";

    /// <summary>Every app, in one query.</summary>
    public async Task<IReadOnlyList<OAuthClientAppRecord>> ReadAppsAsync(CancellationToken cancellationToken)
    {
        var rows = await data.SelectAsync(Entity, ["Id", "Name", "ClientId", "ApplicationUrl", "Description", "IsActive", "SystemUser"], [], anyFilter: false, cancellationToken);
        return
        [
            .. rows.Where(row => row.Id("Id") is not null && row.Text("Name") is not null).Select(row => new OAuthClientAppRecord(
                row.Id("Id")!.Value, row.Text("Name")!, row.Text("ClientId"), row.Text("ApplicationUrl"), row.Text("Description"),
                row.Flag("IsActive") ?? true, row.Id("SystemUser"), row.Display("SystemUser"))),
        ];
    }

    /// <summary>The SysAdminUnit rows of these names, in one query (none for no names).</summary>
    public async Task<IReadOnlyList<AdminUnitRecord>> ReadUnitsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            return [];
        }

        var rows = await data.SelectAsync("SysAdminUnit", ["Id", "Name", "SysAdminUnitTypeValue"], [.. names.Select(name => new ColumnFilter("Name", DataValue.Text(name)))], anyFilter: true, cancellationToken);
        return [.. rows.Where(row => row.Id("Id") is not null).Select(row => new AdminUnitRecord(row.Id("Id")!.Value, row.Text("Name") ?? string.Empty, row.Number("SysAdminUnitTypeValue")))];
    }

    /// <summary>
    /// AddClient. 8.1 reads name, applicationUrl, redirectUrl and systemUserId; newer versions also description and
    /// the grant type (clio <c>create-server-to-server-oauth-app</c>). The secret is masked before anything else is done.
    /// </summary>
    public async Task<(ConfigServiceOutcome Outcome, IssuedCredentials? Credentials)> AddClientAsync(
        string name, Uri applicationUrl, Guid systemUserId, string? description, CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["name"] = name,
            ["applicationUrl"] = applicationUrl.OriginalString,
            ["systemUserId"] = systemUserId.ToString("D"),
            ["description"] = description,
            ["grantType"] = "client_credentials",
            ["allowedGrantTypes"] = new JsonArray("client_credentials"),
        };
        var answer = await session.SendAsync(CreatioRoutes.AddClient, Body("addClientRequest", request), cancellationToken);
        var result = Expect(answer, "AddClientResult");
        var secret = result.Text("clientSecret");
        SecretMasker.Shared.Add(secret);
        var outcome = Outcome(answer, result);
        var clientId = result.Text("clientId");
        return outcome.Success && clientId is not null && secret is { Length: > 0 }
            ? (outcome, new IssuedCredentials(clientId, new Secret(secret)))
            : (outcome with { Success = false }, null);
    }

    /// <summary>UpdateClient: only the fields given change (8.1 keeps the others).</summary>
    public async Task<ConfigServiceOutcome> UpdateClientAsync(
        string clientId, string? name, Uri? applicationUrl, Guid? systemUserId, bool? isActive, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["clientId"] = clientId };
        if (name is not null)
        {
            request["name"] = name;
        }

        if (applicationUrl is not null)
        {
            request["applicationUrl"] = applicationUrl.OriginalString;
        }

        if (systemUserId is not null)
        {
            request["systemUserId"] = systemUserId.Value.ToString("D");
        }

        if (isActive is not null)
        {
            request["isActive"] = isActive.Value;
        }

        var answer = await session.SendAsync(CreatioRoutes.UpdateClient, Body("updateClientRequest", request), cancellationToken);
        return Outcome(answer, Expect(answer, "UpdateClientResult"));
    }

    public async Task<ConfigServiceOutcome> DeleteClientAsync(string clientId, CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(CreatioRoutes.DeleteClient, Body("deleteClientRequest", new JsonObject { ["clientId"] = clientId }), cancellationToken);
        return Outcome(answer, Expect(answer, "DeleteClientResult"));
    }

    /// <summary>8.1's AddClient and UpdateClient take no description; the entity does (its listener updates the Identity Service).</summary>
    public Task<UpdateOutcome> SetDescriptionAsync(string clientId, string description, CancellationToken cancellationToken) =>
        data.UpdateAsync(Entity, new Dictionary<string, DataValue> { ["Description"] = DataValue.Text(description) }, [new ColumnFilter("ClientId", DataValue.Text(clientId))], cancellationToken);

    /// <summary>CreateTechnicalUser (8.2+): the new user's id, read as clio reads it (systemUserId anywhere in the answer).</summary>
    /// <exception cref="CreatioException">NotFound on 8.1, which has no such method.</exception>
    public async Task<(ConfigServiceOutcome Outcome, Guid? UserId)> CreateTechnicalUserAsync(string name, CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(CreatioRoutes.CreateTechnicalUser, Body("createTechnicalUserRequest", new JsonObject { ["name"] = name }), cancellationToken);
        var result = Expect(answer, "CreateTechnicalUserResult");
        var id = Guid.TryParse(result.Text("systemUserId") ?? result.Text("id"), out var parsed) && parsed != Guid.Empty ? parsed : (Guid?)null;
        var outcome = Outcome(answer, result);
        return (id is null ? outcome with { Success = false } : outcome, id);
    }

    /// <summary>A read as the app itself (clio verify-oauth-app): accepted when Creatio answers rows, not a login page or a 401.</summary>
    public async Task<CreatioResponse> ReadAsAppAsync(Secret accessToken, CancellationToken cancellationToken)
    {
        var query = DataServiceQueries.Select("SysAdminUnit", ["Id"], [], anyFilter: false);
        query["rowCount"] = 1;
        return await session.SendWithBearerAsync(CreatioRoutes.SelectQuery, JsonSerializer.SerializeToUtf8Bytes(query, JsonNodeContext.Default.JsonObject), accessToken, cancellationToken);
    }

    private static byte[] Body(string wrapper, JsonObject request) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonObject { [wrapper] = request }, JsonNodeContext.Default.JsonObject);

    private static JsonElement Expect(CreatioResponse answer, string resultName)
    {
        if (!answer.IsSuccess)
        {
            throw answer.Failed("Look at Creatio's error log; the user needs the CanManageSolution right to manage integrated applications.");
        }

        var result = answer.Result(resultName);
        return result.ValueKind == JsonValueKind.Object ? result : throw answer.NotUnderstood("not a JSON object");
    }

    private static ConfigServiceOutcome Outcome(CreatioResponse answer, JsonElement result)
    {
        var success = result.Flag("success") ?? throw answer.NotUnderstood("no \"success\"");
        var (code, message) = success ? (null, null) : result.ErrorInfo();
        return new ConfigServiceOutcome(success, code, message);
    }
}
