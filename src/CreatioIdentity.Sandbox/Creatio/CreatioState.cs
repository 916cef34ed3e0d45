using CreatioIdentity.Sandbox.Creatio.Auth;
using CreatioIdentity.Sandbox.Creatio.Features;
using CreatioIdentity.Sandbox.Creatio.Recording;
using CreatioIdentity.Sandbox.Creatio.Settings;

namespace CreatioIdentity.Sandbox;

/// <summary>
/// What the Creatio simulator holds, for tests to preset and to assert on. Presets take effect at
/// once (no feature cache, no settle delay); calls through the HTTP API behave as in Creatio.
/// </summary>
public sealed class CreatioState
{
    private int defaultResourceRegistered;

    internal CreatioState(SandboxOptions options, TimeProvider time)
    {
        Features = new FeatureStore(options);
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

    public bool DefaultResourceRegistered
    {
        get => Volatile.Read(ref defaultResourceRegistered) == 1;
        set => Volatile.Write(ref defaultResourceRegistered, value ? 1 : 0);
    }

    internal FeatureStore Features { get; }

    internal SettingStore Settings { get; }

    internal SessionStore Sessions { get; } = new();

    internal RequestLog Log { get; } = new();

    /// <summary>The stored group state (what "for all users" wrote), not the cached one.</summary>
    public bool GetFeatureState(string code) => Features.GetStored(code);

    /// <summary>Presets a feature for all users, stored and effective at once.</summary>
    public void SetFeatureState(string code, bool enabled) => Features.Preset(code, enabled);

    /// <summary>The stored value, secrets included.</summary>
    public string? GetSetting(string code) => Settings.Find(code)?.Value;

    public void SetSetting(string code, string? value) => Settings.Preset(code, value);

    public void ClearRecord() => Log.Clear();

    /// <summary>Ends every open session: the next call with an old cookie gets 401.</summary>
    public void ExpireSessions() => Sessions.Clear();

    /// <summary>The .ASPXAUTH and BPMCSRF values of every session the simulator opened: secrets a client must never print.</summary>
    public IReadOnlyList<string> IssuedSessionSecrets => Sessions.Issued;

    /// <summary>Registers the default resource unless it is there already.</summary>
    internal bool TryRegisterDefaultResource() => Interlocked.CompareExchange(ref defaultResourceRegistered, 1, 0) == 0;
}
