using System.Diagnostics;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Steps;

/// <summary>
/// Polls Creatio's health check until it is green, or until a red answer stays the same long enough to be
/// final, within <see cref="StepTuning.SettleTimeout"/>. A health check that does not answer in its own
/// (longer) timeout, or has no route, is a finding, not a retry. TestConnection and Diagnose both judge
/// the reading it settles on.
/// </summary>
public sealed class HealthSettler(CreatioFacts facts, StepTuning tuning, IProgress<string> progress)
{
    /// <summary>Polls the health check until it settles; the reading it settled on.</summary>
    public async Task<HealthReading> SettleAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var first = await ReadAsync(() => facts.HealthAsync(cancellationToken));
        if (first.Answer is not { } health)
        {
            return first;
        }

        var stableSince = clock.Elapsed;
        var delay = TimeSpan.FromMilliseconds(250);
        for (var attempt = 2; !health.IsConnected; attempt++)
        {
            if (clock.Elapsed - stableSince >= tuning.StableRedWindow || clock.Elapsed + delay > tuning.SettleTimeout)
            {
                break;
            }

            progress.Report($"Waiting for Creatio's health check to settle (attempt {attempt}, {clock.Elapsed.TotalSeconds:0.0} s): {Describe(health)}");
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));

            var next = await ReadAsync(() => facts.RefreshHealthAsync(cancellationToken));
            if (next.Answer is null)
            {
                return next;
            }

            if (next.Answer != health)
            {
                stableSince = clock.Elapsed;
            }

            health = next.Answer;
        }

        return new HealthReading(health, null);
    }

    /// <summary>An answer, or the two failures that are findings about Creatio: no answer in time, and no such route.</summary>
    private static async Task<HealthReading> ReadAsync(Func<Task<OAuthHealth>> read)
    {
        try
        {
            return new HealthReading(await read(), null);
        }
        catch (CreatioException exception) when (exception.Failure is CreatioFailure.Timeout or CreatioFailure.NotFound)
        {
            return new HealthReading(null, exception);
        }
    }

    private static string Describe(OAuthHealth health) =>
        $"settings {Mark(health.IsSystemSettingsFilledIn)}, availability {Mark(health.IsIdentityServiceAvailable)}, token {Mark(health.IsAccessTokenRetrievableForSystemActions)}{(health.HasUnexplainedProblem ? ", a problem no flag explains" : string.Empty)}";

    private static string Mark(bool? flag) => flag switch
    {
        true => "ok",
        false => "red",
        null => "?",
    };
}
