using CreatioIdentity.Checks;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Steps;

/// <summary>
/// Turns each feature of features: on (or off) for all users, writing only when the state
/// differs, clears the feature cache so the running application serves the new state, and
/// confirms the state in effect.
/// </summary>
public sealed class EnableFeatureStep : Step
{
    public override string Name => "EnableFeature";

    protected override async Task ExecuteAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken)
    {
        if (context.Config.Features.Count == 0)
        {
            outcome.Check(CheckResult.Skip(CheckIds.FeatureEnabled, "features: is empty; no feature was checked or changed.", "features"));
            return;
        }

        var known = await context.Facts.FeaturesAsync(cancellationToken);
        var pending = Pending(context, known, out var missing);
        if (missing.Count > 0)
        {
            outcome.Check(CheckResult.Fail(CheckIds.FeatureEnabled,
                $"Creatio has no feature {string.Join(", ", missing)}: check the code under features: (codes are case-sensitive) and that the OAuth 2.0 package is installed.",
                "features." + missing[0]));
            return;
        }

        if (context.PlanOnly)
        {
            foreach (var (code, wanted, current) in pending)
            {
                outcome.Changed(Item(code), Describe(current), Describe(wanted));
            }

            return;
        }

        foreach (var (code, wanted, current) in pending)
        {
            outcome.Intend(Item(code), Describe(current), Describe(wanted));
        }

        if (pending.Count > 0)
        {
            outcome.Intend(CacheItem, "stale", "cleared");
        }

        foreach (var (code, wanted, _) in pending)
        {
            outcome.Sending(Item(code));
            await context.Features.SetFeatureStateForAllUsersAsync(code, wanted, cancellationToken);
            outcome.Done(Item(code));
        }

        var cacheCleared = false;
        if (pending.Count > 0)
        {
            await ClearCacheAsync(context, outcome, cancellationToken);
            cacheCleared = true;
        }

        var wrong = new List<string>();
        foreach (var (code, wanted) in context.Config.Features)
        {
            var effective = await EffectiveStateAsync(context, code, wanted, poll: cacheCleared, cancellationToken);
            if (effective != wanted && !cacheCleared)
            {
                // Stored right but served wrong: the application still serves a stale feature cache.
                await ClearCacheAsync(context, outcome, cancellationToken, announced: false);
                cacheCleared = true;
                effective = await EffectiveStateAsync(context, code, wanted, poll: true, cancellationToken);
            }

            if (effective != wanted)
            {
                wrong.Add(code);
            }
        }

        outcome.Check(wrong.Count == 0
            ? CheckResult.Pass(CheckIds.FeatureEnabled, string.Join(", ", context.Config.Features.Select(f => $"{f.Key} {Describe(f.Value)}")) + " for all users, in effect.", "features")
            : CheckResult.Fail(CheckIds.FeatureEnabled,
                $"{string.Join(", ", wrong)} is stored for all users but not in effect for '{context.Config.Creatio.Username}' after the feature cache was cleared: the user may have a personal state for it (Feature toggles page), or the application needs a restart.",
                "features." + wrong[0]));
    }

    private static List<(string Code, bool Wanted, bool? Current)> Pending(StepContext context, IReadOnlyList<FeatureInfo> known, out List<string> missing)
    {
        missing = [];
        var pending = new List<(string, bool, bool?)>();
        foreach (var (code, wanted) in context.Config.Features)
        {
            var info = known.FirstOrDefault(feature => string.Equals(feature.Code, code, StringComparison.Ordinal));
            if (info is null)
            {
                missing.Add(code);
            }
            else if (!info.HasStateForGroup || info.GroupState != wanted)
            {
                pending.Add((code, wanted, info.HasStateForGroup ? info.GroupState : null));
            }
        }

        return pending;
    }

    private const string CacheItem = "feature cache";

    private static string Item(string code) => $"feature {code} (all users)";

    private static async Task ClearCacheAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken, bool announced = true)
    {
        if (!announced)
        {
            outcome.Intend(CacheItem, "stale", "cleared");
        }

        outcome.Sending(CacheItem);
        await context.Features.ClearFeaturesCacheForAllUsersAsync(cancellationToken);
        context.Facts.FeaturesChanged();
        outcome.Done(CacheItem);
    }

    private static async Task<bool> EffectiveStateAsync(StepContext context, string code, bool wanted, bool poll, CancellationToken cancellationToken)
    {
        // Right after the cache was cleared the application may take a moment to serve the new state.
        var state = await context.Features.GetFeatureStateAsync(code, cancellationToken);
        for (var attempt = 2; poll && state != wanted && attempt <= context.Tuning.FeatureConfirmAttempts; attempt++)
        {
            context.Progress.Report($"Waiting for {code} to take effect (attempt {attempt} of {context.Tuning.FeatureConfirmAttempts})");
            await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken);
            state = await context.Features.GetFeatureStateAsync(code, cancellationToken);
        }

        return state;
    }

    private static string Describe(bool? state) => state switch
    {
        true => "on",
        false => "off",
        null => "not set",
    };
}
