using YamlDotNet.RepresentationModel;

namespace CreatioIdentity.Configuration;

/// <summary>One Creatio site with its Identity Service, features and settings.</summary>
internal sealed record Site(
    CreatioOptions Creatio,
    IdentityServiceOptions IdentityService,
    IReadOnlyDictionary<string, bool> Features,
    IReadOnlyDictionary<string, string> Settings,
    bool AllowInsecureHttp)
{
    /// <summary>The codes under settings: whose values are secrets (<c>secret: true</c>).</summary>
    public IReadOnlySet<string> SecretSettings { get; init; } = new HashSet<string>();

    public OAuthAppsOptions OAuthApps { get; init; } = OAuthAppsOptions.None;
}

/// <summary>
/// Reads the keys that describe one site. Version 1 files hold one site at the top level; the
/// planned <c>environments:</c> will hold several, each a mapping of these same keys merged over
/// <c>defaults:</c>, and read by this same function.
/// </summary>
internal static class SiteReader
{
    public const string DefaultFeature = "OAuth20Integration";
    public const int DefaultTimeoutSeconds = 30;

    public const string AllowInsecureHttpKey = "allowInsecureHttp";

    public static IReadOnlyList<string> Keys { get; } = ["creatio", "identityService", "features", "settings", OAuthAppsReader.Key, AllowInsecureHttpKey];

    private static readonly string[] CreatioKeys = ["url", "runtime", "username", "password", "timeoutSeconds", "healthCheckTimeoutSeconds", "featureConfirmSeconds", "tls"];
    private static readonly string[] TlsKeys = ["caCertificate", "insecureSkipVerify"];
    private static readonly string[] IdentityServiceKeys = ["url", "clientId", "clientSecret", "tls", TokenEndpointHostsKey];

    private const string TokenEndpointHostsKey = "tokenEndpointHosts";

    private static readonly Dictionary<string, CreatioRuntime> Runtimes = new(StringComparer.Ordinal)
    {
        ["auto"] = CreatioRuntime.Auto,
        ["net"] = CreatioRuntime.Net,
        ["netframework"] = CreatioRuntime.NetFramework,
    };

    /// <summary>
    /// Reads the site keys of <paramref name="site"/> (the caller has checked for unknown keys).
    /// Relative file paths are taken from <paramref name="baseDirectory"/>. Null when anything was
    /// wrong; every problem is in the reader.
    /// </summary>
    public static Site? Read(ConfigReader reader, YamlSection site, string baseDirectory)
    {
        var allowInsecureHttp = reader.Boolean(site, AllowInsecureHttpKey) ?? false;

        var creatioSection = reader.Child(site, "creatio", CreatioKeys, required: true, "the Creatio site: url, username, password");
        var creatio = creatioSection is null ? null : ReadCreatio(reader, creatioSection, baseDirectory, allowInsecureHttp);

        var identitySection = reader.Child(site, "identityService", IdentityServiceKeys, required: true, "the Identity Service: url, clientId, clientSecret");
        var identityService = identitySection is null ? null : ReadIdentityService(reader, identitySection, baseDirectory, allowInsecureHttp);
        WarnOfCreatioCaAlone(reader, creatioSection, identitySection);

        var features = ReadFeatures(reader, site);
        var settings = SettingsReader.Read(reader, site);
        var oauthApps = OAuthAppsReader.Read(reader, site, baseDirectory);

        return creatio is null || identityService is null || features is null || settings is null || oauthApps is null
            ? null
            : new Site(creatio, identityService, features, settings.Values, allowInsecureHttp) { SecretSettings = settings.Secrets, OAuthApps = oauthApps };
    }

    /// <summary>
    /// A password or client secret crosses the network in clear over http. That is harmless only
    /// when it never leaves this machine (loopback), or when the file says so on purpose.
    /// </summary>
    private static void RequireEncryption(ConfigReader reader, YamlSection section, Uri? url, bool allowInsecureHttp, string secretPath)
    {
        if (url is null || url.Scheme != Uri.UriSchemeHttp || url.IsLoopback || section.Find("url") is not { } entry)
        {
            return;
        }

        var keyPath = section.PathOf("url");
        if (allowInsecureHttp)
        {
            reader.Warning(entry.Value, $"INSECURE: {keyPath} is plain http and {AllowInsecureHttpKey} is true, so {secretPath} crosses the network to {url.Host} unencrypted; anyone on the path can read it. Use https:// outside a test network");
            return;
        }

        reader.Error(entry.Value, $"{keyPath} is plain http to {url.Host}, which is not this machine: {secretPath} would cross the network unencrypted. Use https://; only on a network you trust, write '{AllowInsecureHttpKey}: true' at the top level of the file");
    }

