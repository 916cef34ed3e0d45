using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CreatioIdentity.Configuration;

/// <summary>
/// Reads <c>oauthApps:</c>: app name to its declaration, and <c>prune:</c>. Everything that can be judged
/// without Creatio is judged here, so that a wrong file stops with exit 3 before any app is created: a
/// missing or invalid URL, no user or two, no destination for the secret, two names Creatio would take
/// for one, a credentials file that git could commit.
/// </summary>
internal static partial class OAuthAppsReader
{
    public const string Key = "oauthApps";
    public const string PruneKey = "prune";

    /// <summary>OAuthClientApp.Name is a MediumText column (8.1 <c>OAuthClientAppSchema.OAuth20.cs</c>).</summary>
    public const int MaxNameLength = 250;

    private static readonly string[] AppKeys = ["applicationUrl", "systemUser", "technicalUser", "description", "active", "credentials"];
    private static readonly string[] CredentialKeys = ["file", "githubSecret", "pipelineVariables"];
    private static readonly string[] GitHubSecretKeys = ["name", "environment"];

    /// <summary>Null when anything was wrong; every problem is in the reader.</summary>
    public static OAuthAppsOptions? Read(ConfigReader reader, YamlSection site, string baseDirectory)
    {
        if (!site.Contains(Key))
        {
            return OAuthAppsOptions.None;
        }

        if (reader.Child(site, Key, allowedKeys: null, required: false, "app name: { applicationUrl, systemUser, credentials }") is not { } section)
        {
            return null;
        }

        var prune = reader.Boolean(section, PruneKey) ?? false;
        var apps = new List<OAuthAppOptions>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var valid = true;
        foreach (var entry in section.Entries.Where(entry => entry.Name != PruneKey))
        {
            var keyPath = section.PathOf(entry.Name);
            if (entry.Name.Length > MaxNameLength)
            {
                reader.Error(entry.Key, $"{Key}: an app name is at most {MaxNameLength} characters (Creatio's OAuthClientApp.Name), this one has {entry.Name.Length}");
                valid = false;
                continue;
            }

            if (seen.TryGetValue(entry.Name, out var first))
            {
                reader.Error(entry.Key, $"{keyPath} repeats the app '{first}': Creatio compares names without letter case, so both would be one app");
                valid = false;
                continue;
            }

            seen[entry.Name] = entry.Name;
            if (ReadApp(reader, entry, keyPath, baseDirectory) is { } app)
            {
                apps.Add(app);
            }
            else
            {
                valid = false;
            }
        }

        valid &= UniqueDestinations(reader, section, apps);
        return valid ? new OAuthAppsOptions(apps, prune, Declared: true) : null;
    }

    private static OAuthAppOptions? ReadApp(ConfigReader reader, YamlSection.Entry entry, string keyPath, string baseDirectory)
    {
        reader.Remember(keyPath, entry.Key);
        if (reader.Section(entry.Value, keyPath, entry.Key, AppKeys, emptyIsAllowed: false) is not { } app)
        {
            return null;
        }

        var errorsBefore = reader.Errors.Count;
        var url = reader.Url(app, "applicationUrl", "the external system's address, e.g. https://erp.example.com", "nothing: the URL is only shown in Creatio");
        var systemUser = reader.Text(app, "systemUser", required: false, secret: false, "an existing Creatio user's name, e.g. ErpIntegration");
        var technicalUser = reader.Boolean(app, "technicalUser") ?? false;
        if (systemUser is not null && technicalUser)
        {
            reader.Error(systemUser.Node, $"{keyPath} names both systemUser and technicalUser: true; keep one (the user the app acts as)");
        }
        else if (systemUser is null && !technicalUser && !app.Contains("systemUser"))
        {
            reader.Error(entry.Key, $"{keyPath} needs the user the app acts as: 'systemUser: <an existing Creatio user>', or 'technicalUser: true' (Creatio 8.2+)");
        }

        var description = app.Contains("description")
            ? reader.Scalar(app.Find("description")!.Value, app.PathOf("description"), secret: false, "a text")?.Text
            : null;
        var active = reader.Boolean(app, "active") ?? true;
        var credentials = ReadCredentials(reader, app, keyPath, baseDirectory);
        return reader.Errors.Count > errorsBefore || url is null || credentials is null
            ? null
            : new OAuthAppOptions(entry.Name, url, systemUser?.Text.Trim(), technicalUser, string.IsNullOrWhiteSpace(description) ? null : description.Trim(), active, credentials);
    }

