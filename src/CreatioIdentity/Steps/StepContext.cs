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
    StepTuning tuning)
{
    public IdentityConfig Config { get; } = config;

    public CreatioSession Session { get; } = session;

    public CreatioFacts Facts { get; } = facts;

    public FeatureClient Features { get; } = features;

    public SysSettingsClient Settings { get; } = settings;

    public OAuthConfigClient OAuthConfig { get; } = oauthConfig;

    public IdentityServiceProbe IdentityService { get; } = identityService;

    public IProgress<string> Progress { get; } = progress;

    public StepTuning Tuning { get; } = tuning;

    /// <summary>When true, steps only read and describe the changes they would make.</summary>
    public bool PlanOnly { get; private init; }

    /// <summary>When true (monitor), steps read and judge but never write, not even what Diagnose would register.</summary>
    public bool ReadOnly { get; private init; }

    public StepContext WithPlanOnly() =>
        new(Config, Session, Facts, Features, Settings, OAuthConfig, IdentityService, Progress, Tuning) { PlanOnly = true, ReadOnly = ReadOnly };

    public StepContext WithReadOnly() =>
        new(Config, Session, Facts, Features, Settings, OAuthConfig, IdentityService, Progress, Tuning) { PlanOnly = PlanOnly, ReadOnly = true };
}

/// <summary>How long the steps wait for Creatio to settle.</summary>
/// <param name="SettleTimeout">The longest TestConnection waits for a green health check.</param>
/// <param name="StableRedWindow">How long the same red answer must persist before it is taken as final.</param>
/// <param name="FeatureConfirmAttempts">How often a feature's effective state is asked for after the cache was cleared.</param>
public sealed record StepTuning(TimeSpan SettleTimeout, TimeSpan StableRedWindow, int FeatureConfirmAttempts)
{
    public const string SettleVariable = "CREATIO_IDENTITY_SETTLE_SECONDS";

    public static StepTuning Default { get; } = new(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5), 4);

    /// <summary>CREATIO_IDENTITY_SETTLE_SECONDS=N caps both waits at N seconds (a slow Creatio needs more, tests less).</summary>
    public static StepTuning FromEnvironment(Func<string, string?> environment)
    {
        var text = environment(SettleVariable);
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
        {
            return Default;
        }

        var span = TimeSpan.FromSeconds(seconds);
        return Default with { SettleTimeout = span, StableRedWindow = span < Default.StableRedWindow ? span : Default.StableRedWindow };
    }
}
