using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.IdentityService;

namespace CreatioIdentity.Steps;

/// <summary>What Creatio's health check gave: an answer, or a failure that is itself a finding (no answer in time, no such route).</summary>
public sealed record HealthReading(OAuthHealth? Answer, CreatioException? Failure)
{
    public bool IsConnected => Answer?.IsConnected == true;
}

/// <summary>The health checks of a reading, and a problem Creatio reports that none of them explains.</summary>
public sealed record HealthVerdict(IReadOnlyList<CheckResult> Checks, string? Unexplained);

/// <summary>
/// Turns Creatio's health check into the Diagnostic tab's checks, read together with what the
/// runner itself saw of the Identity Service: where the runner succeeds and Creatio fails, the
/// fault lies between the Creatio host and the Identity Service, not in the credentials. Only the
/// documented fields count (Academy "OAuth health monitoring"): HasProblem is the verdict.
/// </summary>
public static class Diagnosis
{
    /// <param name="hostSwitches">The host switches Creatio lists (read when the health check is red): one that is off explains the red.</param>
    public static HealthVerdict Evaluate(
        HealthReading reading, IdentityConfig config, DiscoveryResult? runnerDiscovery, TokenProbeResult? runnerToken, IReadOnlyDictionary<string, bool>? hostSwitches = null)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(config);
        var verdict = reading.Answer is { } health
            ? Answered(health, config, runnerDiscovery, runnerToken, hostSwitches?.GetValueOrDefault(HostSwitches.UseSeparateSettingsForOAuth20, true) == false)
            : new HealthVerdict(Unanswered(reading.Failure!, config, runnerDiscovery), null);
        return hostSwitches?.GetValueOrDefault(HostSwitches.EnableOAuth20Integration, true) == false ? WithHostOff(verdict) : verdict;
    }

    /// <summary>OAuth 2.0 is off on the host: every red check says so first, since nothing else can turn green until it is on.</summary>
    private static HealthVerdict WithHostOff(HealthVerdict verdict)
    {
        var note = $"OAuth 2.0 is off on this Creatio host: '{HostSwitches.EnableOAuth20Integration}' is not a database feature: {HostSwitches.Remedy(HostSwitches.EnableOAuth20Integration)}.";
        return new HealthVerdict(
            [.. verdict.Checks.Select(check => check.Status == CheckStatus.Fail ? check with { Message = $"{note} {check.Message}" } : check)],
            verdict.Unexplained is null ? null : $"{note} {verdict.Unexplained}");
    }

    private static HealthVerdict Answered(OAuthHealth health, IdentityConfig config, DiscoveryResult? runnerDiscovery, TokenProbeResult? runnerToken, bool sharedSettings)
    {
        var url = config.IdentityService.Url;
        var clientId = config.IdentityService.ClientId;
        var creatioSays = string.IsNullOrWhiteSpace(health.Message) ? string.Empty : $" Creatio says: {health.Message.Trim()}";
        var settingsEmpty = health.IsSystemSettingsFilledIn == false;
        CheckResult[] checks =
        [
            health.IsSystemSettingsFilledIn switch
            {
                true => CheckResult.Pass(CheckIds.SystemSettingsFilledIn, "Creatio has the Identity Service URL, client id and client secret.", ConfigPaths.IdentityService.Section),
                false when sharedSettings => CheckResult.Fail(CheckIds.SystemSettingsFilledIn,
                    $"Creatio reports the Identity Service settings as empty: this host reads the shared IdentityServer* settings, not the OAuth20IdentityServer* ones the procedure writes. '{HostSwitches.UseSeparateSettingsForOAuth20}' is not a database feature: {HostSwitches.Remedy(HostSwitches.UseSeparateSettingsForOAuth20)}." + creatioSays,
                    ConfigPaths.IdentityService.Section),
                false => CheckResult.Fail(CheckIds.SystemSettingsFilledIn,
                    $"Creatio reports the Identity Service settings as empty. Run apply-settings. If they were just written, Creatio may be reading the shared IdentityServer* settings: '{HostSwitches.UseSeparateSettingsForOAuth20}' is not a database feature: {HostSwitches.Remedy(HostSwitches.UseSeparateSettingsForOAuth20)}." + creatioSays,
                    ConfigPaths.IdentityService.Section),
                null => Unreadable(CheckIds.SystemSettingsFilledIn, ConfigPaths.IdentityService.Section),
            },
            health.IsIdentityServiceAvailable switch
            {
                true => CheckResult.Pass(CheckIds.IdentityServiceAvailable, $"Creatio reached the Identity Service at {url}.", ConfigPaths.IdentityService.Url),
                false when settingsEmpty => CheckResult.Fail(CheckIds.IdentityServiceAvailable,
                    "Creatio did not try to reach the Identity Service: its settings are empty (see SystemSettingsFilledIn).", ConfigPaths.IdentityService.Url),
                false => CheckResult.Fail(CheckIds.IdentityServiceAvailable, Unreachable(url, runnerDiscovery, waited: null) + creatioSays, ConfigPaths.IdentityService.Url),
                null => Unreadable(CheckIds.IdentityServiceAvailable, ConfigPaths.IdentityService.Url),
            },
            health.IsAccessTokenRetrievableForSystemActions switch
            {
                true => CheckResult.Pass(CheckIds.AccessTokenRetrievable, $"Creatio got an access token for client '{clientId}'.", ConfigPaths.IdentityService.ClientId),
                false when settingsEmpty => CheckResult.Fail(CheckIds.AccessTokenRetrievable,
                    "Creatio could not ask for a token: its settings are empty (see SystemSettingsFilledIn).", ConfigPaths.IdentityService.Section),
                false when health.IsIdentityServiceAvailable == false => CheckResult.Fail(CheckIds.AccessTokenRetrievable,
                    "Creatio could not ask for a token, since it cannot reach the Identity Service (see IdentityServiceAvailable).", ConfigPaths.IdentityService.Url),
                false when runnerToken?.Ok == true => CheckResult.Fail(CheckIds.AccessTokenRetrievable,
                    $"The runner got a token for client '{clientId}', but Creatio did not: the client id or secret stored in Creatio differs from the configuration. Run apply-settings; it rewrites the secret when Creatio cannot get a token." + creatioSays,
                    ConfigPaths.IdentityService.ClientSecret),
                false when runnerToken is { Ok: false } => CheckResult.Fail(CheckIds.AccessTokenRetrievable,
                    $"The Identity Service refuses client '{clientId}' to the runner too: fix the client (id, secret, client_credentials grant) in the Identity Service. {runnerToken.Message}" + creatioSays,
                    ConfigPaths.IdentityService.ClientSecret),
                false => CheckResult.Fail(CheckIds.AccessTokenRetrievable,
                    $"Creatio could not get an access token for client '{clientId}': check identityService.clientId and clientSecret, then run apply-settings." + creatioSays,
                    ConfigPaths.IdentityService.ClientSecret),
                null => Unreadable(CheckIds.AccessTokenRetrievable, ConfigPaths.IdentityService.ClientId),
            },
        ];

        var unexplained = health.HasUnexplainedProblem
            ? "Creatio's health check reports a problem (HasProblem) that none of its checks explains"
              + (string.IsNullOrWhiteSpace(health.Message) ? ", and no message: look at Creatio's error log." : $": {health.Message.Trim()}")
            : null;
        return new HealthVerdict(checks, unexplained);
    }

    /// <summary>No answer to judge: a health check that took longer than allowed, or a Creatio that does not have one.</summary>
    private static IReadOnlyList<CheckResult> Unanswered(CreatioException failure, IdentityConfig config, DiscoveryResult? runnerDiscovery)
    {
        if (failure.Failure == CreatioFailure.Timeout)
        {
            const string see = "Creatio's health check did not answer in time (see IdentityServiceAvailable).";
            return
            [
                CheckResult.Skip(CheckIds.SystemSettingsFilledIn, see, ConfigPaths.IdentityService.Section),
                CheckResult.Fail(CheckIds.IdentityServiceAvailable, Unreachable(config.IdentityService.Url, runnerDiscovery, config.Creatio.HealthCheckTimeout), ConfigPaths.IdentityService.Url, failure.ErrorCode),
                CheckResult.Skip(CheckIds.AccessTokenRetrievable, see, ConfigPaths.IdentityService.ClientId),
            ];
        }

        return
        [
            CheckResult.Fail(CheckIds.SystemSettingsFilledIn, failure.Message, ConfigPaths.Creatio.Url, failure.ErrorCode),
            CheckResult.Fail(CheckIds.IdentityServiceAvailable, failure.Message, ConfigPaths.Creatio.Url, failure.ErrorCode),
            CheckResult.Fail(CheckIds.AccessTokenRetrievable, failure.Message, ConfigPaths.Creatio.Url, failure.ErrorCode),
        ];
    }

    /// <summary>Creatio could not reach the Identity Service (or did not answer while trying): where the fault lies, read with the runner's view.</summary>
    private static string Unreachable(Uri url, DiscoveryResult? runnerDiscovery, TimeSpan? waited)
    {
        var creatio = waited is { } timeout
            ? $"Creatio did not answer its health check within {timeout.TotalSeconds:0} s: it is most likely waiting on its own connection to the Identity Service at {url}"
            : $"Creatio could not reach the Identity Service at {url}";
        var discovery = $"{url.AbsoluteUri.TrimEnd('/')}/.well-known/openid-configuration";
        var longer = waited is null ? string.Empty : " If Creatio's own HTTP timeout is longer than that, raise creatio.healthCheckTimeoutSeconds.";
        return runnerDiscovery switch
        {
            { Ok: true } => $"{creatio}, while the runner reached it: the fault is the network between the Creatio host and {url.Host} (DNS, firewall, proxy), not the credentials. From the Creatio server, open {discovery}.{longer}",
            { Ok: false } => $"{creatio}, and neither did the runner: is the Identity Service running, and is identityService.url right? {runnerDiscovery.Message}",
            _ => $"{creatio}: check identityService.url and the network from the Creatio host ({discovery}).{longer}",
        };
    }

    private static CheckResult Unreadable(string id, string configPath) =>
        CheckResult.Fail(id, "Creatio's health check did not report this flag; the answer was not understood, so it is not taken as green.", configPath, ErrorCodes.UnexpectedAnswer);
}
