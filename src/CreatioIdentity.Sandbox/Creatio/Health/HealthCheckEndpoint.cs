using CreatioIdentity.Sandbox.Creatio.Features;
using CreatioIdentity.Sandbox.Creatio.Settings;

namespace CreatioIdentity.Sandbox.Creatio.Health;

/// <summary>
/// GET api/OAuthHealthCheck, computed live on every call from the host switches, the feature as the
/// application serves it, the settings (as a caching Creatio sees them) and real calls to the configured
/// Identity Service. What it checks beyond the three documented flags is not public: the sandbox assumes
/// that with OAuth off (host key or feature) it does not try and says why.
/// </summary>
internal static class HealthCheckEndpoint
{
    public static async Task<IResult> CheckAsync(
        CreatioState state, SandboxOptions options, Messages messages, IdentityServiceProbe probe, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!options.HostOAuthEnabled)
        {
            return Answer(HealthCheckResponse.Problem(messages.OAuthDisabled));
        }

        if (!state.Features.Served(FeatureTable.OAuth20Integration))
        {
            return Answer(HealthCheckResponse.Problem(messages.FeatureDisabled));
        }

        // The host setting decides which three settings Creatio reads.
        var (urlCode, clientIdCode, secretCode) = options.UseSeparateSettingsForOAuth20
            ? (SettingStore.OAuth20IdentityServerUrl, SettingStore.OAuth20IdentityServerClientId, SettingStore.OAuth20IdentityServerClientSecret)
            : (SettingStore.IdentityServerUrl, SettingStore.IdentityServerClientId, SettingStore.IdentityServerClientSecret);

        var url = state.Settings.ReadForHealth(urlCode) ?? string.Empty;
        var clientId = state.Settings.ReadForHealth(clientIdCode) ?? string.Empty;
        var secret = state.Settings.ReadForHealth(secretCode) ?? string.Empty;

        var filledIn = url.Length > 0 && clientId.Length > 0 && secret.Length > 0;
        var tokenEndpoint = url.Length > 0 ? await probe.DiscoverTokenEndpointAsync(url, cancellationToken) : null;
        var tokenRetrievable = tokenEndpoint is not null && clientId.Length > 0
            && await probe.CanGetTokenAsync(tokenEndpoint, clientId, secret, cancellationToken);

        List<string> problems = [];
        if (!filledIn)
        {
            problems.Add(messages.SettingsEmpty($"{urlCode}, {clientIdCode}, {secretCode}"));
        }

        if (tokenEndpoint is null)
        {
            problems.Add(messages.IdentityServiceUnavailable(url));
            await WaitForCreatioTimeoutAsync(url, options, time, cancellationToken);
        }

        if (!tokenRetrievable)
        {
            problems.Add(messages.NoSystemToken);
        }

        if (problems.Count == 0 && options.UnexplainedHealthProblem)
        {
            // A problem that no flag explains (e.g. a scope the Identity Service does not grant): still a problem.
            problems.Add(messages.ScopeMissing);
        }

        var hasProblem = problems.Count > 0;
        return Answer(new HealthCheckResponse(hasProblem, filledIn, tokenEndpoint is not null, tokenRetrievable, hasProblem ? string.Join(" ", problems) : null));
    }

    /// <summary>Creatio waits for its own HTTP timeout before it answers that the Identity Service cannot be reached.</summary>
    private static Task WaitForCreatioTimeoutAsync(string url, SandboxOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var delay = options.UnreachableHealthDelay < SandboxOptions.MaxUnreachableHealthDelay
            ? options.UnreachableHealthDelay
            : SandboxOptions.MaxUnreachableHealthDelay;
        return url.Length > 0 && delay > TimeSpan.Zero ? Task.Delay(delay, time, cancellationToken) : Task.CompletedTask;
    }

    private static IResult Answer(HealthCheckResponse response) =>
        CreatioJson.Answer(response, response.HasProblem ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK);
}
