using System.Text.Json.Serialization;
using CreatioIdentity.Sandbox.Creatio.OAuthConfig;

namespace CreatioIdentity.Sandbox.Creatio.OAuthApps;

/// <summary>8.1 <c>AddClientResponse</c> (<c>OAuthConfigServiceDto.OAuth20.cs</c>): a ConfigurationServiceResponse with the new credentials.</summary>
internal sealed record AddClientResult(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("errorInfo")] ErrorInfo? ErrorInfo,
    [property: JsonPropertyName("clientId")] string? ClientId,
    [property: JsonPropertyName("clientSecret")] string? ClientSecret);

internal sealed record AddClientResponse(AddClientResult AddClientResult);

/// <summary>8.1 <c>ConfigurationServiceResponse</c>, the answer of UpdateClient and DeleteClient.</summary>
internal sealed record ServiceResult(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("errorInfo")] ErrorInfo? ErrorInfo);

internal sealed record UpdateClientResponse(ServiceResult UpdateClientResult);

internal sealed record DeleteClientResponse(ServiceResult DeleteClientResult);

/// <summary>CreateTechnicalUser (8.2+): clio reads <c>systemUserId</c> from the answer (<c>IdentityServiceDeploymentService.CreateTechnicalUser</c>).</summary>
internal sealed record CreateTechnicalUserResult(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("errorInfo")] ErrorInfo? ErrorInfo,
    [property: JsonPropertyName("systemUserId")] Guid? SystemUserId);

internal sealed record CreateTechnicalUserResponse(CreateTechnicalUserResult CreateTechnicalUserResult);
