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
    public IReadOnlyList<string> SecretValues() => [Creatio.Password.Reveal(), IdentityService.ClientSecret.Reveal()];
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
    TlsOptions Tls);

public sealed record TlsOptions(string? CaCertificate, bool InsecureSkipVerify)
{
    public static TlsOptions Default { get; } = new(null, false);
}

public sealed record IdentityServiceOptions(Uri Url, string ClientId, Secret ClientSecret);
