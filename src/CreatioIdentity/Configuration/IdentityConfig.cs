namespace CreatioIdentity.Configuration;

/// <summary>A validated configuration file: every value resolved, every position remembered.</summary>
public sealed record IdentityConfig(
    int Version,
    CreatioOptions Creatio,
    IdentityServiceOptions IdentityService,
    IReadOnlyDictionary<string, bool> Features,
    IReadOnlyDictionary<string, string> Settings,
    ConfigSource Source)
{
    /// <summary>Warnings found while loading (a literal secret, insecureSkipVerify).</summary>
    public IReadOnlyList<ConfigDiagnostic> Warnings { get; init; } = [];

    /// <summary>The environment's name when the file has <c>environments:</c>; null for a single-site file.</summary>
    public string? Environment { get; init; }

    /// <summary>The file allows plain http to a host other than this machine (<c>allowInsecureHttp: true</c>).</summary>
    public bool AllowInsecureHttp { get; init; }

    /// <summary>The values nothing may ever print or write: the Creatio password and the client secret.</summary>
    /// <summary>The codes under settings: whose values are secrets (<c>secret: true</c>).</summary>
    public IReadOnlySet<string> SecretSettings { get; init; } = new HashSet<string>();

    /// <summary>The OAuth 2.0 integrated applications of <c>oauthApps:</c>; <see cref="OAuthAppsOptions.None"/> without the key.</summary>
    public OAuthAppsOptions OAuthApps { get; init; } = OAuthAppsOptions.None;

    public IReadOnlyList<string> SecretValues() =>
        [Creatio.Password.Reveal(), IdentityService.ClientSecret.Reveal(), .. SecretSettings.Where(Settings.ContainsKey).Select(code => Settings[code])];
}

public enum CreatioRuntime
{
    Auto,
    Net,
    NetFramework,
}

public sealed record CreatioOptions(
    Uri Url,
    CreatioRuntime Runtime,
    string Username,
    Secret Password,
    TimeSpan Timeout,
    TlsOptions Tls)
{
    /// <summary>
    /// How long one health check may take (creatio.healthCheckTimeoutSeconds). Creatio answers it after
    /// its own call to the Identity Service, which can take its whole HTTP timeout (.NET's default is
    /// 100 s) when the Identity Service cannot be reached from the Creatio host.
    /// </summary>
    public TimeSpan HealthCheckTimeout { get; init; } = TimeSpan.FromSeconds(DefaultHealthCheckTimeoutSeconds);

    /// <summary>
    /// How long a feature written for all users may take to be in effect after the cache was cleared
    /// (creatio.featureConfirmSeconds): on a web farm the clear reaches the other nodes over the message hub.
    /// </summary>
    public TimeSpan FeatureConfirmWindow { get; init; } = TimeSpan.FromSeconds(DefaultFeatureConfirmSeconds);

    public const int DefaultHealthCheckTimeoutSeconds = 110;

    public const int DefaultFeatureConfirmSeconds = 30;
}

public sealed record TlsOptions(string? CaCertificate, bool InsecureSkipVerify)
{
    public static TlsOptions Default { get; } = new(null, false);
}

public sealed record IdentityServiceOptions(Uri Url, string ClientId, Secret ClientSecret)
{
    /// <summary>The Identity Service's own TLS rules (identityService.tls); Creatio's never apply to it.</summary>
    public TlsOptions Tls { get; init; } = TlsOptions.Default;

    /// <summary>
    /// Hosts besides identityService.url's own origin where the discovery document may put the
    /// token endpoint (identityService.tokenEndpointHosts); the client secret goes nowhere else.
    /// </summary>
    public IReadOnlyList<string> TokenEndpointHosts { get; init; } = [];
}
