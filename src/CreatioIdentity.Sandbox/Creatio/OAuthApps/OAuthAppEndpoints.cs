using System.Text.Json;
using CreatioIdentity.Sandbox.Creatio.OAuthConfig;

namespace CreatioIdentity.Sandbox.Creatio.OAuthApps;

/// <summary>
/// OAuthConfigService's integrated-application methods as 8.1 has them (<c>OAuthConfigService.OAuth20.cs</c>,
/// <c>OAuthClientAppListener.OAuth20.cs</c>), and CreateTechnicalUser as clio calls it on 8.2+. Every failure is
/// HTTP 200 with success false: a message alone for the checks the service makes itself (8.1 writes those
/// texts in English, unlocalized), the exception's type as errorCode for what the entity listener throws.
/// </summary>
internal static class OAuthAppEndpoints
{
    /// <summary>The listener's exception when no default OAuthResource exists (8.1 <c>GetOAuthDefaultResourceId</c>).</summary>
    public const string ClientAppException = "OAuthClientAppException";

    /// <summary>The sandbox's guess at a name the database cannot hold (Name is a MediumText column, 250 characters).</summary>
    public const string DbOperationException = "DbOperationException";

    public const int MaxNameLength = 250;

    private const string InvalidUser = "Specified system user is not valid.";
    private const string NoRecord = "Record with specified Id does not exist.";

    public static async Task<IResult> AddClientAsync(HttpRequest request, CreatioState state, SandboxOptions options, IdentityServiceClients identityService)
    {
        var body = (await CreatioJson.ReadBodyAsync(request)).Property("addClientRequest");
        var messages = OAuthAppMessages.For(options.Language);
        if (!options.HostOAuthEnabled)
        {
            return AddClientAnswer(Refused(messages.OAuthDisabled));
        }

        var name = body.Property("name").AsText();
        var applicationUrl = body.Property("applicationUrl").AsText();
        if (!IsUser(state, body.Property("systemUserId").AsText(), out var userId))
        {
            return AddClientAnswer(Refused(InvalidUser));
        }

        if (state.DefaultResourceName is null)
        {
            return AddClientAnswer(Refused(ClientAppException, messages.NoDefaultResource));
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || state.RefusedAppNames.Contains(name))
        {
            return AddClientAnswer(Refused(DbOperationException, messages.NameRefused(name?.Length ?? 0)));
        }

        // 8.1 takes name, applicationUrl, redirectUrl and systemUserId; description and the grant types are not read.
        var (clientId, secret) = await identityService.AddAsync(name, enabled: true, request.HttpContext.RequestAborted);
        state.ClientSecretIssued(secret);
        state.OAuthClientApps.Add(new OAuthClientAppRow(Guid.NewGuid(), name, clientId, applicationUrl ?? string.Empty, body.Property("redirectUrl").AsText(), null, true, userId));
        return CreatioJson.Answer(new AddClientResponse(new AddClientResult(true, null, clientId, secret)));
    }

    public static async Task<IResult> UpdateClientAsync(HttpRequest request, CreatioState state, SandboxOptions options, IdentityServiceClients identityService)
    {
        var body = (await CreatioJson.ReadBodyAsync(request)).Property("updateClientRequest");
        if (!options.HostOAuthEnabled)
        {
            return UpdateAnswer(Failure(null, OAuthAppMessages.For(options.Language).OAuthDisabled));
        }

        if (state.OAuthClientApps.Find(body.Property("clientId").AsText()) is not { } row)
        {
            return UpdateAnswer(Failure(null, NoRecord));
        }

        var systemUser = body.Property("systemUserId");
        var userId = row.SystemUserId;
        if (systemUser is { ValueKind: not JsonValueKind.Null } && !IsUser(state, systemUser.AsText(), out userId))
        {
            return UpdateAnswer(Failure(null, InvalidUser));
        }

        var updated = row with
        {
            Name = body.Property("name").AsText() ?? row.Name,
            RedirectUrl = body.Property("redirectUrl").AsText() ?? row.RedirectUrl,
            ApplicationUrl = body.Property("applicationUrl").AsText() ?? row.ApplicationUrl,
            SystemUserId = userId,
            IsActive = body.Property("isActive") is { ValueKind: JsonValueKind.True or JsonValueKind.False } active ? active.GetBoolean() : row.IsActive,
        };
        await identityService.UpdateAsync(updated.ClientId, updated.Name, updated.IsActive, request.HttpContext.RequestAborted);
        state.OAuthClientApps.Replace(updated);
        return UpdateAnswer(new ServiceResult(true, null));
    }

    public static async Task<IResult> DeleteClientAsync(HttpRequest request, CreatioState state, SandboxOptions options, IdentityServiceClients identityService)
    {
        var body = (await CreatioJson.ReadBodyAsync(request)).Property("deleteClientRequest");
        if (!options.HostOAuthEnabled)
        {
            return DeleteAnswer(Failure(null, OAuthAppMessages.For(options.Language).OAuthDisabled));
        }

        var clientId = body.Property("clientId").AsText();
        if (clientId is null || state.OAuthClientApps.Find(clientId) is null)
        {
            return DeleteAnswer(Failure(null, NoRecord));
        }

        await identityService.RemoveAsync(clientId, request.HttpContext.RequestAborted);
        state.OAuthClientApps.Remove(clientId);
        return DeleteAnswer(new ServiceResult(true, null));
    }

    /// <summary>8.2+: a new user for an application to act as; mapped only when <see cref="SandboxOptions.TechnicalUsersAvailable"/>.</summary>
    public static async Task<IResult> CreateTechnicalUserAsync(HttpRequest request, CreatioState state)
    {
        var name = (await CreatioJson.ReadBodyAsync(request)).Property("createTechnicalUserRequest").Property("name").AsText();
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || state.RefusedAppNames.Contains(name))
        {
            return CreatioJson.Answer(new CreateTechnicalUserResponse(new CreateTechnicalUserResult(false, new ErrorInfo(DbOperationException, "The user name is empty or too long."), null)));
        }

        var user = state.IntegrationUsers.AddTechnicalUser(name);
        return CreatioJson.Answer(new CreateTechnicalUserResponse(new CreateTechnicalUserResult(true, null, user.Id)));
    }

    /// <summary>8.1 <c>IsSysAdminUnitValid</c>: a SysAdminUnit with this Id and SysAdminUnitTypeValue 4.</summary>
    private static bool IsUser(CreatioState state, string? id, out Guid userId)
    {
        userId = Guid.TryParse(id, out var parsed) ? parsed : Guid.Empty;
        var wanted = userId;
        return state.AllAdminUnits().Any(unit => unit.Id == wanted && unit.TypeValue == Features.AdminUnits.UserType);
    }

    private static AddClientResult Refused(string message) => new(false, new ErrorInfo(null, message), null, null);

    private static AddClientResult Refused(string code, string message) =>
        new(false, new ErrorInfo(code, message, "   at Terrasoft.Configuration.OAuth20.OAuthClientAppListener.OnInserting()"), null, null);

    private static ServiceResult Failure(string? code, string message) => new(false, new ErrorInfo(code, message));

    private static IResult AddClientAnswer(AddClientResult result) => CreatioJson.Answer(new AddClientResponse(result));

    private static IResult UpdateAnswer(ServiceResult result) => CreatioJson.Answer(new UpdateClientResponse(result));

    private static IResult DeleteAnswer(ServiceResult result) => CreatioJson.Answer(new DeleteClientResponse(result));
}