    /// <summary>
    /// Until this version creatio.tls.caCertificate trusted the CA for the Identity Service too.
    /// Each service now has its own block; a file written for the old rule is told so, once.
    /// </summary>
    private static void WarnOfCreatioCaAlone(ConfigReader reader, YamlSection? creatio, YamlSection? identityService)
    {
        if (creatio?.Find("tls") is { Value: YamlMappingNode tls } && tls.Children.TryGetValue("caCertificate", out var value)
            && identityService is not null && !identityService.Contains("tls"))
        {
            var ca = creatio.PathOf("tls") + ".caCertificate";
            reader.Warning(value, $"{ca} trusts that CA for Creatio only; it no longer applies to the Identity Service. If the Identity Service's certificate comes from the same CA, add 'tls: {{ caCertificate: <the same file> }}' under {identityService.Path}; if it needs none, write 'tls: {{}}' there to say so");
        }
    }

    private static CreatioOptions? ReadCreatio(ConfigReader reader, YamlSection section, string baseDirectory, bool allowInsecureHttp)
    {
        var url = reader.Url(section, "url", "the site root, e.g. https://creatio.example.com", $"{section.PathOf("username")} and {section.PathOf("password")}");
        RequireEncryption(reader, section, url, allowInsecureHttp, $"the password (and the client secret, written into Creatio's settings)");
        var runtime = reader.Choice(section, "runtime", Runtimes) ?? CreatioRuntime.Auto;
        var username = reader.Text(section, "username", required: true, secret: false, "the Creatio user, e.g. ${CREATIO_USERNAME}");
        var password = ReadSecret(reader, section, "password", "the user's password, e.g. ${CREATIO_PASSWORD}");
        var timeoutSeconds = reader.PositiveInteger(section, "timeoutSeconds", "seconds") ?? DefaultTimeoutSeconds;
        var healthCheckTimeoutSeconds = reader.PositiveInteger(section, "healthCheckTimeoutSeconds", "seconds") ?? CreatioOptions.DefaultHealthCheckTimeoutSeconds;
        var featureConfirmSeconds = reader.PositiveInteger(section, "featureConfirmSeconds", "seconds") ?? CreatioOptions.DefaultFeatureConfirmSeconds;
        var tls = ReadTls(reader, section, baseDirectory, "Creatio's certificate is not checked, so whoever sits on the network path can read the password and the client secret written into Creatio");

        return url is null || username is null || password is null
            ? null
            : new CreatioOptions(url, runtime, username.Text, password, TimeSpan.FromSeconds(timeoutSeconds), tls)
            {
                HealthCheckTimeout = TimeSpan.FromSeconds(healthCheckTimeoutSeconds),
                FeatureConfirmWindow = TimeSpan.FromSeconds(featureConfirmSeconds),
            };
    }

    /// <summary>The <c>tls:</c> block of <paramref name="parent"/>: it applies to that service alone.</summary>
    private static TlsOptions ReadTls(ConfigReader reader, YamlSection parent, string baseDirectory, string risk)
    {
        if (reader.Child(parent, "tls", TlsKeys, required: false, "caCertificate, insecureSkipVerify") is not { } section)
        {
            return TlsOptions.Default;
        }

        var caCertificate = reader.Text(section, "caCertificate", required: false, secret: false, "the path of a PEM file, relative to this file");
        var insecureSkipVerify = reader.Boolean(section, "insecureSkipVerify") ?? false;
        if (insecureSkipVerify && section.Find("insecureSkipVerify") is { } entry)
        {
            reader.Warning(entry.Value, $"INSECURE: {section.PathOf("insecureSkipVerify")} is true: {risk}; use it only against a test site, and trust a private CA with {section.PathOf("caCertificate")} instead");
        }

        return new TlsOptions(caCertificate is null ? null : Path.GetFullPath(caCertificate.Text, baseDirectory), insecureSkipVerify);
    }

