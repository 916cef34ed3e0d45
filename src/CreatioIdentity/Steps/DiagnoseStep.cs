using CreatioIdentity.Checks;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Steps;

/// <summary>
/// The Diagnostic tab: every check, the runner's and Creatio's read together. Like the page, it
/// registers the default OAuth resource when that is the only thing missing; read-only (monitor),
/// it says so instead.
/// </summary>
public sealed class DiagnoseStep : Step
{
    public override string Name => "Diagnose";

    protected override async Task ExecuteAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken)
    {
        if (context.PlanOnly)
        {
            var current = await context.Facts.HealthAsync(cancellationToken);
            if (current.IsConnected && current.IsDefaultResourceRegistered == false)
            {
                outcome.Changed(ResourceItem, "not registered", "registered");
            }

            return;
        }

        foreach (var check in await PreflightStep.ProbeIdentityServiceAsync(context, cancellationToken))
        {
            outcome.Check(check);
        }

        var health = await TestConnectionStep.SettleAsync(context, cancellationToken);
        outcome.Check(context.Facts.Login ?? CheckResult.Pass(CheckIds.CreatioLogin,
            $"Creatio at {context.Config.Creatio.Url} accepted the session of '{context.Config.Creatio.Username}'.", "creatio.username"));

        if (context.ReadOnly && health.IsConnected && health.IsDefaultResourceRegistered == false)
        {
            // Monitoring reports what the page would fix, and leaves the fixing to Diagnose.
            outcome.Check(CheckResult.Fail(CheckIds.DefaultResourceRegistered,
                "The default OAuth resource is not registered. Monitor only reads: run Diagnose (or ConnectIdentity) to register it, as the Diagnostic tab does."));
        }
        else if (health.IsConnected && health.IsDefaultResourceRegistered == false)
        {
            outcome.Intend(ResourceItem, "not registered", "registered");
            outcome.Sending(ResourceItem);
            context.Facts.HealthChanged();
            var added = await context.OAuthConfig.AddDefaultResourceAsync(cancellationToken);
            if (!added.Success && !added.AlreadyExists)
            {
                outcome.Refused(ResourceItem);
                outcome.Check(CheckResult.Fail(CheckIds.DefaultResourceRegistered, ResourceRefusal(added.Message)));
                return;
            }

            if (added.Success)
            {
                outcome.Done(ResourceItem);
            }
            else
            {
                outcome.Withdraw(ResourceItem); // it was there already: nothing changed, nothing pending
            }

            health = await context.Facts.HealthAsync(cancellationToken);
        }

        foreach (var check in Diagnosis.Evaluate(health, context.Config.IdentityService.Url, context.Config.IdentityService.ClientId,
                     context.Facts.RunnerDiscovery, context.Facts.RunnerToken, includeDefaultResource: true))
        {
            if (!(context.ReadOnly && check.Id == CheckIds.DefaultResourceRegistered && outcome.Checks.Any(decided => decided.Id == check.Id)))
            {
                outcome.Check(check);
            }
        }
    }

    private const string ResourceItem = "default OAuth resource";

    private static string ResourceRefusal(string? message)
    {
        var said = string.IsNullOrWhiteSpace(message) ? "no reason given" : message.Trim();
        return said.Contains("disabled", StringComparison.OrdinalIgnoreCase)
            ? $"Creatio refused to register the default OAuth resource ({said}). The host's configuration key Feature-EnableOAuth20Integration is off: set it to true in Terrasoft.WebHost.dll.config (.NET) or Web.config (.NET Framework) and restart Creatio; the API cannot change it."
            : $"Creatio refused to register the default OAuth resource ({said}). Register it on the Diagnostic tab of \"OAuth 2.0 integrated applications\" and look at Creatio's error log.";
    }
}
