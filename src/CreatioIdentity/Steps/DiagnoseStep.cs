using CreatioIdentity.Checks;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Steps;

/// <summary>
/// The Diagnostic tab: every check, the runner's and Creatio's read together. The default OAuth
/// resource is read directly (entity OAuthResource, IsDefault) and, like the page, registered with
/// AddDefaultResource when the connection is green and only it is missing; the check passes only on
/// a row that can be read back. Read-only (monitor), it reports what is missing instead.
/// </summary>
public sealed class DiagnoseStep : Step
{
    private const string ResourceItem = "default OAuth resource";

    public override string Name => "Diagnose";

    protected override async Task ExecuteAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken)
    {
        if (context.PlanOnly)
        {
            if (await context.Facts.DefaultResourceAsync(cancellationToken) is null)
            {
                outcome.Changed(ResourceItem, "not registered", "registered");
            }

            return;
        }

        foreach (var check in await context.IdentityServiceChecks.ProbeAsync(cancellationToken))
        {
            outcome.Check(check);
        }

        var reading = await context.HealthSettler.SettleAsync(cancellationToken);
        outcome.Check(context.Facts.Login ?? CheckResult.Pass(CheckIds.CreatioLogin,
            $"Creatio at {context.Config.Creatio.Url} accepted the session of '{context.Config.Creatio.Username}'.", Configuration.ConfigPaths.Creatio.Username));

        var hostSwitches = reading.IsConnected ? null : await HostSwitchStates.ReadAsync(context, cancellationToken);
        var verdict = Diagnosis.Evaluate(reading, context.Config, context.Facts.RunnerDiscovery, context.Facts.RunnerToken, hostSwitches);
        foreach (var check in verdict.Checks)
        {
            outcome.Check(check);
        }

        outcome.Check(await DefaultResourceAsync(context, outcome, reading.IsConnected && verdict.Unexplained is null, cancellationToken));
        if (verdict.Unexplained is { } problem)
        {
            outcome.Fail(problem, ErrorCodes.CheckFailed);
        }
    }

    private static async Task<CheckResult> DefaultResourceAsync(StepContext context, StepOutcome outcome, bool connected, CancellationToken cancellationToken)
    {
        if (await context.Facts.DefaultResourceAsync(cancellationToken) is { } resource)
        {
            return Registered(resource);
        }

        if (context.ReadOnly)
        {
            return CheckResult.Fail(CheckIds.DefaultResourceRegistered,
                "No default OAuth resource is registered (no OAuthResource with IsDefault). Monitor only reads: run Diagnose (or ConnectIdentity) to register it, as the Diagnostic tab does.");
        }

        if (!connected)
        {
            return CheckResult.Fail(CheckIds.DefaultResourceRegistered,
                "No default OAuth resource is registered. It is registered once the connection checks above are green: fix them and run again.");
        }

        outcome.Intend(ResourceItem, "not registered", "registered");
        outcome.Sending(ResourceItem);
        var added = await context.OAuthConfig.AddDefaultResourceAsync(cancellationToken);
        context.Facts.DefaultResourceChanged();
        if (!added.Success && !added.AlreadyExists)
        {
            outcome.Refused(ResourceItem);
            return CheckResult.Fail(CheckIds.DefaultResourceRegistered, Refusal(added));
        }

        // Registered now, or by someone else in between: only a row that reads back proves it.
        var registered = await context.Facts.DefaultResourceAsync(cancellationToken);
        if (registered is null)
        {
            outcome.Refused(ResourceItem);
            return CheckResult.Fail(CheckIds.DefaultResourceRegistered,
                $"Creatio answered AddDefaultResource with {(added.Success ? "success" : added.ErrorCode)}, but no default OAuthResource can be read back: look at Creatio's error log and the Diagnostic tab.");
        }

        if (added.Success)
        {
            outcome.Done(ResourceItem);
        }
        else
        {
            outcome.Withdraw(ResourceItem);
        }

        return Registered(registered);
    }

    private static CheckResult Registered(OAuthResource resource) =>
        CheckResult.Pass(CheckIds.DefaultResourceRegistered, $"The default OAuth resource is registered ({resource.Name ?? resource.Id.ToString()}).");

    /// <summary>Judged by the error code, never by the message, which is in the user's language.</summary>
    private static string Refusal(AddDefaultResourceResult added)
    {
        var said = added.Message is null ? string.Empty : $": \"{added.Message}\"";
        return added.HostSwitchOff
            ? $"Creatio refused to register the default OAuth resource without an error code{said}. Creatio 8.1 answers so only when OAuth 2.0 is off on the host: '{HostSwitches.EnableOAuth20Integration}' is not a database feature: {HostSwitches.Remedy(HostSwitches.EnableOAuth20Integration)}. The API cannot change it."
            : $"Creatio refused to register the default OAuth resource ({added.ErrorCode}{said}). Register it on the Diagnostic tab of \"OAuth 2.0 integrated applications\" and look at Creatio's error log.";
    }
}
