namespace CreatioIdentity.Sandbox.Creatio.Features;

/// <summary>
/// The feature tables, the admin units, the effective-state rule and the cache, behind one lock.
/// Effective state for the user (8.1 <c>FeatureValueProvider.GetFeatureState</c>: TOP 1 FeatureState
/// ORDER BY FeatureState DESC over the rows of every unit the user belongs to): the highest state of the
/// rows that apply to the user when there is one, else the feature's default state. A host switch
/// (not in the Feature table) is simply its host value.
/// </summary>
internal sealed class FeatureModel
{
    /// <summary>The row the OAuth20 package ships (<c>Data/AdminUnitFeatureState_OAuth20Integration</c>).</summary>
    public static readonly Guid OAuthPackageRowId = new("e070cb4a-0cf5-483f-91a7-76310979e5df");

    /// <summary>The row the OAuth20Integration package ships (<c>Data/AdminUnitFeatureState_RefreshAccessTokenUnderLock</c>).</summary>
    public static readonly Guid RefreshTokenRowId = new("fa3b9340-bade-43f7-a853-699fd7da10fe");

    private readonly Lock gate = new();
    private readonly FeatureTable table;
    private readonly FeatureOverrides overrides = new();
    private readonly FeatureCache cache;

    public FeatureModel(SandboxOptions options, TimeProvider time)
    {
        Units = new AdminUnits(options.CreatioUsername);
        table = new FeatureTable(options);
        cache = new FeatureCache(time, options.FeatureCacheDelay);

        overrides.Set(FeatureTable.RefreshAccessTokenUnderLockId, AdminUnits.AllEmployeesId, 1, RefreshTokenRowId);
        if (options.OAuthPackageOverrideRow)
        {
            overrides.Set(FeatureTable.OAuth20IntegrationId, AdminUnits.SystemAdministratorsId, 0, OAuthPackageRowId);
        }

        foreach (var row in options.FeatureOverrides)
        {
            PresetOverride(row.Code, row.UnitName, row.State);
        }

        // A running site has read its features long before anyone writes one.
        foreach (var feature in table.All)
        {
            cache.Set(feature.Code, StoredEffective(feature.Code));
        }
    }

    public AdminUnits Units { get; }

    public IReadOnlyList<FeatureRow> Features() => Locked(() => table.All);

    public IReadOnlyList<FeatureRow> DatabaseFeatures() => Locked(() => table.Database);

    public IReadOnlyList<OverrideRow> Overrides() => Locked(() => overrides.All);

    public FeatureRow? Find(string code) => Locked(() => table.Find(code));

    /// <summary>What the rule gives from the tables right now, whatever the cache says.</summary>
    public bool Effective(string code) => Locked(() => StoredEffective(code));

    /// <summary>What the application serves the user: the cached state (false for an unknown feature).</summary>
    public bool Served(string code) => Locked(() => cache.Get(code, StoredEffective));

    /// <summary>ClearFeaturesCacheForAllUsers: one feature, or all of them when <paramref name="code"/> is null.</summary>
    public void ClearCache(string? code) => Locked(() => cache.Clear(code));

    /// <summary>A test preset of the default state: stored and served at once.</summary>
    /// <exception cref="ArgumentException">The feature is a host setting: set it through <see cref="SandboxOptions"/>.</exception>
    public void PresetDefault(string code, bool enabled) => Locked(() =>
    {
        if (table.Find(code) is { InDatabase: false } host)
        {
            throw new ArgumentException($"{code} is a host setting ({host.Source}): set it through SandboxOptions.", nameof(code));
        }

        table.SetDefault(code, enabled ? 1 : 0);
        cache.Set(code, StoredEffective(code));
    });

    /// <summary>A test preset of an override row: stored and served at once.</summary>
    /// <exception cref="ArgumentException">The feature is not in the database, or no unit has this name.</exception>
    public void PresetOverride(string code, string unitName, int state) => Locked(() =>
    {
        var feature = table.Find(code) ?? table.SetDefault(code, 0);
        if (!feature.InDatabase)
        {
            throw new ArgumentException($"{code} is a host setting ({feature.Source}); the feature tables cannot hold it.", nameof(code));
        }

        var unit = Units.Find(unitName)
            ?? throw new ArgumentException($"No user or role is named '{unitName}'; the sandbox has {string.Join(", ", Units.All.Select(u => u.Name))}.", nameof(unitName));
        overrides.Set(feature.Id, unit.Id, state);
        cache.Set(feature.Code, StoredEffective(feature.Code));
    });

    /// <summary>A test preset: the feature has no override row any more, served at once.</summary>
    public void RemoveOverrides(string code) => Locked(() =>
    {
        if (table.Find(code) is { } feature)
        {
            overrides.RemoveFor(feature.Id);
            cache.Set(feature.Code, StoredEffective(feature.Code));
        }
    });

    /// <summary>
    /// FeatureService/SetFeatureStateForAllUsers as 8.1 does it (<c>SafeSetAdminUnitFeatureState</c>, forAllUsers):
    /// sets every existing override row of the feature, or creates one row for the calling user when there
    /// is none; never touches the default, never the cache. False for a feature the Feature table lacks.
    /// </summary>
    public bool SetForAllUsers(string code, int state) => Locked(() =>
    {
        if (table.Find(code) is not { InDatabase: true } feature)
        {
            return false;
        }

        var rows = overrides.For(feature.Id);
        if (rows.Count == 0)
        {
            overrides.Set(feature.Id, Units.User.Id, state);
        }

        foreach (var row in rows)
        {
            overrides.Update(row.Id, state);
        }

        return true;
    });

    /// <summary>An UpdateQuery on AppFeature.State: the default state of a database feature; the cache is left alone.</summary>
    public bool UpdateDefault(Guid featureId, bool enabled) => Locked(() => table.SetDefault(featureId, enabled ? 1 : 0) is not null);

    /// <summary>An UpdateQuery on AdminUnitFeatureState.FeatureState; the cache is left alone.</summary>
    public bool UpdateOverride(Guid rowId, int state) => Locked(() => overrides.Update(rowId, state));

    private bool StoredEffective(string code)
    {
        if (table.Find(code) is not { } feature)
        {
            return false;
        }

        var applying = overrides.For(feature.Id).Where(row => Units.AppliesToUser(row.UnitId)).ToList();
        return applying.Count > 0 ? applying.Max(row => row.State) >= 1 : feature.DefaultState >= 1;
    }

    private T Locked<T>(Func<T> read)
    {
        lock (gate)
        {
            return read();
        }
    }

    private void Locked(Action write)
    {
        lock (gate)
        {
            write();
        }
    }
}
