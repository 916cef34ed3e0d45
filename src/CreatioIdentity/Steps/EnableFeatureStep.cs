using System.Diagnostics;
using CreatioIdentity.Checks;
using CreatioIdentity.Creatio;
using CreatioIdentity.Creatio.DataService;

namespace CreatioIdentity.Steps;

/// <summary>
/// Turns each feature of features: on (or off) for all users, as clio's set-feature and the /0/Flags
/// page do: the feature's default state (AppFeature.State) and every override row of a user or role
/// that says otherwise (AdminUnitFeatureState), writing only what differs; then clears the feature
/// cache and confirms the state in effect for the logged-in user, within a window long enough for a
/// web farm. A feature that is not a database feature is never written. Read-only (monitor), it only judges.
/// </summary>
public sealed class EnableFeatureStep : Step
{
    private const string CacheItem = "feature cache";

    public override string Name => "EnableFeature";

    protected override async Task ExecuteAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken)
    {
        var wanted = context.Config.Features;
        if (wanted.Count == 0)
        {
            outcome.Check(CheckResult.Skip(CheckIds.FeatureEnabled, "features: is empty; no feature was checked or changed.", Configuration.ConfigPaths.Features.Section));
            return;
        }

        var reading = await context.Facts.FeaturesAsync([.. wanted.Keys], cancellationToken);
        var verdicts = FeatureVerdict.Judge(wanted, reading);
        if (verdicts.FirstOrDefault(verdict => verdict.Problem is not null) is { } refused)
        {
            outcome.Check(CheckResult.Fail(CheckIds.FeatureEnabled,
                string.Join(" ", verdicts.Where(verdict => verdict.Problem is not null).Select(verdict => verdict.Problem + ".")) + " Nothing was written.",
                Configuration.ConfigPaths.Features.Entry(refused.Code)));
            return;
        }

        var writes = Writes(verdicts);
        var cacheStale = writes.Count > 0 || verdicts.Any(verdict => verdict.EffectiveWrong);
        if (!context.MayWrite)
        {
            Describe(context, outcome, verdicts, writes, cacheStale);
            return;
        }

        if (writes.Count == 0 && !cacheStale)
        {
            outcome.Check(Green(context, verdicts));
            return;
        }

        var (refusals, overrides) = await WriteAsync(context, outcome, writes, cacheStale, reading.Overrides, cancellationToken);
        if (cacheStale && (refusals.Count < writes.Count || writes.Count == 0))
        {
            outcome.Sending(CacheItem);
            await context.Features.ClearFeaturesCacheForAllUsersAsync(cancellationToken);
            outcome.Done(CacheItem);
        }
        else if (cacheStale)
        {
            outcome.Withdraw(CacheItem);
        }

        context.Facts.FeaturesChanged();
        verdicts = await ConfirmAsync(context, overrides, cancellationToken);
        outcome.Check(Verdict(context, verdicts, refusals));
    }

    /// <summary>One write the step may make, and how.</summary>
    private sealed record FeatureWrite(string Item, string From, string To, Func<StepContext, CancellationToken, Task<UpdateOutcome>> Send, FeatureOverride? Row = null);

    private static List<FeatureWrite> Writes(IReadOnlyList<FeatureVerdict> verdicts)
    {
        var writes = new List<FeatureWrite>();
        foreach (var verdict in verdicts)
        {
            var to = FeatureVerdict.Describe(verdict.Wanted);
            if (verdict.DefaultWrong)
            {
                var feature = verdict.Feature!;
                writes.Add(new FeatureWrite(Item(verdict.Code, "all users"), FeatureVerdict.Describe(feature.DefaultState), to,
                    (context, token) => context.Features.SetDefaultStateAsync(feature, verdict.Wanted, token)));
            }

            foreach (var row in verdict.WrongOverrides)
            {
                writes.Add(new FeatureWrite(Item(verdict.Code, row.Unit), FeatureVerdict.Describe(row.IsOn), to,
                    (context, token) => context.Features.SetOverrideStateAsync(row, verdict.Wanted, token), row with { State = verdict.Wanted ? 1 : 0 }));
            }
        }

        return writes;
    }

    private static string Item(string code, string unit) => $"feature {code} ({unit})";

    /// <summary>Plan lists what would change; monitor judges without repairing.</summary>
    private static void Describe(StepContext context, StepOutcome outcome, IReadOnlyList<FeatureVerdict> verdicts, List<FeatureWrite> writes, bool cacheStale)
    {
        if (context.PlanOnly)
        {
            foreach (var write in writes)
            {
                outcome.Changed(write.Item, write.From, write.To);
            }

            if (cacheStale)
            {
                outcome.Changed(CacheItem, "stale", "cleared");
            }

            return;
        }

        var wrong = verdicts.Where(verdict => !verdict.InEffect).ToList();
        outcome.Check(wrong.Count == 0
            ? Green(context, verdicts)
            : CheckResult.Fail(CheckIds.FeatureEnabled,
                $"{string.Join(" ", wrong.Select(verdict => Wrong(context, verdict)))} Monitor only reads: run EnableFeature (or ConnectIdentity) to repair it.",
                Configuration.ConfigPaths.Features.Entry(wrong[0].Code)));
    }

    /// <summary>
    /// Sends the writes. Returns the refusals, and the override rows as they now are: a row counts as
    /// written when Creatio says it updated it (rowsAffected); when it does not say, the rows are read
    /// again (null).
    /// </summary>
    private static async Task<(List<FeatureWrite> Refusals, IReadOnlyList<FeatureOverride>? Overrides)> WriteAsync(
        StepContext context, StepOutcome outcome, List<FeatureWrite> writes, bool cacheStale, IReadOnlyList<FeatureOverride> overrides, CancellationToken cancellationToken)
    {
        var rows = overrides.ToDictionary(row => row.Id);
        var uncertain = false;
        foreach (var write in writes)
        {
            outcome.Intend(write.Item, write.From, write.To);
        }

        if (cacheStale)
        {
            outcome.Intend(CacheItem, "stale", "cleared");
        }

        var refusals = new List<FeatureWrite>();
        foreach (var write in writes)
        {
            outcome.Sending(write.Item);
            var answer = await write.Send(context, cancellationToken);
            if (answer.Success)
            {
                outcome.Done(write.Item);
                if (write.Row is { } row)
                {
                    rows[row.Id] = row;
                    uncertain |= answer.RowsAffected < 1;
                }
            }
            else
            {
                outcome.Refused(write.Item);
                refusals.Add(write with { From = $"{answer.ErrorCode ?? "no error code"}{(answer.Message is null ? string.Empty : ": " + answer.Message)}" });
            }
        }

        return (refusals, uncertain ? null : [.. rows.Values]);
    }

    /// <summary>
    /// Reads the features again until what is stored is also in effect for the logged-in user: the
    /// application serves features from a cache that, on a web farm, reaches every node over the
    /// message hub only after a while (creatio.featureConfirmSeconds).
    /// </summary>
    private static async Task<IReadOnlyList<FeatureVerdict>> ConfirmAsync(StepContext context, IReadOnlyList<FeatureOverride>? overrides, CancellationToken cancellationToken)
    {
        var wanted = context.Config.Features;
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(250);
        var reading = overrides is null
            ? await context.Facts.FeaturesAsync([.. wanted.Keys], cancellationToken)
            : new FeatureReading(await context.Features.ReadAsync([.. wanted.Keys], cancellationToken), overrides);
        var verdicts = FeatureVerdict.Judge(wanted, reading);
        while (verdicts.All(verdict => verdict.Stored) && !verdicts.All(verdict => verdict.InEffect)
            && clock.Elapsed + delay <= context.Config.Creatio.FeatureConfirmWindow)
        {
            context.Progress.Report($"Waiting for the feature cache to serve {string.Join(", ", wanted.Keys)} ({clock.Elapsed.TotalSeconds:0.0} s of {context.Config.Creatio.FeatureConfirmWindow.TotalSeconds:0} s)");
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(4).Ticks));
            reading = reading with { Features = await context.Features.ReadAsync([.. wanted.Keys], cancellationToken) };
            verdicts = FeatureVerdict.Judge(wanted, reading);
        }

        return verdicts;
    }

    private static CheckResult Verdict(StepContext context, IReadOnlyList<FeatureVerdict> verdicts, List<FeatureWrite> refusals)
    {
        if (refusals.Count > 0)
        {
            return CheckResult.Fail(CheckIds.FeatureEnabled,
                $"Creatio refused to write {string.Join(", ", refusals.Select(write => $"{write.Item} ({write.From})"))}. '{context.Config.Creatio.Username}' needs the system administrator's rights to manage features; see the /0/Flags page.",
                Configuration.ConfigPaths.Features.Section);
        }

        var wrong = verdicts.Where(verdict => !verdict.InEffect).ToList();
        return wrong.Count == 0
            ? Green(context, verdicts)
            : CheckResult.Fail(CheckIds.FeatureEnabled, string.Join(" ", wrong.Select(verdict => Wrong(context, verdict, afterWrite: true))), Configuration.ConfigPaths.Features.Entry(wrong[0].Code));
    }

    private static CheckResult Green(StepContext context, IReadOnlyList<FeatureVerdict> verdicts) =>
        CheckResult.Pass(CheckIds.FeatureEnabled,
            string.Join(", ", verdicts.Select(verdict => $"{verdict.Code} {FeatureVerdict.Describe(verdict.Wanted)}"))
            + $" for all users (the default, and every user or role that overrides it), in effect for '{context.Config.Creatio.Username}'.",
            Configuration.ConfigPaths.Features.Section);

    private static string Wrong(StepContext context, FeatureVerdict verdict, bool afterWrite = false)
    {
        var wanted = FeatureVerdict.Describe(verdict.Wanted);
        if (verdict.DefaultWrong || verdict.WrongOverrides.Count > 0)
        {
            var parts = new List<string>();
            if (verdict.DefaultWrong)
            {
                parts.Add($"its default (for all users) is {FeatureVerdict.Describe(verdict.Feature!.DefaultState)}");
            }

            parts.AddRange(verdict.WrongOverrides.Select(row => $"{row.Unit} has it {FeatureVerdict.Describe(row.IsOn)}"));
            return afterWrite
                ? $"{verdict.Code} should be {wanted}, but after the write Creatio still reads: {string.Join("; ", parts)}. Look at the /0/Flags page and Creatio's error log."
                : $"{verdict.Code} should be {wanted} for all users, but {string.Join("; ", parts)}.";
        }

        return afterWrite
            ? $"{verdict.Code} is stored {wanted} for all users but not in effect for '{context.Config.Creatio.Username}' {context.Config.Creatio.FeatureConfirmWindow.TotalSeconds:0} s after the feature cache was cleared: on a web farm the clear may need longer (raise creatio.featureConfirmSeconds), or the application needs a restart."
            : $"{verdict.Code} is stored {wanted} for all users but not in effect for '{context.Config.Creatio.Username}': the feature cache is stale (EnableFeature clears it).";
    }
}
