using System.Security.Cryptography.X509Certificates;

namespace CreatioIdentity.Sandbox;

/// <summary>
/// How a <see cref="SandboxHost"/> is set up. Every default gives a healthy, fresh Creatio 8.1 as
/// its public source shows it; the other values play the real-world variants of SPEC section 4.
/// A record, so that a variant is <c>options with { ... }</c>.
/// </summary>
public sealed record SandboxOptions
{
    public SandboxRuntime Runtime { get; init; } = SandboxRuntime.Net;

    public string CreatioUsername { get; init; } = "Supervisor";

    public string CreatioPassword { get; init; } = "Sandbox-Supervisor-1";

    /// <summary>The confidential client the Identity Service knows, as Creatio's settings should name it.</summary>
    public string ClientId { get; init; } = "creatio-sandbox";

    public string ClientSecret { get; init; } = "sandbox-client-secret-1";

    /// <summary>More confidential clients (client id to secret) the Identity Service accepts.</summary>
    public IReadOnlyDictionary<string, string> AdditionalClients { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// False makes the simulator's own calls to the Identity Service fail as a network error would,
    /// while the runner can still reach the Identity Service.
    /// </summary>
    public bool CreatioCanReachIdentityService { get; init; } = true;

    /// <summary>The host configuration key <c>Feature-EnableOAuth20Integration</c>, read by Creatio at start-up.</summary>
    public bool HostOAuthEnabled { get; init; } = true;

    /// <summary>
    /// The host setting <c>GlobalAppSettings.FeatureUseSeparateSettingsForOAuth20</c> (not a database
    /// feature): on, Creatio reads the <c>OAuth20IdentityServer*</c> settings; off, <c>IdentityServer*</c>.
    /// </summary>
    public bool UseSeparateSettingsForOAuth20 { get; init; } = true;

    /// <summary>
    /// The row the OAuth20 package of 8.1 ships (<c>Data/AdminUnitFeatureState_OAuth20Integration</c>):
    /// OAuth20Integration at 0 for "System administrators". False plays a site where it was deleted.
    /// </summary>
    public bool OAuthPackageOverrideRow { get; init; } = true;

    /// <summary>More override rows (AdminUnitFeatureState) present at start, applied after the package's row.</summary>
    public IReadOnlyList<FeatureOverride> FeatureOverrides { get; init; } = [];

    /// <summary>
    /// A web farm: a feature cache clear takes effect only this long after it was asked for, as the
    /// message hub carries it to every node.
    /// </summary>
    public TimeSpan FeatureCacheDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Text comparisons in DataService filters: false as MS SQL's default collation, true as PostgreSQL.</summary>
    public bool CaseSensitiveStrings { get; init; }

    /// <summary>The user's language, "en-US" or "ru-RU": every human message comes in it, error codes never change.</summary>
    public string Language { get; init; } = "en-US";

    /// <summary>
    /// The <c>Code</c> the login answers to the right credentials: 0 success; 1 refused (an inactive user);
    /// 2 success, password change recommended; 3 and 4 no licence; 5 success, password expired.
    /// </summary>
    public int LoginCode { get; init; }

    /// <summary>Not 200: every login gets this HTTP status and no session (401 wrong credentials, 403 password change denied).</summary>
    public int LoginStatus { get; init; } = StatusCodes.Status200OK;

    /// <summary>After the first service call sets <c>BPMSESSIONID</c>, a call without it is refused as an expired session.</summary>
    public bool RequireLaterCookies { get; init; }

    /// <summary>The login answer also carries a <c>Set-Cookie</c> header that a cookie parser refuses.</summary>
    public bool MalformedSetCookie { get; init; }

    /// <summary>The site also answers the other runtime's prefix for its services and <c>api/HealthCheck/Ping</c>.</summary>
    public bool BothPrefixes { get; init; }

    /// <summary>
    /// OAuthConfigService/CreateTechnicalUser exists (Creatio 8.2+, as clio's create-oauth-technical-user calls it);
    /// false plays 8.1, which answers 404.
    /// </summary>
    public bool TechnicalUsersAvailable { get; init; } = true;

    /// <summary>False: <c>api/OAuthHealthCheck</c> does not exist (404), as before 8.3.2 on .NET and 8.1.2 on .NET Framework.</summary>
    public bool HealthCheckAvailable { get; init; } = true;

    /// <summary>
    /// How long the health check waits before it answers that the Identity Service is not available, as
    /// Creatio waits for its own HTTP timeout; bounded by <see cref="MaxUnreachableHealthDelay"/>.
    /// </summary>
    public TimeSpan UnreachableHealthDelay { get; init; } = TimeSpan.Zero;

    /// <summary>A health check that would be green answers HasProblem true with every flag true, and a Message.</summary>
    public bool UnexplainedHealthProblem { get; init; }

    /// <summary>For this long after a settings write the health check still sees the previous values.</summary>
    public TimeSpan HealthSettleDelay { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Added to every request the Creatio simulator answers (not to its /_sandbox endpoints), as a
    /// network round trip to a distant Creatio would; zero by default. Tests can change it later through
    /// <see cref="SandboxHost.Faults"/>.
    /// </summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Port of the Creatio simulator on 127.0.0.1; 0 picks a free one.</summary>
    public int CreatioPort { get; init; }

    /// <summary>Port of the Identity Service on 127.0.0.1; 0 picks a free one.</summary>
    public int IdentityServicePort { get; init; }

    /// <summary>With a certificate (and its private key) the Creatio simulator serves HTTPS instead of http.</summary>
    public X509Certificate2? CreatioCertificate { get; init; }

    /// <summary>With a certificate (and its private key) the Identity Service serves HTTPS instead of http.</summary>
    public X509Certificate2? IdentityServiceCertificate { get; init; }

    /// <summary>
    /// A certificate authority the simulator trusts, besides the system store, when it calls the
    /// Identity Service itself (the health check), as a Creatio host with a private CA installed would.
    /// </summary>
    public X509Certificate2? TrustedAuthority { get; init; }

    /// <summary>.NET's default HttpClient timeout: no Creatio waits longer for the Identity Service.</summary>
    public static readonly TimeSpan MaxUnreachableHealthDelay = TimeSpan.FromSeconds(100);
}

/// <summary>An override row (AdminUnitFeatureState): <paramref name="UnitName"/> is a user or a role.</summary>
public sealed record FeatureOverride(string Code, string UnitName, int State);
