namespace CreatioIdentity.Configuration;

/// <summary>
/// Environments run together (<c>--environment all</c>) must not deliver app credentials to one place: an app
/// declared under <c>defaults:</c> with one <c>credentials.file</c> (or one repository secret) would have each
/// site's secret overwrite the other's, and a consumer would get the wrong site's. Both environments are
/// refused (exit 3), at the destination's line.
/// </summary>
internal static class SharedDestinations
{
    public static List<EnvironmentConfig> Refuse(List<EnvironmentConfig> environments)
    {
        var claims = environments
            .Where(selected => selected.Config is not null)
            .SelectMany(selected => selected.Config!.OAuthApps.Apps.SelectMany(app => Destinations(app).Select(destination => (selected.Name, App: app, destination.Key, destination.Where))))
            .GroupBy(claim => claim.Where, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Select(claim => claim.Name).Distinct(StringComparer.Ordinal).Count() > 1)
            .SelectMany(group => group)
            .ToList();
        if (claims.Count == 0)
        {
            return environments;
        }

        return
        [
            .. environments.Select(selected => claims.Where(claim => claim.Name == selected.Name).ToList() is { Count: > 0 } mine && selected.Config is { } config
                ? new EnvironmentConfig(selected.Name, null,
                [
                    .. mine.Select(claim => new ConfigDiagnostic(
                        DiagnosticSeverity.Error,
                        config.Source.Locate($"{claim.App.KeyPath}.credentials"),
                        $"environment '{selected.Name}': {claim.App.KeyPath}.credentials.{claim.Key} ({claim.Where}) is also where environment {string.Join(", ", claims.Where(other => other.Where.Equals(claim.Where, StringComparison.OrdinalIgnoreCase) && other.Name != selected.Name).Select(other => $"'{other.Name}'").Distinct())} delivers its credentials: each site's secret would overwrite the other's. Give each environment its own destination")),
                ])
                : selected),
        ];
    }

    private static IEnumerable<(string Key, string Where)> Destinations(OAuthAppOptions app)
    {
        if (app.Credentials.File is { } file)
        {
            yield return ("file", file);
        }

        if (app.Credentials.GitHubSecret is { } secret)
        {
            yield return ("githubSecret", secret.Environment is null ? $"repository secret {secret.ClientSecretName}" : $"secret {secret.ClientSecretName} of GitHub environment {secret.Environment}");
        }
    }
}
