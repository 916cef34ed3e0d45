using System.Security.Cryptography.X509Certificates;

namespace CreatioIdentity.Sandbox;

/// <summary>How a <see cref="SandboxHost"/> is set up. Every default gives a healthy, empty Creatio.</summary>
public sealed class SandboxOptions
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

    /// <summary>Initial state of the feature <c>UseSeparateSettingsForOAuth20</c>.</summary>
    public bool UseSeparateSettingsForOAuth20 { get; init; } = true;

    /// <summary>False leaves <c>IsDefaultResourceRegistered</c> out of the health check, as older versions do.</summary>
    public bool HealthCheckReportsDefaultResource { get; init; } = true;

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
}
