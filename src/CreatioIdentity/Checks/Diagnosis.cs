using CreatioIdentity.Creatio;
using CreatioIdentity.IdentityService;

namespace CreatioIdentity.Checks;

/// <summary>
/// Turns Creatio's health check into the Diagnostic tab's checks, read together with what the
/// runner itself saw of the Identity Service: where the runner succeeds and Creatio fails, the
/// fault lies between the Creatio host and the Identity Service, not in the credentials.
/// </summary>
public static class Diagnosis
{
    public static IReadOnlyList<CheckResult> Evaluate(
        OAuthHealth health,
        Uri identityServiceUrl,
        string clientId,
        DiscoveryResult? runnerDiscovery,
        TokenProbeResult? runnerToken,
        bool includeDefaultResource)
    {
        var creatioSays = string.IsNullOrWhiteSpace(health.Message) ? string.Empty : $" Creatio says: {health.Message.Trim()}";
        var checks = new List<CheckResult>
        {
            health.IsSystemSettingsFilledIn switch
            {
                true => CheckResult.Pass(CheckIds.SystemSettingsFilledIn, "Creatio has the Identity Service URL, client id and client secret.", "identityService"),
                false => CheckResult.Fail(CheckIds.SystemSettingsFilledIn,
                    "Creatio reports the Identity Service settings as empty. Run apply-settings; if they were just written, Creatio reads the IdentityServer* settings instead: turn on the feature UseSeparateSettingsForOAuth20 (add it under features:)." + creatioSays,
                    "identityService"),
                null => Unreadable(CheckIds.SystemSettingsFilledIn, "identityService"),
            },
            health.IsIdentityServiceAvailable switch
            {
                true => CheckResult.Pass(CheckIds.IdentityServiceAvailable, $"Creatio reached the Identity Service at {identityServiceUrl}.", "identityService.url"),
                false when runnerDiscovery?.Ok == true => CheckResult.Fail(CheckIds.IdentityServiceAvailable,
                    $"The runner reached the Identity Service at {identityServiceUrl}, but Creatio did not: the fault is the network between the Creatio host and {identityServiceUrl.Host} (DNS, firewall, proxy), not the credentials. From the Creatio server, open {identityServiceUrl.AbsoluteUri.TrimEnd('/')}/.well-known/openid-configuration." + creatioSays,
                    "identityService.url"),
                false when runnerDiscovery is { Ok: false } => CheckResult.Fail(CheckIds.IdentityServiceAvailable,
                    $"Neither the runner nor Creatio reached the Identity Service at {identityServiceUrl}: is it running, and is identityService.url right? {runnerDiscovery.Message}" + creatioSays,
                    "identityService.url"),
                false => CheckResult.Fail(CheckIds.IdentityServiceAvailable,
                    $"Creatio could not reach the Identity Service at {identityServiceUrl}: check identityService.url and the network from the Creatio host." + creatioSays,
                    "identityService.url"),
                null => Unreadable(CheckIds.IdentityServiceAvailable, "identityService.url"),
            },
            health.IsAccessTokenRetrievableForSystemActions switch
            {
                true => CheckResult.Pass(CheckIds.AccessTokenRetrievable, $"Creatio got an access token for client '{clientId}'.", "identityService.clientId"),
                false when health.IsIdentityServiceAvailable == false => CheckResult.Fail(CheckIds.AccessTokenRetrievable,
                    "Creatio could not ask for a token, since it cannot reach the Identity Service (see IdentityServiceAvailable).", "identityService.url"),
                false when runnerToken?.Ok == true => CheckResult.Fail(CheckIds.AccessTokenRetrievable,
                    $"The runner got a token for client '{clientId}', but Creatio did not: the client id or secret stored in Creatio differs from the configuration. Run apply-settings; it rewrites the secret when Creatio cannot get a token." + creatioSays,
                    "identityService.clientSecret"),
                false when runnerToken is { Ok: false } => CheckResult.Fail(CheckIds.AccessTokenRetrievable,
                    $"The Identity Service refuses client '{clientId}' to the runner too: fix the client (id, secret, client_credentials grant) in the Identity Service. {runnerToken.Message}" + creatioSays,
                    "identityService.clientSecret"),
                false => CheckResult.Fail(CheckIds.AccessTokenRetrievable,
                    $"Creatio could not get an access token for client '{clientId}': check identityService.clientId and clientSecret, then run apply-settings." + creatioSays,
                    "identityService.clientSecret"),
                null => Unreadable(CheckIds.AccessTokenRetrievable, "identityService.clientId"),
            },
        };

        if (includeDefaultResource)
        {
            checks.Add(health.IsDefaultResourceRegistered switch
            {
                true => CheckResult.Pass(CheckIds.DefaultResourceRegistered, "The default OAuth resource is registered."),
                false => CheckResult.Fail(CheckIds.DefaultResourceRegistered,
                    "The default OAuth resource is not registered; it can be registered once the three checks above are green (diagnose does it)." + creatioSays),
                null => CheckResult.Skip(CheckIds.DefaultResourceRegistered, "This Creatio version does not report the default resource."),
            });
        }

        return checks;
    }

    private static CheckResult Unreadable(string id, string configPath) =>
        CheckResult.Fail(id, "Creatio's health check did not report this flag; the answer was not understood, so it is not taken as green.", configPath);
}
