using System.Text.Json;

namespace CreatioIdentity.Creatio;

/// <summary>
/// The Diagnostic tab's answer, with only the documented fields (Academy "OAuth health monitoring"
/// 8.1 to 8.3). HasProblem is the verdict: a problem that no flag explains is still a problem, and
/// Message says what it is. A flag Creatio did not send is null.
/// </summary>
public sealed record OAuthHealth(
    bool HasProblem,
    bool? IsSystemSettingsFilledIn,
    bool? IsIdentityServiceAvailable,
    bool? IsAccessTokenRetrievableForSystemActions,
    string? Message)
{
    /// <summary>The Test connection button's "Connection established": no problem, every flag green.</summary>
    public bool IsConnected => !HasProblem && FlagsGreen;

    /// <summary>Creatio reports a problem while every flag is green: only Message says what it is.</summary>
    public bool HasUnexplainedProblem => HasProblem && FlagsGreen;

    private bool FlagsGreen => IsSystemSettingsFilledIn == true && IsIdentityServiceAvailable == true && IsAccessTokenRetrievableForSystemActions == true;
}

/// <summary>api/OAuthHealthCheck: what the Diagnostic tab and OAuth health monitoring read.</summary>
public sealed class OAuthHealthClient(CreatioSession session)
{
    /// <summary>Why a 404 here is no URL problem: the route came late to each runtime.</summary>
    public const string MissingRouteRemedy =
        "Creatio's OAuth health check (api/OAuthHealthCheck) exists on .NET Framework from Creatio 8.1.2 and on .NET from 8.3.2; "
        + "this site does not have it, so the connection cannot be proven and the run is not green. Update Creatio, or check the connection by hand: "
        + "\"OAuth 2.0 integrated applications\", Test connection and the Diagnostic tab.";

    public async Task<OAuthHealth> GetAsync(CancellationToken cancellationToken)
    {
        CreatioResponse answer;
        try
        {
            answer = await session.SendAsync(CreatioRoutes.OAuthHealthCheck, cancellationToken);
        }
        catch (CreatioException exception) when (exception.Failure == CreatioFailure.NotFound)
        {
            throw new CreatioException(CreatioFailure.NotFound, MissingRouteRemedy, exception);
        }

        // A problem is reported as HTTP 500 carrying the same JSON: read the body of a 500 too.
        if (answer.StatusCode is not (200 or 500))
        {
            throw answer.Failed("Look at Creatio's error log.");
        }

        JsonElement result;
        try
        {
            result = answer.Result("OAuthHealthCheckResult");
        }
        catch (CreatioException) when (answer.StatusCode == 500)
        {
            throw answer.Failed("The health check failed without its diagnostic answer (a proxy's error page, or an error in Creatio): look at Creatio's error log.");
        }

        var health = new OAuthHealth(
            result.Flag("HasProblem") ?? answer.StatusCode == 500,
            result.Flag("IsSystemSettingsFilledIn"),
            result.Flag("IsIdentityServiceAvailable"),
            result.Flag("IsAccessTokenRetrievableForSystemActions"),
            result.Text("Message"));

        if (health.IsSystemSettingsFilledIn is null && health.IsIdentityServiceAvailable is null && health.IsAccessTokenRetrievableForSystemActions is null)
        {
            throw answer.NotUnderstood("none of the health flags");
        }

        return answer.StatusCode == 500 ? health with { HasProblem = true } : health;
    }
}
