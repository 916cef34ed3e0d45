using CreatioIdentity.Sandbox.Creatio.Features;
using CreatioIdentity.Sandbox.Creatio.Settings;

namespace CreatioIdentity.Sandbox.Creatio.Health;

/// <summary>
/// GET api/OAuthHealthCheck, computed live on every call from the effective feature states, the
/// settings (as a caching Creatio sees them) and real calls to the configured Identity Service.
/// </summary>
internal static class HealthCheckEndpoint
{
    public const string FeatureDisabledMessage = "The OAuth 2.0 integration feature (OAuth20Integration) is disabled.";

    public static async Task<IResult> CheckAsync(CreatioState state, SandboxOptions options, IdentityServiceProbe probe, CancellationToken cancellationToken)
    {
        if (!state.Features.IsEffective(FeatureStore.OAuth20Integration))
        {
            bool? noResource = options.HealthCheckReportsDefaultResource ? false : null;
            return Answer(new HealthCheckResponse(true, false, false, false, noResource, FeatureDisabledMessage));
        }

        var (urlCode, clientIdCode, secretCode) = state.Features.IsEffective(FeatureStore.UseSeparateSettingsForOAuth20)
            ? (SettingStore.OAuth20IdentityServerUrl, SettingStore.OAuth20IdentityServerClientId, SettingStore.OAuth20IdentityServerClientSecret)
            : (SettingStore.IdentityServerUrl, SettingStore.IdentityServerClientId, SettingStore.IdentityServerClientSecret);

        var url = state.Settings.ReadForHealth(urlCode) ?? string.Empty;
        var clientId = state.Settings.ReadForHealth(clientIdCode) ?? string.Empty;
        var secret = state.Settings.ReadForHealth(secretCode) ?? string.Empty;

        var filledIn = url.Length > 0 && clientId.Length > 0 && secret.Length > 0;
        var tokenEndpoint = url.Length > 0 ? await probe.DiscoverTokenEndpointAsync(url, cancellationToken) : null;
        var tokenRetrievable = tokenEndpoint is not null && clientId.Length > 0
            && await probe.CanGetTokenAsync(tokenEndpoint, clientId, secret, cancellationToken);
        bool? resource = options.HealthCheckReportsDefaultResource ? state.DefaultResourceRegistered : null;

        List<string> problems = [];
        if (!filledIn)
        {
            problems.Add($"System settings {urlCode}, {clientIdCode}, {secretCode} are not filled in.");
        }

        if (tokenEndpoint is null)
        {
            problems.Add($"Identity Service is not available at '{url}'.");
        }

        if (!tokenRetrievable)
        {
            problems.Add("Access token for system actions cannot be retrieved.");
        }

        if (resource == false)
        {
            problems.Add("Default resource is not registered.");
        }

        var hasProblem = problems.Count > 0;
        return Answer(new HealthCheckResponse(
            hasProblem, filledIn, tokenEndpoint is not null, tokenRetrievable, resource, hasProblem ? string.Join(" ", problems) : null));
    }

    private static IResult Answer(HealthCheckResponse response) =>
        CreatioJson.Answer(response, response.HasProblem ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK);
}
