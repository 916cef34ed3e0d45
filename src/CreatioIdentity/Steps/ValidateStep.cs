namespace CreatioIdentity.Steps;

/// <summary>The configuration was read and checked before any step ran; this records that it is fine.</summary>
public sealed class ValidateStep : Step
{
    public override string Name => "Validate";

    protected override Task ExecuteAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken) => Task.CompletedTask;
}
