using CreatioIdentity.Checks;
using CreatioIdentity.Creatio;
using CreatioIdentity.Steps;

namespace CreatioIdentity.OAuthApps;

/// <summary>The writes of one app: AddClient (and the marker) for a missing one, UpdateClient and the description for a changed one.</summary>
internal sealed class AppWriter(StepContext context, OAuthAppClient client, StepOutcome outcome)
{
    private bool? defaultResource;

    public async Task<CheckResult> ApplyAsync(AppStep step, CancellationToken cancellationToken) => step.Action switch
    {
        AppAction.Create => await CreateAsync(step.App, step.SystemUserId, cancellationToken),
        AppAction.Update => await UpdateAsync(step, cancellationToken),
        _ => await AppProof.ProveExistingAsync(context, client, step, cancellationToken),
    };

    private async Task<CheckResult> CreateAsync(Configuration.OAuthAppOptions app, Guid? systemUserId, CancellationToken cancellationToken)
    {
        // 8.1's OAuthClientAppListener refuses an app without the default resource (OAuthClientAppException).
        defaultResource ??= await context.Facts.DefaultResourceAsync(cancellationToken) is not null;
        if (defaultResource == false)
        {
            return AppCheck.Fail(app.Name, $"App '{app.Name}' was not created: no default OAuth resource is registered, and Creatio creates no app without it. Run Diagnose (or ConnectIdentity), which registers it, then run again.", ErrorCodes.CheckFailed);
        }

        var item = app.KeyPath;
        outcome.Intend(item, "absent", "created");
        outcome.Sending(item);
        var userId = systemUserId ?? await TechnicalUserAsync(app, cancellationToken);
        if (userId is null)
        {
            outcome.Refused(item);
            return AppCheck.Fail(app.Name, $"App '{app.Name}' was not created: Creatio made no technical user for it (CreateTechnicalUser exists from Creatio 8.2). On 8.1 name an existing user in {app.KeyPath}.systemUser instead of technicalUser: true.", ErrorCodes.CheckFailed);
        }

        var (added, credentials) = await client.AddClientAsync(app.Name, app.ApplicationUrl, userId.Value, ManagedMarker.Compose(app.Description), cancellationToken);
        if (credentials is null)
        {
            outcome.Refused(item);
            return AppCheck.Fail(app.Name, $"Creatio refused to create app '{app.Name}': {added.Describe()}.{Remedy(added)}", ErrorCodes.CheckFailed);
        }

        outcome.Done(item);

        // The secret first: Creatio will not show it again, whatever fails after this.
        var undelivered = await CredentialsDelivery.DeliverAsync(app, credentials, context, cancellationToken);
        var marked = await client.SetDescriptionAsync(credentials.ClientId, ManagedMarker.Compose(app.Description), cancellationToken);
        if (!app.Active)
        {
            await WriteAsync($"{item}.active", "true", "false", () => client.UpdateClientAsync(credentials.ClientId, null, null, null, false, cancellationToken));
        }

        if (!marked.Success)
        {
            return AppCheck.Fail(app.Name, $"App '{app.Name}' was created (client id {credentials.ClientId}), but Creatio refused its description with the marker ({marked.ErrorCode ?? "no error code"}): the next run would take it for an app made by hand. End its description with '{ManagedMarker.Text}' in Creatio.", ErrorCodes.CheckFailed);
        }

        if (undelivered.Count > 0)
        {
            return AppCheck.Fail(app.Name, $"App '{app.Name}' was created (client id {credentials.ClientId}), but its credentials did not reach every destination: {string.Join("; ", undelivered)}. Creatio shows the secret only once: fix that, then run 'rotate-secrets --app {app.Name}'.", ErrorCodes.CheckFailed);
        }

        return app.Active
            ? await AppProof.ProveAsync(context, client, app.Name, credentials, isNew: true, cancellationToken)
            : AppCheck.Pass(app.Name, $"App '{app.Name}' was created (client id {credentials.ClientId}) and deactivated, as declared; its credentials went to {CredentialsDelivery.Describe(app.Credentials)}.");
    }

    private async Task<Guid?> TechnicalUserAsync(Configuration.OAuthAppOptions app, CancellationToken cancellationToken)
    {
        try
        {
            var (created, userId) = await client.CreateTechnicalUserAsync(app.Name, cancellationToken);
            return created.Success ? userId : null;
        }
        catch (CreatioException exception) when (exception.Failure == CreatioFailure.NotFound)
        {
            return null;
        }
    }

    private async Task<CheckResult> UpdateAsync(AppStep step, CancellationToken cancellationToken)
    {
        var app = step.App;
        var clientId = step.Existing!.ClientId!;
        var fields = step.Differences.Where(difference => !difference.Item.EndsWith(".description", StringComparison.Ordinal)).ToList();
        var failures = new List<string>();
        if (fields.Count > 0)
        {
            var urlChanged = fields.Any(field => field.Item.EndsWith(".applicationUrl", StringComparison.Ordinal));
            var userChanged = fields.Any(field => field.Item.EndsWith(".systemUser", StringComparison.Ordinal));
            var activeChanged = fields.Any(field => field.Item.EndsWith(".active", StringComparison.Ordinal));
            foreach (var (item, from, to) in fields)
            {
                outcome.Intend(item, from, to);
            }

            outcome.Sending(fields.Select(field => field.Item));
            var updated = await client.UpdateClientAsync(clientId, null, urlChanged ? app.ApplicationUrl : null, userChanged ? step.SystemUserId : null, activeChanged ? app.Active : null, cancellationToken);
            foreach (var (item, _, _) in fields)
            {
                if (updated.Success)
                {
                    outcome.Done(item);
                }
                else
                {
                    outcome.Refused(item);
                }
            }

            if (!updated.Success)
            {
                failures.Add($"UpdateClient: {updated.Describe()}");
            }
        }

        if (step.Differences.FirstOrDefault(difference => difference.Item.EndsWith(".description", StringComparison.Ordinal)) is { Item: not null } description
            && !await WriteAsync(description.Item, description.From, description.To, async () =>
            {
                var written = await client.SetDescriptionAsync(clientId, ManagedMarker.Compose(app.Description), cancellationToken);
                return new ConfigServiceOutcome(written.Success, written.ErrorCode, written.Message);
            }))
        {
            failures.Add("the description was refused");
        }

        return failures.Count > 0
            ? AppCheck.Fail(app.Name, $"Creatio refused to update app '{app.Name}' (client id {clientId}): {string.Join("; ", failures)}.", ErrorCodes.CheckFailed)
            : await AppProof.ProveExistingAsync(context, client, step with { Existing = step.Existing with { IsActive = app.Active } }, cancellationToken);
    }

    private async Task<bool> WriteAsync(string item, string? from, string? to, Func<Task<ConfigServiceOutcome>> write)
    {
        outcome.Intend(item, from, to);
        outcome.Sending(item);
        var written = await write();
        if (written.Success)
        {
            outcome.Done(item);
        }
        else
        {
            outcome.Refused(item);
        }

        return written.Success;
    }

    /// <summary>What to do about a refusal, judged by its error code; 8.1 sets none when it checks the user itself.</summary>
    private static string Remedy(ConfigServiceOutcome refused) => refused.ErrorCode switch
    {
        "OAuthClientAppException" => " Creatio could not register the app with its Identity Service (or no default OAuth resource exists): check the Diagnostic tab and Creatio's error log.",
        null => " (Creatio 8.1 answers without an error code when the system user is not a valid user, or when OAuth 2.0 is off on the host.)",
        _ => " Look at Creatio's error log.",
    };
}
