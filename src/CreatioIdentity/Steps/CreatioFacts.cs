using CreatioIdentity.Checks;
using CreatioIdentity.Creatio;
using CreatioIdentity.IdentityService;

namespace CreatioIdentity.Steps;

/// <summary>The features of features: as Creatio has them: the /0/Flags rows and the override rows.</summary>
public sealed record FeatureReading(IReadOnlyList<AppFeature> Features, IReadOnlyList<FeatureOverride> Overrides);

/// <summary>
/// What this process has already read, so that no read is repeated within a process; and a green
/// health answer, which the processes of one run share until anything is written. A write forgets
/// what it may have changed.
/// </summary>
public sealed class CreatioFacts(CreatioSession session, FeatureClient features, SysSettingsClient settings, OAuthHealthClient health, OAuthConfigClient oauthConfig)
{
    private readonly Dictionary<string, SettingValue> settingValues = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> settingsRead = new(StringComparer.OrdinalIgnoreCase);
    private FeatureReading? featureReading;
    private OAuthHealth? lastHealth;
    private OAuthResource? defaultResource;
    private bool defaultResourceRead;

    /// <summary>The runner's own look at the Identity Service, when a step of this process took it.</summary>
    public DiscoveryResult? RunnerDiscovery { get; set; }

    public TokenProbeResult? RunnerToken { get; set; }

    public CheckResult? Login { get; set; }

    /// <summary>The features of <paramref name="codes"/> and their override rows, read once (two DataService queries; a third when a code is not found).</summary>
    public async Task<FeatureReading> FeaturesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        featureReading ??= new FeatureReading(
            await WithOtherLetterCasesAsync(codes, await features.ReadAsync(codes, cancellationToken), cancellationToken),
            await features.ReadOverridesAsync(codes, cancellationToken));

    /// <summary>
    /// A code the filter did not find may still be there in another letter case: a database that compares
    /// text case-sensitively (PostgreSQL) does not return it. Only then is every code read, so that the
    /// verdict can name the code as Creatio writes it.
    /// </summary>
    private async Task<IReadOnlyList<AppFeature>> WithOtherLetterCasesAsync(IReadOnlyCollection<string> codes, IReadOnlyList<AppFeature> found, CancellationToken cancellationToken)
    {
        if (codes.All(code => found.Any(feature => string.Equals(feature.Code, code, StringComparison.OrdinalIgnoreCase))))
        {
            return found;
        }

        var all = await features.ReadCodesAsync(cancellationToken);
        return [.. found, .. all.Where(feature => found.All(known => known.Id != feature.Id))];
    }

    /// <summary>The values of the codes (absent codes left out), asking Creatio only for codes not read yet.</summary>
    public async Task<IReadOnlyDictionary<string, SettingValue>> SettingsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
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

    /// <summary>The health check's answer: read in this process, shared green by an earlier one of this run, or asked for now.</summary>
    public async Task<OAuthHealth> HealthAsync(CancellationToken cancellationToken) =>
        lastHealth ??= session.SharedHealth ?? await RefreshHealthAsync(cancellationToken);

    /// <summary>A new answer from the health check, whatever is known (polling).</summary>
    public async Task<OAuthHealth> RefreshHealthAsync(CancellationToken cancellationToken)
    {
        lastHealth = await health.GetAsync(cancellationToken);
        session.ShareHealth(lastHealth);
        return lastHealth;
    }

    public async Task<OAuthResource?> DefaultResourceAsync(CancellationToken cancellationToken)
    {
        if (!defaultResourceRead)
        {
            defaultResource = await oauthConfig.DefaultResourceAsync(cancellationToken);
            defaultResourceRead = true;
        }

        return defaultResource;
    }

    public void FeaturesChanged()
    {
        featureReading = null;
        HealthChanged();
    }

    public void SettingsChanged(IEnumerable<string> codes)
    {
        foreach (var code in codes)
        {
            settingsRead.Remove(code);
            settingValues.Remove(code);
        }

        HealthChanged();
    }

    public void DefaultResourceChanged()
    {
        defaultResourceRead = false;
        HealthChanged();
    }

    /// <summary>Something was written: no health answer read before it stands for Creatio now, in this process or a later one.</summary>
    private void HealthChanged()
    {
        lastHealth = null;
        session.ShareHealth(null);
    }
}
