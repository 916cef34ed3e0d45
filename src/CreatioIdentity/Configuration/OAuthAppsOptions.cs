namespace CreatioIdentity.Configuration;

/// <summary>
/// The OAuth 2.0 integrated applications the file declares (<c>oauthApps:</c>), by name: the name is the
/// key that finds an app again in Creatio. <see cref="Declared"/> is false when the file has no <c>oauthApps:</c>
/// at all: then nothing about apps is read or written.
/// </summary>
public sealed record OAuthAppsOptions(IReadOnlyList<OAuthAppOptions> Apps, bool Prune, bool Declared)
{
    public static OAuthAppsOptions None { get; } = new([], Prune: false, Declared: false);

    public OAuthAppOptions? Find(string name) => Apps.FirstOrDefault(app => string.Equals(app.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One declared app (<c>oauthApps.&lt;name&gt;</c>).</summary>
/// <param name="SystemUser">The existing Creatio user it acts as; null with <paramref name="TechnicalUser"/>.</param>
/// <param name="TechnicalUser">Creatio 8.2+ makes a technical user for it (CreateTechnicalUser).</param>
public sealed record OAuthAppOptions(
    string Name,
    Uri ApplicationUrl,
    string? SystemUser,
    bool TechnicalUser,
    string? Description,
    bool Active,
    AppCredentials Credentials)
{
    /// <summary>The app's key path in the file, for positions and messages.</summary>
    public string KeyPath => ConfigPaths.OAuthApps.Entry(Name);
}

/// <summary>Where an app's client id and secret go when Creatio issues them; at least one destination.</summary>
/// <param name="File">The full path of a JSON file {"clientId","clientSecret"} (mode 0600, written atomically).</param>
/// <param name="GitHubSecret">GitHub Actions secrets NAME_CLIENT_ID and NAME_CLIENT_SECRET.</param>
/// <param name="PipelineVariables">NAME: handed to the following CI steps masked, as NAME_CLIENT_ID and NAME_CLIENT_SECRET.</param>
public sealed record AppCredentials(string? File, GitHubSecretTarget? GitHubSecret, string? PipelineVariables);

/// <summary>A pair of GitHub Actions secrets: of the repository, or of one of its environments.</summary>
public sealed record GitHubSecretTarget(string Name, string? Environment)
{
    public string ClientIdName => Name + "_CLIENT_ID";

    public string ClientSecretName => Name + "_CLIENT_SECRET";
}
