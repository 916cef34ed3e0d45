using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.Steps;

namespace CreatioIdentity.OAuthApps;

/// <summary>
/// One rotation, in an order where the app's name always belongs to working credentials: new app beside the old,
/// delivered and proven; old app renamed aside; new app takes the name; old app deleted. A failure before the
/// swap deletes the new app and leaves the old one as it was.
/// </summary>
internal sealed class Rotation(StepContext context, OAuthAppClient client, StepOutcome outcome, OAuthAppOptions app, OAuthClientAppRecord old)
{
    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var oldId = old.ClientId!;
        var rotating = $"{app.Name} (rotating)";
        var (added, credentials) = await client.AddClientAsync(rotating, app.ApplicationUrl, old.SystemUserId ?? Guid.Empty, ManagedMarker.Compose(app.Description), cancellationToken);
        if (credentials is null)
        {
            return AppCheck.Fail(app.Name, $"Creatio refused the new app for the rotation of '{app.Name}': {added.Describe()}. Nothing changed; the old credentials still work.", ErrorCodes.CheckFailed);
        }

        await client.SetDescriptionAsync(credentials.ClientId, ManagedMarker.Compose(app.Description), cancellationToken);
        var undelivered = await CredentialsDelivery.DeliverAsync(app, credentials, context, cancellationToken);
        var proof = undelivered.Count == 0 ? await AppProof.ProveAsync(context, client, app.Name, credentials, isNew: true, cancellationToken) : null;
        if (proof is not { Status: CheckStatus.Pass })
        {
            await client.DeleteClientAsync(credentials.ClientId, cancellationToken);
            var why = undelivered.Count > 0 ? $"its credentials did not reach every destination ({string.Join("; ", undelivered)})" : proof!.Message;
            return AppCheck.Fail(app.Name, $"The rotation of '{app.Name}' stopped and its new app was deleted: {why}. The old credentials (client id {oldId}) still work in Creatio; a destination that did get the new ones must be given the old ones back or rotated again.", ErrorCodes.CheckFailed);
        }

        // The swap: the name moves to the new app; the old one is renamed aside, then deleted.
        var retired = $"{app.Name} (retired {DateTime.UtcNow:yyyy-MM-dd HH:mm})";
        var item = $"{app.KeyPath}.clientId";
        outcome.Intend(item, oldId, credentials.ClientId);
        outcome.Sending(item);
        var aside = await client.UpdateClientAsync(oldId, retired, null, null, null, cancellationToken);
        var named = aside.Success ? await client.UpdateClientAsync(credentials.ClientId, app.Name, null, null, null, cancellationToken) : aside;
        if (!named.Success)
        {
            outcome.Refused(item);
            return AppCheck.Fail(app.Name, $"The new credentials of '{app.Name}' (client id {credentials.ClientId}) are delivered and proven, but Creatio refused to give the new app the name ({named.Describe()}): it is called '{rotating}', the old one '{(aside.Success ? retired : app.Name)}'. Rename them on the \"OAuth 2.0 integrated applications\" page, then delete the old one.", ErrorCodes.CheckFailed);
        }

        outcome.Done(item);
        var deleted = await client.DeleteClientAsync(oldId, cancellationToken);
        if (!deleted.Success)
        {
            outcome.Warn($"The old app of '{app.Name}' (client id {oldId}, now named '{retired}') could not be deleted ({deleted.Describe()}): its credentials still work until it is deleted by hand.");
        }
        else
        {
            outcome.Changed($"{app.KeyPath} (old client {oldId})", "present", "deleted");
        }

        return AppCheck.Pass(app.Name, $"Rotated '{app.Name}': new client id {credentials.ClientId} delivered to {CredentialsDelivery.Describe(app.Credentials)} and proven with a token; the old client {oldId} was {(deleted.Success ? "deleted" : "NOT deleted (see the warning)")}.");
    }
}