    private static IdentityServiceOptions? ReadIdentityService(ConfigReader reader, YamlSection section, string baseDirectory, bool allowInsecureHttp)
    {
        var url = reader.Url(section, "url", "the Identity Service root, e.g. https://identity.example.com", $"{section.PathOf("clientId")} and {section.PathOf("clientSecret")}");
        RequireEncryption(reader, section, url, allowInsecureHttp, section.PathOf("clientSecret"));
        var clientId = reader.Text(section, "clientId", required: true, secret: false, "the client Creatio uses, e.g. ${IDENTITY_CLIENT_ID}");
        var clientSecret = ReadSecret(reader, section, "clientSecret", "the client's secret, e.g. ${IDENTITY_CLIENT_SECRET}");
        var tls = ReadTls(reader, section, baseDirectory, "the Identity Service's certificate is not checked, so whoever sits on the network path can read the client secret");
        var hosts = ReadHosts(reader, section, TokenEndpointHostsKey);

        return url is null || clientId is null || clientSecret is null || hosts is null
            ? null
            : new IdentityServiceOptions(url, clientId.Text, clientSecret) { Tls = tls, TokenEndpointHosts = hosts };
    }

    /// <summary>A list of host names (no scheme, port or path); empty when absent.</summary>
    private static List<string>? ReadHosts(ConfigReader reader, YamlSection section, string name)
    {
        if (section.Find(name) is not { } entry)
        {
            return [];
        }

        var keyPath = section.PathOf(name);
        if (entry.Value is not YamlSequenceNode list)
        {
            reader.Error(entry.Value, $"{keyPath} must be a list of host names, e.g. [login.example.com]");
            return null;
        }

        var hosts = new List<string>();
        var valid = true;
        foreach (var item in list.Children)
        {
            var host = reader.Scalar(item, keyPath, secret: false, "a host name")?.Text.Trim();
            if (host is not null && Uri.CheckHostName(host) != UriHostNameType.Unknown)
            {
                hosts.Add(host);
                continue;
            }

            if (host is not null)
            {
                reader.Error(item, $"{keyPath} holds '{host}', which is not a host name: write the host alone, e.g. login.example.com (no scheme, port or path)");
            }

            valid = false;
        }

        reader.Remember(keyPath, entry.Key);
        return valid ? hosts : null;
    }

    private static Secret? ReadSecret(ConfigReader reader, YamlSection section, string name, string hint)
    {
        if (reader.Text(section, name, required: true, secret: true, hint) is not { } value)
        {
            return null;
        }

        if (value.References.Count == 0)
        {
            reader.Warning(value.Node, $"{section.PathOf(name)} is written literally in the file; pass it through ${{VAR}} so it stays out of version control");
        }

        return new Secret(value.Text);
    }

    private static Dictionary<string, bool>? ReadFeatures(ConfigReader reader, YamlSection site)
    {
        if (!site.Contains("features"))
        {
            return new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase) { [DefaultFeature] = true };
        }

        if (reader.Child(site, "features", allowedKeys: null, required: false, "feature code: true or false") is not { } section)
        {
            return null;
        }

        var features = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var valid = true;
        foreach (var entry in section.Entries)
        {
            var state = reader.Boolean(section, entry.Name);
            valid &= state is not null && FeatureCodes.IsWrittenAsCreatio(reader, entry, section) && IsNew(reader, features, entry, section, "feature");
            if (state is { } wanted)
            {
                features[entry.Name] = wanted;
            }
        }

        return valid ? features : null;
    }

    /// <summary>
    /// "Foo" and "foo" are one setting to Creatio; as features, at most one of them is Creatio's (codes
    /// are case-sensitive, <see cref="FeatureCodes"/>), and on MSSQL both would find the same row.
    /// </summary>
    internal static bool IsNew<T>(ConfigReader reader, Dictionary<string, T> seen, YamlSection.Entry entry, YamlSection section, string what)
    {
        if (!seen.ContainsKey(entry.Name))
        {
            return true;
        }

        reader.Error(entry.Key, what == "feature"
            ? $"{section.PathOf(entry.Name)} repeats feature code '{seen.Keys.First(code => string.Equals(code, entry.Name, StringComparison.OrdinalIgnoreCase))}' in other letter case: feature codes are case-sensitive, so keep only the one written as Creatio's /0/Flags page shows it"
            : $"{section.PathOf(entry.Name)} repeats a {what} code already listed (codes ignore case)");
        return false;
    }
}
