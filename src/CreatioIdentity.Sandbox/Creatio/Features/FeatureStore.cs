namespace CreatioIdentity.Sandbox.Creatio.Features;

/// <summary>One feature toggle as stored: the state of the All employees group.</summary>
internal sealed record FeatureRow(Guid Id, string Code, string Name, string Description, bool GroupState, bool HasStateForGroup);

/// <summary>
/// The stored feature states and the running application's cache of them. Writes change the
/// store; only <see cref="ClearCache"/> makes them effective, as in Creatio.
/// </summary>
internal sealed class FeatureStore
{
    public const string OAuth20Integration = "OAuth20Integration";
    public const string UseSeparateSettingsForOAuth20 = "UseSeparateSettingsForOAuth20";

    private readonly Lock gate = new();
    private readonly Dictionary<string, FeatureRow> stored = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, bool> cache = new(StringComparer.OrdinalIgnoreCase);

    public FeatureStore(SandboxOptions options)
    {
        // The OAuth package ships a row for "System administrators" only, so All employees has none yet.
        Add(OAuth20Integration, "OAuth 2.0 integration", "Enables the OAuth 2.0 integration with the Identity Service.", false, hasStateForGroup: false);
        Add(UseSeparateSettingsForOAuth20, "Use separate settings for OAuth 2.0", "Reads the OAuth20IdentityServer* system settings instead of IdentityServer*.", options.UseSeparateSettingsForOAuth20, hasStateForGroup: true);
        Add("UseRealTimeNotifications", "Real-time notifications", "A feature that has nothing to do with OAuth.", true, hasStateForGroup: true);
        Add("ShowSandboxBanner", "Sandbox banner", "A feature that is off and has nothing to do with OAuth.", false, hasStateForGroup: false);
        ClearCache();
    }

    public IReadOnlyList<FeatureRow> All()
    {
        lock (gate)
        {
            return [.. stored.Values];
        }
    }

    public bool GetStored(string code)
    {
        lock (gate)
        {
            return stored.TryGetValue(code, out var row) && row.GroupState;
        }
    }

    /// <summary>The state the running application acts on.</summary>
    public bool IsEffective(string code)
    {
        lock (gate)
        {
            return cache.TryGetValue(code, out var state) && state;
        }
    }

    /// <summary>What "for all users" does: writes the group row, leaves the cache alone.</summary>
    public void SetForAllUsers(string code, bool enabled)
    {
        lock (gate)
        {
            stored[code] = stored.TryGetValue(code, out var row)
                ? row with { GroupState = enabled, HasStateForGroup = true }
                : new FeatureRow(Guid.NewGuid(), code, code, string.Empty, enabled, HasStateForGroup: true);
        }
    }

    /// <summary>A preset from a test: stored and effective at once.</summary>
    public void Preset(string code, bool enabled)
    {
        lock (gate)
        {
            SetForAllUsers(code, enabled);
            cache[code] = enabled;
        }
    }

    public void ClearCache()
    {
        lock (gate)
        {
            cache = stored.Values.ToDictionary(row => row.Code, row => row.GroupState, StringComparer.OrdinalIgnoreCase);
        }
    }

    private void Add(string code, string name, string description, bool state, bool hasStateForGroup) =>
        stored[code] = new FeatureRow(Guid.NewGuid(), code, name, description, state, hasStateForGroup);
}
