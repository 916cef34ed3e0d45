using System.Text.Json.Serialization;

namespace CreatioIdentity.Sandbox.Creatio.Health;

/// <summary>
/// The OAuthHealthCheck answer, every documented field and no other (Academy "OAuth health monitoring");
/// the same shape comes with HTTP 500 and a Message on a problem.
/// </summary>
internal sealed record HealthCheckResponse(
    bool HasProblem,
    bool IsSystemSettingsFilledIn,
    bool IsIdentityServiceAvailable,
    bool IsAccessTokenRetrievableForSystemActions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message)
{
    public static HealthCheckResponse Problem(string message) => new(true, false, false, false, message);
}
