using System.Diagnostics;
using CreatioIdentity.Checks;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Steps;

/// <summary>
/// The Test connection button: Creatio itself reaches the Identity Service and gets a token.
/// The health check is polled until it is green, or until a red answer stays the same long
/// enough to be final, within a bounded time.
/// </summary>
public sealed class TestConnectionStep : Step
{
    public override string Name => "TestConnection";

    protected override async Task ExecuteAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken)
    {
        var health = await SettleAsync(context, cancellationToken);
        foreach (var check in Diagnosis.Evaluate(health, context.Config.IdentityService.Url, context.Config.IdentityService.ClientId,
                     context.Facts.RunnerDiscovery, context.Facts.RunnerToken, includeDefaultResource: false))
        {
            outcome.Check(check);
        }
    }

    /// <summary>Polls the health check until it settles; the answer it settled on.</summary>
    internal static async Task<OAuthHealth> SettleAsync(StepContext context, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var health = await context.Facts.HealthAsync(cancellationToken);
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

            var next = await context.Facts.RefreshHealthAsync(cancellationToken);
            if (next != health)
            {
                stableSince = clock.Elapsed;
            }

            health = next;
        }

        return health;
    }

    private static string Describe(OAuthHealth health) =>
        $"settings {Mark(health.IsSystemSettingsFilledIn)}, availability {Mark(health.IsIdentityServiceAvailable)}, token {Mark(health.IsAccessTokenRetrievableForSystemActions)}";

    private static string Mark(bool? flag) => flag switch
    {
        true => "ok",
        false => "red",
        null => "?",
    };
}
