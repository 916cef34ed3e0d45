using CreatioIdentity.Checks;
using CreatioIdentity.Creatio;
using CreatioIdentity.Creatio.DataService;
using CreatioIdentity.Steps;

namespace CreatioIdentity.OAuthApps;

/// <summary>
/// Keeps the OAuth 2.0 integrated applications of <c>oauthApps:</c> (issue 12): two reads (every app, every named
/// user), then a missing app is created, a changed one updated, an unchanged one left alone; each declared app
/// is proven with its own token (check <c>OAuthApp:&lt;name&gt;</c>). While any app of the file cannot be done as
/// declared, nothing is written. Plan lists the changes; monitor only proves.
/// </summary>
public sealed class OAuthAppsStep : Step
{
    public override string Name => "OAuthApps";

    public override bool AppliesTo(Configuration.IdentityConfig config) => config.OAuthApps.Declared;

    protected override async Task ExecuteAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken)
    {
        var declared = context.Config.OAuthApps;
        if (!declared.Declared)
        {
            return;
        }

        var client = new OAuthAppClient(context.Session, new DataServiceClient(context.Session));
        var existing = await client.ReadAppsAsync(cancellationToken);
        var userNames = declared.Apps.Select(app => app.SystemUser).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var plan = AppPlanner.Plan(declared, existing, await client.ReadUnitsAsync(userNames, cancellationToken));
        var undeclared = AppPlanner.Undeclared(declared, existing);

        if (plan.Where(step => step.Action == AppAction.Blocked).ToList() is { Count: > 0 } blocked)
        {
            foreach (var step in plan)
            {
                outcome.Check(step.Action == AppAction.Blocked
                    ? AppCheck.Fail(step.App.Name, step.Problem!, ErrorCodes.CheckFailed)
                    : AppCheck.Skip(step.App.Name, $"Not written: nothing is written while an app of the file cannot be done as declared ({string.Join(", ", blocked.Select(other => other.App.Name))})."));
            }

            return;
        }

        if (context.PlanOnly)
        {
            Describe(plan, undeclared, declared.Prune, outcome);
            return;
        }

        var writer = new AppWriter(context, client, outcome);
        foreach (var step in plan)
        {
            outcome.Check(context.ReadOnly ? await MonitorAsync(context, client, step, cancellationToken) : await writer.ApplyAsync(step, cancellationToken));
        }

        await PruneAsync(context, client, outcome, undeclared, declared.Prune, cancellationToken);
    }

    private static void Describe(IReadOnlyList<AppStep> plan, IReadOnlyList<OAuthClientAppRecord> undeclared, bool prune, StepOutcome outcome)
    {
        foreach (var (item, from, to) in plan.SelectMany(step => step.Differences))
        {
            outcome.Changed(item, from, to);
        }

        foreach (var app in undeclared)
        {
            if (prune)
            {
                outcome.Changed(Configuration.ConfigPaths.OAuthApps.Entry(app.Name), "present (managed, not declared)", "deleted");
            }
            else
            {
                outcome.Warn(Undeclared([app]));
            }
        }
    }

    /// <summary>Read-only: an app that is missing or differs is red (monitor writes nothing); one as declared is proven.</summary>
    private static async Task<CheckResult> MonitorAsync(StepContext context, OAuthAppClient client, AppStep step, CancellationToken cancellationToken) => step.Action switch
    {
        AppAction.Create => AppCheck.Fail(step.App.Name, $"App '{step.App.Name}' does not exist in Creatio. Monitor only reads: run ConnectIdentity (or oauth-apps) to create it.", ErrorCodes.CheckFailed),
        AppAction.Update => AppCheck.Fail(step.App.Name, $"App '{step.App.Name}' differs from the file ({string.Join("; ", step.Differences.Select(difference => $"{difference.Item}: {difference.From ?? "empty"} instead of {difference.To ?? "empty"}"))}). Monitor only reads: run ConnectIdentity (or oauth-apps) to update it.", ErrorCodes.CheckFailed),
        _ => await AppProof.ProveExistingAsync(context, client, step, cancellationToken),
    };

    private static async Task PruneAsync(StepContext context, OAuthAppClient client, StepOutcome outcome, IReadOnlyList<OAuthClientAppRecord> undeclared, bool prune, CancellationToken cancellationToken)
    {
        if (undeclared.Count == 0)
        {
            return;
        }

        if (!prune || context.ReadOnly)
        {
            outcome.Warn(Undeclared(undeclared));
            return;
        }

        foreach (var app in undeclared.Where(app => app.ClientId is not null))
        {
            var item = Configuration.ConfigPaths.OAuthApps.Entry(app.Name);
            outcome.Intend(item, $"present (client id {app.ClientId})", "deleted");
            outcome.Sending(item);
            var deleted = await client.DeleteClientAsync(app.ClientId!, cancellationToken);
            if (deleted.Success)
            {
                outcome.Done(item);
            }
            else
            {
                outcome.Refused(item);
                outcome.Fail($"Creatio refused to delete app '{app.Name}' (client id {app.ClientId}), which the file no longer declares: {deleted.Describe()}.", ErrorCodes.CheckFailed);
            }
        }
    }

    private static string Undeclared(IReadOnlyList<OAuthClientAppRecord> apps) =>
        $"Creatio has {(apps.Count == 1 ? "an app" : "apps")} that creatio-identity created and the file no longer declares: {string.Join(", ", apps.Select(app => $"'{app.Name}' (client id {app.ClientId})"))}. " +
        "They were left as they are; write 'prune: true' under oauthApps: to delete them, or declare them again.";
}
