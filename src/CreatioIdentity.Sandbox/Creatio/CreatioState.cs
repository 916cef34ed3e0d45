using CreatioIdentity.Sandbox.Creatio.Auth;
using CreatioIdentity.Sandbox.Creatio.Features;
using CreatioIdentity.Sandbox.Creatio.OAuthApps;
using CreatioIdentity.Sandbox.Creatio.OAuthConfig;
using CreatioIdentity.Sandbox.Creatio.Recording;
using CreatioIdentity.Sandbox.Creatio.Settings;

namespace CreatioIdentity.Sandbox;

/// <summary>
/// What the Creatio simulator holds, for tests to preset and to assert on. Presets take effect at
/// once (past the feature cache and the settle delay); calls through the HTTP API behave as in Creatio.
/// </summary>
public sealed class CreatioState
{
    internal CreatioState(SandboxOptions options, TimeProvider time)
    {
        Features = new FeatureModel(options, time);
        Settings = new SettingStore(options, time);
        Faults = new FaultPlan(options.Latency);
    }

    /// <summary>The faults armed against this Creatio and its Identity Service, and Creatio's latency.</summary>
    public FaultPlan Faults { get; }

    /// <summary>Every request the simulator received, oldest first (a copy).</summary>
    public IReadOnlyList<RecordedRequest> Requests => Log.Snapshot();

    /// <summary>The recorded requests that change Creatio.</summary>
    public IReadOnlyList<RecordedRequest> Writes => [.. Log.Snapshot().Where(request => request.IsWrite)];

    /// <summary>How many login calls arrived, successful or not.</summary>
    public int LoginCount => Log.LoginCount;

    /// <summary>Whether OAuthResource holds a row with IsDefault; setting it adds one or removes it at once.</summary>
    public bool DefaultResourceRegistered
    {
        get => OAuthResources.Default() is not null;
        set
        {
            if (value)
            {
                OAuthResources.TryAddDefault(out _);
            }
            else
            {
                OAuthResources.RemoveDefault();
            }
        }
    }

    /// <summary>The default resource's Name (<c>ApplicationAccess_&lt;guid N&gt;</c>, AddDefaultResource's scope), or null.</summary>
    public string? DefaultResourceName => OAuthResources.Default()?.Name;

    internal FeatureModel Features { get; }

    internal SettingStore Settings { get; }

    internal OAuthResources OAuthResources { get; } = new();

    /// <summary>The integrated applications (OAuthClientApp).</summary>
    internal OAuthClientApps OAuthClientApps { get; } = new();

    /// <summary>The users (and a role) integrated applications may act as, technical users included.</summary>
    internal IntegrationUsers IntegrationUsers { get; } = new();

    /// <summary>
    /// A test preset: names AddClient refuses as the database would refuse them (the sandbox's
    /// <c>DbOperationException</c>; e.g. a unique index a site added). Nothing is created for them.
    /// </summary>
    public ISet<string> RefusedAppNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every client secret AddClient has shown (once each, as Creatio does): secrets a client must never print.</summary>
    public IReadOnlyList<string> IssuedClientSecrets => [.. issuedClientSecrets];

    internal void ClientSecretIssued(string secret) => issuedClientSecrets.Enqueue(secret);

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> issuedClientSecrets = new();

    /// <summary>Every SysAdminUnit row: the session's user and its roles, then the integration users.</summary>
    internal IReadOnlyList<AdminUnit> AllAdminUnits() => [.. Features.Units.All, .. IntegrationUsers.All()];

    internal SessionStore Sessions { get; } = new();

    internal RequestLog Log { get; } = new();

    /// <summary>The feature's stored default state (<c>[Feature].[DefaultState]</c>, AppFeature.State); false for an unknown feature.</summary>
    public bool GetFeatureState(string code) => Features.Find(code)?.DefaultState >= 1;

    /// <summary>Presets a database feature's default state, stored and served at once; adds the feature when missing.</summary>
    /// <exception cref="ArgumentException">The code is a host setting: set it through <see cref="SandboxOptions"/>.</exception>
    public void SetFeatureState(string code, bool enabled) => Features.PresetDefault(code, enabled);

    /// <summary>
    /// Presets the override row of <paramref name="unitName"/> ("System administrators", "All employees" or the
    /// sandbox's user) for a feature, stored and served at once; replaces that unit's row when there is one.
    /// </summary>
    /// <exception cref="ArgumentException">No unit has this name, or the code is a host setting.</exception>
    public void SetFeatureOverride(string code, string unitName, int state) => Features.PresetOverride(code, unitName, state);

    /// <summary>Deletes every override row of the feature, served at once.</summary>
    public void RemoveFeatureOverrides(string code) => Features.RemoveOverrides(code);

    /// <summary>The feature's override rows (AdminUnitFeatureState), by unit name.</summary>
    public IReadOnlyList<FeatureOverride> GetFeatureOverrides(string code)
    {
        var feature = Features.Find(code);
        return feature is null
            ? []
            : [.. Features.Overrides()
                .Where(row => row.FeatureId == feature.Id)
                .Select(row => new FeatureOverride(feature.Code, Features.Units.Find(row.UnitId)?.Name ?? row.UnitId.ToString(), row.State))];
    }

    /// <summary>The state the application serves the sandbox's user now, from its feature cache (StateForCurrentUser).</summary>
    public bool GetEffectiveFeatureState(string code) => Features.Served(code);

    /// <summary>The stored value as text, secrets included (a Boolean "true"/"false", a Lookup its Guid, a DateTime ISO 8601).</summary>
    public string? GetSetting(string code) => Settings.Find(code)?.Value;

    /// <summary>Presets a setting's stored text at once, unchecked; an unknown code becomes a Text setting.</summary>
    public void SetSetting(string code, string? value) => Settings.Preset(code, value);

    public void ClearRecord() => Log.Clear();

    /// <summary>Ends every open session: the next call with an old cookie gets the runtime's expiry answer.</summary>
    public void ExpireSessions() => Sessions.Clear();

    /// <summary>The .ASPXAUTH, BPMCSRF and BPMSESSIONID values of every session the simulator opened: secrets a client must never print.</summary>
    public IReadOnlyList<string> IssuedSessionSecrets => Sessions.Issued;
}
