using System.Text.Json.Serialization;

namespace CreatioIdentity.Sandbox.Creatio.Health;

/// <summary>The OAuthHealthCheck answer; the same shape comes with HTTP 500 when anything is false.</summary>
internal sealed record HealthCheckResponse(
    bool HasProblem,
    bool IsSystemSettingsFilledIn,
    bool IsIdentityServiceAvailable,
    bool IsAccessTokenRetrievableForSystemActions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsDefaultResourceRegistered,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message);
