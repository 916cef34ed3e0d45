using CreatioIdentity.Sandbox.Creatio.Auth;
using CreatioIdentity.Sandbox.Creatio.Recording;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace CreatioIdentity.Sandbox.Creatio.OAuthApps;

/// <summary>
/// Who may call a service: a forms session (<see cref="SessionFilter"/>), or an integrated application with
/// <c>Authorization: Bearer</c>, whose token OpenIddict validates against the Identity Service (issuer and
/// signing keys from its discovery document), as Creatio validates the Identity Service's tokens. A token
/// is honoured for reads only, and only while its application exists in OAuthClientApp and is active: a
/// deleted or deactivated application is refused at once, even with a token that has not expired.
/// </summary>
internal sealed class AccessFilter(CreatioState state, SandboxOptions options) : IEndpointFilter
{
    private readonly SessionFilter sessions = new(state, options);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return await sessions.InvokeAsync(context, next);
        }

        if (http.GetEndpoint()?.Metadata.GetMetadata<WriteEndpoint>() is not null)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var result = await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        var clientId = result.Principal?.GetClaim(OpenIddictConstants.Claims.ClientId) ?? result.Principal?.GetClaim(OpenIddictConstants.Claims.Subject);
        if (!result.Succeeded || state.OAuthClientApps.Find(clientId) is not { IsActive: true })
        {
            // As the .svc services answer a request they do not accept (SPEC §4).
            return Results.Json(new { Message = "Authentication failed." }, statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }
}
