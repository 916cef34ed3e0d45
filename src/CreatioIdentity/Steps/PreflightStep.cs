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
        foreach (var check in await context.IdentityServiceChecks.ProbeAsync(cancellationToken))
        {
            outcome.Check(check);
        }

        outcome.Check(await LoginAsync(context, cancellationToken));
    }

    private static async Task<CheckResult> LoginAsync(StepContext context, CancellationToken cancellationToken)
    {
        var creatio = context.Config.Creatio;
        try
        {
            await context.Session.LoginAsync(cancellationToken);
            return context.Facts.Login = CheckResult.Pass(CheckIds.CreatioLogin, $"Logged in to {creatio.Url} as '{creatio.Username}'.", Configuration.ConfigPaths.Creatio.Username);
        }
        catch (CreatioException exception)
        {
            var configPath = exception.Failure == CreatioFailure.Authentication ? Configuration.ConfigPaths.Creatio.Password : Configuration.ConfigPaths.Creatio.Url;
            return context.Facts.Login = CheckResult.Fail(CheckIds.CreatioLogin, exception.Message, configPath, exception.ErrorCode);
        }
    }
}
