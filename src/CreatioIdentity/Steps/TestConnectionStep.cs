using CreatioIdentity.Checks;

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
        var reading = await context.HealthSettler.SettleAsync(cancellationToken);
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
}
