using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.Creatio.DataService;
using CreatioIdentity.IdentityService;
using CreatioIdentity.Steps;
using CreatioIdentity.Tests.Creatio;

namespace CreatioIdentity.Tests.Steps;

/// <summary>
/// A step's world in-process: a Creatio that answers what the test tells it (<see cref="CreatioFixture"/>),
/// the clients the engine builds on its session, and the progress the step reports, in order.
/// </summary>
internal sealed class StepWorld : IProgress<string>
{
    /// <summary>Health check answers: connected; no token for the stored client; the Identity Service unreachable; a problem no flag explains.</summary>
    public const string Green = """{"HasProblem":false,"IsSystemSettingsFilledIn":true,"IsIdentityServiceAvailable":true,"IsAccessTokenRetrievableForSystemActions":true}""";
    public const string NoToken = """{"HasProblem":true,"IsSystemSettingsFilledIn":true,"IsIdentityServiceAvailable":true,"IsAccessTokenRetrievableForSystemActions":false}""";
    public const string Unreachable = """{"HasProblem":true,"IsSystemSettingsFilledIn":true,"IsIdentityServiceAvailable":false,"IsAccessTokenRetrievableForSystemActions":false}""";
    public const string Unexplained = """{"HasProblem":true,"IsSystemSettingsFilledIn":true,"IsIdentityServiceAvailable":true,"IsAccessTokenRetrievableForSystemActions":true}""";

    public CreatioFixture Creatio { get; } = new() { Runtime = CreatioRuntime.Net };

    public List<string> Progress { get; } = [];

    public const string IdentityServiceUrl = "https://identity.example.com/";
    public const string ClientId = "creatio";
    public const string ClientSecret = "client-secret";

    /// <summary>A file for the test's Creatio and <see cref="IdentityServiceUrl"/>, with the features and settings: given.</summary>
    public static IdentityConfig Config(IReadOnlyDictionary<string, bool>? features = null, IReadOnlyDictionary<string, string>? settings = null) => new(
        1,
        new CreatioOptions(CreatioFixture.Site, CreatioRuntime.Net, "Supervisor", new Secret("p@ss"), TimeSpan.FromSeconds(5), TlsOptions.Default),
        new IdentityServiceOptions(new Uri(IdentityServiceUrl), ClientId, new Secret(ClientSecret)),
        features ?? new Dictionary<string, bool>(),
        settings ?? new Dictionary<string, string>(),
        new ConfigSource("creatio-identity.yml", new Dictionary<string, SourceLocation>()));

    /// <summary>What the engine knows of Creatio, read through the clients of <paramref name="session"/>.</summary>
    public static CreatioFacts Facts(CreatioSession session)
    {
        var data = new DataServiceClient(session);
        return new CreatioFacts(session, new FeatureClient(session, data), new SysSettingsClient(session), new OAuthHealthClient(session), new OAuthConfigClient(session, data));
    }

    /// <summary>
    /// The context a step runs in. The Identity Service is the test's: it is never asked (the runner's
    /// own look at it is given in the facts, as Preflight leaves it).
    /// </summary>
    /// <param name="runnerToken">What the runner got from the token endpoint; a token unless told.</param>
    public StepContext Context(IdentityConfig config, StepTuning tuning, TokenProbeResult? runnerToken = null)
    {
        var session = Creatio.Session();
        var data = new DataServiceClient(session);
        var features = new FeatureClient(session, data);
        var settings = new SysSettingsClient(session);
        var oauthConfig = new OAuthConfigClient(session, data);
        var facts = new CreatioFacts(session, features, settings, new OAuthHealthClient(session), oauthConfig)
        {
            RunnerDiscovery = new DiscoveryResult(true, new Uri("https://identity.example.com/connect/token"), "The runner read the discovery document."),
            RunnerToken = runnerToken ?? new TokenProbeResult(true, "The runner got a token."),
        };
        var probe = new IdentityServiceProbe(new HttpClient(new CreatioFixture()), config);
        return new StepContext(config, session, facts, features, settings, oauthConfig, probe, this, tuning,
            new IdentityServiceChecks(config, probe, facts), new HealthSettler(facts, tuning, this));
    }

    public void Report(string value) => Progress.Add(value);
}
