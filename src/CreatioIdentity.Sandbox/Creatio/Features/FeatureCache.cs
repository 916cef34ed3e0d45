namespace CreatioIdentity.Sandbox.Creatio.Features;

/// <summary>
/// The running application's cache of effective feature states for the sandbox's user: what
/// GetFeatureState and AppFeature.StateForCurrentUser serve. A write to the tables does not touch
/// it; a clear drops entries, and the next read loads the stored state again. On a web farm
/// (<see cref="SandboxOptions.FeatureCacheDelay"/>) a clear reaches this node only after the delay,
/// as the message hub carries it (8.1 <c>FeatureService.ClearFeaturesCache</c> publishes a
/// FeatureChangedNotification). Not thread-safe: <see cref="FeatureModel"/> holds the lock.
/// </summary>
internal sealed class FeatureCache(TimeProvider time, TimeSpan delay)
{
    private readonly Dictionary<string, bool> cached = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(DateTimeOffset Due, string? Code)> pending = [];

    /// <summary>The cached state, loaded through <paramref name="load"/> when the entry was dropped.</summary>
    public bool Get(string code, Func<string, bool> load)
    {
        ApplyDueClears();
        if (!cached.TryGetValue(code, out var state))
        {
            state = load(code);
            cached[code] = state;
        }

        return state;
    }

    /// <summary>A preset or a start-up load: cached at once.</summary>
    public void Set(string code, bool state) => cached[code] = state;

    /// <summary>Drops one feature (a code) or all (null), now or after the farm's delay.</summary>
    public void Clear(string? code)
    {
        if (delay <= TimeSpan.Zero)
        {
            Drop(code);
            return;
        }

        pending.Add((time.GetUtcNow() + delay, code));
    }

    private void ApplyDueClears()
    {
        var now = time.GetUtcNow();
        foreach (var (_, code) in pending.Where(clear => clear.Due <= now).ToList())
        {
            Drop(code);
        }

        pending.RemoveAll(clear => clear.Due <= now);
    }

    private void Drop(string? code)
    {
        if (code is null)
        {
            cached.Clear();
        }
        else
        {
            cached.Remove(code);
        }
    }
}
