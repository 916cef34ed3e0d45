using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.IdentityService;

namespace CreatioIdentity.Steps;

/// <summary>Everything a step needs: the configuration, the clients, what is already known, and a way to show progress.</summary>
public sealed class StepContext(
    IdentityConfig config,
    CreatioSession session,
    CreatioFacts facts,
    FeatureClient features,
    SysSettingsClient settings,
    OAuthConfigClient oauthConfig,
    IdentityServiceProbe identityService,
    IProgress<string> progress,
    StepTuning tuning,
    IdentityServiceChecks identityServiceChecks,
    HealthSettler healthSettler)
{
    public IdentityConfig Config { get; } = config;

    public CreatioSession Session { get; } = session;

    public CreatioFacts Facts { get; } = facts;

    public FeatureClient Features { get; } = features;

    public SysSettingsClient Settings { get; } = settings;

    public OAuthConfigClient OAuthConfig { get; } = oauthConfig;

    public IdentityServiceProbe IdentityService { get; } = identityService;

    public IProgress<string> Progress { get; } = progress;

    /// <summary>The runner's own checks of the Identity Service, shared by the steps that report or need them.</summary>
    public IdentityServiceChecks IdentityServiceChecks { get; } = identityServiceChecks;

    /// <summary>Creatio's health check, polled until it settles, for the steps that judge it.</summary>
    public HealthSettler HealthSettler { get; } = healthSettler;

    public StepTuning Tuning { get; } = tuning;

    /// <summary>The engine's environment variables (a test gives its own): what a program the step starts may read.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Values for the following CI steps (OAuth app credentials), handed to the agent after each step.</summary>
    public OAuthApps.PipelineHandOffs HandOffs { get; private init; } = new();

    /// <summary>When true, steps only read and describe the changes they would make.</summary>
    public bool PlanOnly { get; private init; }

    /// <summary>When true (monitor), steps read and judge but never write, not even what Diagnose would register.</summary>
    public bool ReadOnly { get; private init; }

    /// <summary>Whether a step may write to Creatio now (neither planning nor monitoring).</summary>
    public bool MayWrite => !PlanOnly && !ReadOnly;

    public StepContext WithPlanOnly() =>
        new(Config, Session, Facts, Features, Settings, OAuthConfig, IdentityService, Progress, Tuning, IdentityServiceChecks, HealthSettler) { PlanOnly = true, ReadOnly = ReadOnly, Environment = Environment, HandOffs = HandOffs };

    public StepContext WithReadOnly() =>
        new(Config, Session, Facts, Features, Settings, OAuthConfig, IdentityService, Progress, Tuning, IdentityServiceChecks, HealthSettler) { PlanOnly = PlanOnly, ReadOnly = true, Environment = Environment, HandOffs = HandOffs };
}

/// <summary>How long the steps wait for Creatio to settle, and the most any step may take.</summary>
/// <param name="SettleTimeout">The longest TestConnection waits for a green health check.</param>
/// <param name="StableRedWindow">How long the same red answer must persist before it is taken as final.</param>
/// <param name="StepDeadline">The total time one step may take, requests, retries and waits together.</param>
/// <param name="DeadlineSet">The deadline was set on purpose (CREATIO_IDENTITY_STEP_DEADLINE_SECONDS): it is kept as it is.</param>
public sealed record StepTuning(TimeSpan SettleTimeout, TimeSpan StableRedWindow, TimeSpan StepDeadline, bool DeadlineSet = false)
{
    public const string SettleVariable = Protocol.EngineVariables.SettleSeconds;

    public const string DeadlineVariable = Protocol.EngineVariables.StepDeadlineSeconds;

    /// <summary>The deadline leaves the settling wait a minute of requests on top.</summary>
    private static readonly TimeSpan DeadlineOverSettle = TimeSpan.FromSeconds(60);

    public static StepTuning Default { get; } = new(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(120));

    /// <summary>
    /// CREATIO_IDENTITY_SETTLE_SECONDS=N caps both waits at N seconds (a slow Creatio needs more, tests less);
    /// CREATIO_IDENTITY_STEP_DEADLINE_SECONDS=N is each step's deadline (default: the settle time plus 60 s).
    /// </summary>
    public static StepTuning FromEnvironment(Func<string, string?> environment)
    {
        var tuning = Default;
        if (Seconds(environment(SettleVariable)) is { } settle)
        {
            tuning = tuning with
            {
                SettleTimeout = settle,
                StableRedWindow = settle < Default.StableRedWindow ? settle : Default.StableRedWindow,
                StepDeadline = settle + DeadlineOverSettle,
            };
        }

        return Seconds(environment(DeadlineVariable)) is { } deadline && deadline > TimeSpan.Zero ? tuning with { StepDeadline = deadline, DeadlineSet = true } : tuning;
    }

    /// <summary>
    /// The deadline of a step for this site: unless it was set on purpose, never shorter than one health
    /// check may take plus half a minute of other requests, so that a slow health check is reported as
    /// what it is, not as a deadline.
    /// </summary>
    public TimeSpan DeadlineFor(CreatioOptions creatio)
    {
        ArgumentNullException.ThrowIfNull(creatio);
        var floor = creatio.HealthCheckTimeout + TimeSpan.FromSeconds(30);
        return DeadlineSet || StepDeadline > floor ? StepDeadline : floor;
    }

    private static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds < 86_400
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
