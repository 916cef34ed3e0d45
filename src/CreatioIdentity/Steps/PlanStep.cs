using CreatioIdentity.Checks;

namespace CreatioIdentity.Steps;

/// <summary>
/// Reads the current state and lists what enable-feature, apply-settings, diagnose and oauth-apps would
/// change, by running them in plan mode: the same decisions, no writes.
/// </summary>
public sealed class PlanStep : Step
{
    private static readonly Step[] Planned = [new EnableFeatureStep(), new ApplySettingsStep(), new DiagnoseStep(), new OAuthApps.OAuthAppsStep()];

    public override string Name => "Plan";

    protected override async Task ExecuteAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken)
    {
        var planning = context.WithPlanOnly();
        foreach (var step in Planned)
        {
            var result = await step.RunAsync(planning, cancellationToken);
            foreach (var change in result.Changes)
            {
                outcome.Changed(change.Item, change.From, change.To);
            }

            foreach (var warning in result.Warnings)
            {
                outcome.Warn(warning);
            }

            foreach (var check in result.Checks.Where(check => check.Status == CheckStatus.Fail))
            {
                outcome.Check(check);
            }

            if (result.Error is not null)
            {
                outcome.Fail(result.Error);
                return;
            }
        }
    }
}
