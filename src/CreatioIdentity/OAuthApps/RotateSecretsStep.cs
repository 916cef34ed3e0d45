using CreatioIdentity.Checks;
using CreatioIdentity.Creatio;
using CreatioIdentity.Creatio.DataService;
using CreatioIdentity.Steps;

namespace CreatioIdentity.OAuthApps;

/// <summary>
/// rotate-secrets --app NAME: new credentials for a managed app without an outage. Creatio 8.1 cannot regenerate a
/// secret (OAuthConfigService has no such method; GetClientSecret only reads the current one), and no public source
/// shows one in later versions, so a rotation is a new app: it is created beside the old one, its credentials are
/// delivered and proven with a token, and only then does it take the name and the old app is deleted. The consumer
/// gets a new client id as well as a new secret.
/// </summary>
public sealed class RotateSecretsStep(string appName) : Step
{
    public const string CommandName = "rotate-secrets";

    public override string Name => "RotateSecrets";

    protected override async Task ExecuteAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken)
    {
        if (context.Config.OAuthApps.Find(appName) is not { } app)
        {
            outcome.Fail($"--app {appName}: the file declares no such app under oauthApps:{(context.Config.OAuthApps.Apps.Count == 0 ? string.Empty : $" (it declares {string.Join(", ", context.Config.OAuthApps.Apps.Select(declared => declared.Name))})")}.", ErrorCodes.Configuration);
            return;
        }

        var client = new OAuthAppClient(context.Session, new DataServiceClient(context.Session));
        var named = (await client.ReadAppsAsync(cancellationToken)).Where(existing => string.Equals(existing.Name, app.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        var problem = named switch
        {
            [] => $"App '{app.Name}' does not exist in Creatio: run oauth-apps (or ConnectIdentity) to create it; a new app gets new credentials anyway.",
            [var one] when !ManagedMarker.Parse(one.Description).Managed => $"App '{app.Name}' was not created by creatio-identity, and apps made by hand are never changed.",
            [var one] when !one.IsActive => $"App '{app.Name}' is deactivated: a rotation proves the new credentials with a token, which a deactivated app cannot get. Activate it first (active: true).",
            [{ ClientId: null }] => $"App '{app.Name}' has no client id in Creatio.",
            [_] => null,
            _ => $"Creatio has {named.Count} apps named '{app.Name}': delete or rename the extra ones first.",
        };
        if (problem is not null)
        {
            outcome.Check(AppCheck.Fail(app.Name, problem, ErrorCodes.CheckFailed));
            return;
        }

        if (context.PlanOnly || context.ReadOnly)
        {
            outcome.Changed($"{app.KeyPath}.clientId", named[0].ClientId, "a new client id");
            return;
        }

        outcome.Check(await new Rotation(context, client, outcome, app, named[0]).RunAsync(cancellationToken));
    }
}
