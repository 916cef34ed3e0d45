using CreatioIdentity.Checks;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Steps;

/// <summary>
/// Before anything is written: can the runner get a token from the Identity Service with the
/// configured client, and log in to Creatio? Wrong credentials stop the run here.
/// </summary>
public sealed class PreflightStep : Step
{
    public override string Name => "Preflight";

    protected override async Task ExecuteAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken)
    {
        foreach (var check in await ProbeIdentityServiceAsync(context, cancellationToken))
        {
            outcome.Check(check);
        }

        outcome.Check(await LoginAsync(context, cancellationToken));
    }

    /// <summary>The runner's two checks of the Identity Service, remembered for Diagnose.</summary>
    internal static async Task<IReadOnlyList<CheckResult>> ProbeIdentityServiceAsync(StepContext context, CancellationToken cancellationToken)
    {
        var identity = context.Config.IdentityService;
        var discovery = context.Facts.RunnerDiscovery ??= await context.IdentityService.DiscoverAsync(identity.Url, cancellationToken);
        if (!discovery.Ok)
        {
            return
            [
                CheckResult.Fail(CheckIds.IdentityServiceDiscovery, discovery.Message, "identityService.url", discovery.ErrorCode),
                CheckResult.Skip(CheckIds.ClientCredentialsToken, discovery.TokenSkipReason, "identityService.clientId"),
            ];
        }

        var token = context.Facts.RunnerToken ??= await context.IdentityService.RequestTokenAsync(discovery.TokenEndpoint!, identity.ClientId, identity.ClientSecret, cancellationToken);
        return
        [
            CheckResult.Pass(CheckIds.IdentityServiceDiscovery, discovery.Message, "identityService.url"),
            token.Ok
                ? CheckResult.Pass(CheckIds.ClientCredentialsToken, token.Message, "identityService.clientId")
                : CheckResult.Fail(CheckIds.ClientCredentialsToken, token.Message, "identityService.clientSecret", token.ErrorCode),
        ];
    }

    private static async Task<CheckResult> LoginAsync(StepContext context, CancellationToken cancellationToken)
    {
        var creatio = context.Config.Creatio;
        try
        {
            await context.Session.LoginAsync(cancellationToken);
            return context.Facts.Login = CheckResult.Pass(CheckIds.CreatioLogin, $"Logged in to {creatio.Url} as '{creatio.Username}'.", "creatio.username");
        }
        catch (CreatioException exception)
        {
            var configPath = exception.Failure == CreatioFailure.Authentication ? "creatio.password" : "creatio.url";
            return context.Facts.Login = CheckResult.Fail(CheckIds.CreatioLogin, exception.Message, configPath, exception.ErrorCode);
        }
    }
}
