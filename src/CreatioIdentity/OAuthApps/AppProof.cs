using CreatioIdentity.Checks;
using CreatioIdentity.Creatio;
using CreatioIdentity.Steps;

namespace CreatioIdentity.OAuthApps;

/// <summary>
/// Proves an app as its consumer will use it, the way clio's verify-oauth-app does: a client_credentials token
/// from the Identity Service for the app's own client id and secret, then a read in Creatio with that token as
/// <c>Authorization: Bearer</c>. Green only when Creatio answers the read with data.
/// </summary>
public static class AppProof
{
    /// <summary>A new client may take a moment to reach the Identity Service (Creatio registers it as it saves the app).</summary>
    private static readonly TimeSpan NewClientWait = TimeSpan.FromSeconds(1);

    public static async Task<CheckResult> ProveAsync(StepContext context, OAuthAppClient client, string name, IssuedCredentials credentials, bool isNew, CancellationToken cancellationToken)
    {
        var discovery = context.Facts.RunnerDiscovery ??= await context.IdentityService.DiscoverAsync(context.Config.IdentityService.Url, cancellationToken);
        if (!discovery.Ok)
        {
            return AppCheck.Fail(name, $"Not proven: {discovery.Message}", discovery.ErrorCode);
        }

        var (token, accessToken) = await context.IdentityService.IssueTokenAsync(discovery.TokenEndpoint!, credentials.ClientId, credentials.ClientSecret, cancellationToken);
        for (var attempt = 1; isNew && !token.Ok && token.ErrorCode == ErrorCodes.Authentication && attempt < 3; attempt++)
        {
            await Task.Delay(NewClientWait, cancellationToken);
            (token, accessToken) = await context.IdentityService.IssueTokenAsync(discovery.TokenEndpoint!, credentials.ClientId, credentials.ClientSecret, cancellationToken);
        }

        if (!token.Ok || accessToken is null)
        {
            return AppCheck.Fail(name, token.ErrorCode == ErrorCodes.Authentication
                ? $"The Identity Service refused a token to the app's client '{credentials.ClientId}': the app is deactivated or deleted in Creatio, or its delivered secret is not the current one. Run rotate-secrets --app {name} to issue and deliver new credentials."
                : $"No token for the app's client '{credentials.ClientId}': {token.Message}", token.ErrorCode);
        }

        var answer = await client.ReadAsAppAsync(accessToken, cancellationToken);
        var accepted = answer.IsSuccess && !answer.IsHtml && !answer.IsRedirectToLogin && Succeeded(answer);
        return accepted
            ? AppCheck.Pass(name, $"App '{name}' (client id {credentials.ClientId}) got a client_credentials token that Creatio accepted for a read (DataService SelectQuery as the app).")
            : AppCheck.Fail(name, $"Creatio refused a read with the token of app '{name}' (client id {credentials.ClientId}): HTTP {answer.StatusCode}. " +
                "Check that the app is active, that Creatio trusts this Identity Service (OAuth20IdentityServerUrl), and that the app's user may read data.", ErrorCodes.CheckFailed);
    }

    /// <summary>An app that exists as declared: proven with the credentials the file can give back, or said why not.</summary>
    public static async Task<CheckResult> ProveExistingAsync(StepContext context, OAuthAppClient client, AppStep step, CancellationToken cancellationToken)
    {
        var app = step.App;
        var clientId = step.Existing!.ClientId;
        if (!app.Active)
        {
            return AppCheck.Pass(app.Name, $"App '{app.Name}' (client id {clientId}) exists and is deactivated, as declared: its tokens are refused.");
        }

        if (app.Credentials.File is { } file && CredentialsFile.Read(file) is { } credentials && credentials.ClientId == clientId)
        {
            return await AppProof.ProveAsync(context, client, app.Name, credentials, isNew: false, cancellationToken);
        }

        var rotate = $"Creatio shows a secret only once, so it cannot be delivered again: run 'rotate-secrets --app {app.Name}' to issue new credentials to {CredentialsDelivery.Describe(app.Credentials)}.";
        return app.Credentials.File is { } missing
            ? AppCheck.Fail(app.Name, $"App '{app.Name}' (client id {clientId}) exists, but {missing} does not hold its credentials. {rotate}", ErrorCodes.CheckFailed)
            : AppCheck.Skip(app.Name, $"App '{app.Name}' (client id {clientId}) exists as declared; it was not proven with a token, because its secret went only to {CredentialsDelivery.Describe(app.Credentials)}, which this run cannot read back. Add credentials.file (git-ignored) to prove it on every run; if the secret was lost: {rotate}");
    }

    private static bool Succeeded(CreatioResponse answer)
    {
        try
        {
            return answer.Json().Flag("success") != false;
        }
        catch (CreatioException)
        {
            return false;
        }
    }
}
