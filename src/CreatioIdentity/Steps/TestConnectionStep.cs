using System.Diagnostics;
using CreatioIdentity.Checks;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Steps;

/// <summary>
/// The Test connection button: Creatio itself reaches the Identity Service and gets a token.
/// The health check is polled until it is green, or until a red answer stays the same long
/// enough to be final, within a bounded time. A health check that does not answer in its own
/// (longer) timeout is a finding, not a retry: Creatio is waiting on the Identity Service.
/// </summary>
public sealed class TestConnectionStep : Step
{
    public override string Name => "TestConnection";

    protected override async Task ExecuteAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken)
    {
        var reading = await SettleAsync(context, cancellationToken);
        var hostSwitches = reading.IsConnected ? null : await HostSwitchStates.ReadAsync(context, cancellationToken);
        var verdict = Diagnosis.Evaluate(reading, context.Config, context.Facts.RunnerDiscovery, context.Facts.RunnerToken, hostSwitches);
        foreach (var check in verdict.Checks)
        {
            outcome.Check(check);
        }

        if (verdict.Unexplained is { } problem)
        {
            outcome.Fail(problem, ErrorCodes.CheckFailed);
        }
    }

    /// <summary>Polls the health check until it settles; the reading it settled on.</summary>
    internal static async Task<HealthReading> SettleAsync(StepContext context, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var first = await ReadAsync(() => context.Facts.HealthAsync(cancellationToken));
        if (first.Answer is not { } health)
        {
            return first;
        }

        var stableSince = clock.Elapsed;
        var delay = TimeSpan.FromMilliseconds(250);
        for (var attempt = 2; !health.IsConnected; attempt++)
        {
            if (clock.Elapsed - stableSince >= context.Tuning.StableRedWindow || clock.Elapsed + delay > context.Tuning.SettleTimeout)
            {
                break;
            }

            context.Progress.Report($"Waiting for Creatio's health check to settle (attempt {attempt}, {clock.Elapsed.TotalSeconds:0.0} s): {Describe(health)}");
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));

            var next = await ReadAsync(() => context.Facts.RefreshHealthAsync(cancellationToken));
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