    private static AppCredentials? ReadCredentials(ConfigReader reader, YamlSection app, string keyPath, string baseDirectory)
    {
        const string Hint = "where the client id and secret go: file, githubSecret and/or pipelineVariables";
        if (reader.Child(app, "credentials", CredentialKeys, required: true, Hint) is not { } section)
        {
            return null;
        }

        var file = reader.Text(section, "file", required: false, secret: false, "a path relative to this file, e.g. secrets/erp-sync.json");
        var fullPath = file is null ? null : Path.GetFullPath(file.Text.Trim(), baseDirectory);
        if (file is not null && fullPath is not null && CredentialFileGuard.Problem(fullPath) is { } problem)
        {
            reader.Error(file.Node, $"{section.PathOf("file")}: {problem}");
            return null;
        }

        var gitHub = ReadGitHubSecret(reader, section);
        var variables = SecretName(reader, section, "pipelineVariables", "a prefix such as ERP_SYNC (letters, digits and '_')");
        if (file is null && gitHub is null && variables is null)
        {
            if (!reader.HasErrors)
            {
                reader.Error(section.Anchor, $"{keyPath}.credentials names no destination ({Hint}): Creatio shows a new secret once, and it would be lost");
            }

            return null;
        }

        return new AppCredentials(fullPath, gitHub, variables);
    }

    private static GitHubSecretTarget? ReadGitHubSecret(ConfigReader reader, YamlSection credentials)
    {
        if (credentials.Find("githubSecret") is not { } entry)
        {
            return null;
        }

        if (entry.Value is not YamlMappingNode)
        {
            return SecretName(reader, credentials, "githubSecret", "a secret name prefix such as ERP_SYNC") is { } name ? new GitHubSecretTarget(name, null) : null;
        }

        if (reader.Section(entry.Value, credentials.PathOf("githubSecret"), entry.Key, GitHubSecretKeys, emptyIsAllowed: false) is not { } mapping)
        {
            return null;
        }

        var prefix = SecretName(reader, mapping, "name", "a secret name prefix such as ERP_SYNC");
        var environment = reader.Text(mapping, "environment", required: false, secret: false, "a GitHub environment of the repository, e.g. production");
        if (prefix is null && !mapping.Contains("name"))
        {
            reader.Missing(mapping, "name", "a secret name prefix such as ERP_SYNC");
        }

        return prefix is null ? null : new GitHubSecretTarget(prefix, environment?.Text.Trim());
    }

    /// <summary>A name for secrets or variables: GitHub's rule (letters, digits, '_'; not GITHUB_; not a digit first).</summary>
    private static string? SecretName(ConfigReader reader, YamlSection section, string name, string hint)
    {
        if (reader.Text(section, name, required: false, secret: false, hint) is not { } value)
        {
            return null;
        }

        var text = value.Text.Trim();
        if (!NamePattern().IsMatch(text) || text.StartsWith("GITHUB_", StringComparison.OrdinalIgnoreCase))
        {
            reader.Error(value.Node, $"{section.PathOf(name)} must be {hint}, not starting with a digit or GITHUB_; '{text}' is not");
            return null;
        }

        return text;
    }

    /// <summary>Two apps writing one file or one pair of secrets would overwrite each other's credentials.</summary>
    private static bool UniqueDestinations(ConfigReader reader, YamlSection section, List<OAuthAppOptions> apps)
    {
        var valid = true;
        foreach (var (what, key) in new (Func<OAuthAppOptions, string?> What, string Key)[]
                 {
                     (app => app.Credentials.File, "file"),
                     (app => app.Credentials.GitHubSecret is { } secret ? $"{secret.Environment}/{secret.Name}" : null, "githubSecret"),
                     (app => app.Credentials.PipelineVariables, "pipelineVariables"),
                 })
        {
            foreach (var group in apps.Where(app => what(app) is not null).GroupBy(app => what(app)!, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
            {
                var names = group.Select(app => app.Name).ToList();
                var node = section.Find(names[^1])!.Key;
                reader.Error(node, $"{Key}: {string.Join(" and ", names)} share credentials.{key}: each would overwrite the other's client id and secret; give each app its own");
                valid = false;
            }
        }

        return valid;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,199}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
