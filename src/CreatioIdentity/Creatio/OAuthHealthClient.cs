using System.Text.Json;

namespace CreatioIdentity.Creatio;

/// <summary>The Diagnostic tab's answer. A flag Creatio did not send is null.</summary>
public sealed record OAuthHealth(
    bool HasProblem,
    bool? IsSystemSettingsFilledIn,
    bool? IsIdentityServiceAvailable,
    bool? IsAccessTokenRetrievableForSystemActions,
    bool? IsDefaultResourceRegistered,
    string? Message)
{
    /// <summary>The three flags the Test connection button stands for.</summary>
    public bool IsConnected => IsSystemSettingsFilledIn == true && IsIdentityServiceAvailable == true && IsAccessTokenRetrievableForSystemActions == true;
}

/// <summary>api/OAuthHealthCheck: what the Diagnostic tab and OAuth health monitoring read.</summary>
public sealed class OAuthHealthClient(CreatioSession session)
{
    public async Task<OAuthHealth> GetAsync(CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(CreatioRoutes.OAuthHealthCheck, cancellationToken);

        // A problem is reported as HTTP 500 carrying the same JSON: read the body of a 500 too.
        if (answer.StatusCode is not (200 or 500))
        {
            throw new CreatioException(CreatioFailure.HttpStatus,
                $"Creatio answered {answer.Route} with HTTP {answer.StatusCode}: {answer.Excerpt()}.");
        }

        JsonElement result;
        try
        {
            result = answer.Result("OAuthHealthCheckResult");
        }
        catch (CreatioException) when (answer.StatusCode == 500)
        {
            throw new CreatioException(CreatioFailure.HttpStatus,
                $"Creatio's health check failed with HTTP 500 and no diagnostic body: {answer.Excerpt()}. Look at Creatio's error log.");
        }

        var health = new OAuthHealth(
            result.Flag("HasProblem") ?? answer.StatusCode == 500,
            result.Flag("IsSystemSettingsFilledIn"),
            result.Flag("IsIdentityServiceAvailable"),
            result.Flag("IsAccessTokenRetrievableForSystemActions"),
            result.Flag("IsDefaultResourceRegistered"),
            result.Text("Message"));

        if (health.IsSystemSettingsFilledIn is null && health.IsIdentityServiceAvailable is null && health.IsAccessTokenRetrievableForSystemActions is null)
        {
            throw answer.NotUnderstood("none of the health flags");
        }

        return health;
    }
}
