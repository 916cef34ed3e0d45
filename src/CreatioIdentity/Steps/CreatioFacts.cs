using CreatioIdentity.Checks;
using CreatioIdentity.Creatio;
using CreatioIdentity.IdentityService;

namespace CreatioIdentity.Steps;

/// <summary>
/// What this process has already read, so that no read is repeated within a process. A write
/// forgets what it may have changed.
/// </summary>
public sealed class CreatioFacts(FeatureClient features, SysSettingsClient settings, OAuthHealthClient health)
{
    private IReadOnlyList<FeatureInfo>? featureInfo;
    private readonly Dictionary<string, string?> settingValues = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> settingsRead = new(StringComparer.OrdinalIgnoreCase);
    private OAuthHealth? lastHealth;

    /// <summary>The runner's own look at the Identity Service, when a step of this process took it.</summary>
    public DiscoveryResult? RunnerDiscovery { get; set; }

    public TokenProbeResult? RunnerToken { get; set; }

    public CheckResult? Login { get; set; }

    public async Task<IReadOnlyList<FeatureInfo>> FeaturesAsync(CancellationToken cancellationToken) =>
        featureInfo ??= await features.GetFeaturesInfoAsync(cancellationToken);

    /// <summary>The values of the codes (absent codes left out), asking Creatio only for codes not read yet.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> SettingsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var missing = codes.Where(code => !settingsRead.Contains(code)).ToList();
        if (missing.Count > 0)
        {
            var values = await settings.QueryAsync(missing, cancellationToken);
            foreach (var code in missing)
            {
                settingsRead.Add(code);
                if (values.TryGetValue(code, out var value))
                {
                    settingValues[code] = value;
                }
            }
        }

        return codes.Where(settingValues.ContainsKey).ToDictionary(code => code, code => settingValues[code], StringComparer.OrdinalIgnoreCase);
    }

    public async Task<OAuthHealth> HealthAsync(CancellationToken cancellationToken) =>
        lastHealth ??= await health.GetAsync(cancellationToken);

    /// <summary>A new answer from the health check, whatever is known (polling).</summary>
    public async Task<OAuthHealth> RefreshHealthAsync(CancellationToken cancellationToken) =>
        lastHealth = await health.GetAsync(cancellationToken);

    public void FeaturesChanged()
    {
        featureInfo = null;
        lastHealth = null;
    }

    public void SettingsChanged(IEnumerable<string> codes)
    {
        foreach (var code in codes)
        {
            settingsRead.Remove(code);
            settingValues.Remove(code);
        }

        lastHealth = null;
    }

    public void HealthChanged() => lastHealth = null;
}
