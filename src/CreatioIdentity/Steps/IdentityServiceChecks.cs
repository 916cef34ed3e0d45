using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.IdentityService;

namespace CreatioIdentity.Steps;

/// <summary>
/// The runner's own look at the Identity Service: the discovery document, then a client_credentials
/// token for the configured client. Preflight reports it, ApplySettings makes sure of it before a write,
/// Diagnose reads it beside Creatio's own; what one of them saw is remembered in the facts for the others.
/// </summary>
public sealed class IdentityServiceChecks(IdentityConfig config, IdentityServiceProbe identityService, CreatioFacts facts)
{
    /// <summary>The checks IdentityServiceDiscovery and ClientCredentialsToken.</summary>
    public async Task<IReadOnlyList<CheckResult>> ProbeAsync(CancellationToken cancellationToken)
    {
        var identity = config.IdentityService;
        var discovery = facts.RunnerDiscovery ??= await identityService.DiscoverAsync(identity.Url, cancellationToken);
        if (!discovery.Ok)
        {
            return
            [
                CheckResult.Fail(CheckIds.IdentityServiceDiscovery, discovery.Message, ConfigPaths.IdentityService.Url, discovery.ErrorCode),
                CheckResult.Skip(CheckIds.ClientCredentialsToken, discovery.TokenSkipReason, ConfigPaths.IdentityService.ClientId),
            ];
        }

        var token = facts.RunnerToken ??= await identityService.RequestTokenAsync(discovery.TokenEndpoint!, identity.ClientId, identity.ClientSecret, cancellationToken);
        return
        [
            CheckResult.Pass(CheckIds.IdentityServiceDiscovery, discovery.Message, ConfigPaths.IdentityService.Url),
            token.Ok
                ? CheckResult.Pass(CheckIds.ClientCredentialsToken, token.Message, ConfigPaths.IdentityService.ClientId)
                : CheckResult.Fail(CheckIds.ClientCredentialsToken, token.Message, ConfigPaths.IdentityService.ClientSecret, token.ErrorCode),
        ];
    }
}
