using CreatioIdentity.Agents;
using CreatioIdentity.Checks;
using CreatioIdentity.Steps;

namespace CreatioIdentity.Commands;

/// <summary>Runs the steps of one command against one site.</summary>
internal static class StepSequence
{
    /// <summary>The command's steps in order, each in its section (the Cake task's own when it runs just this step); the first failure skips the rest, and the run's last process logs out.</summary>
    public static async Task<List<StepResult>> RunAsync(IBuildAgent output, Run run, StepContext context, CancellationToken cancellationToken)
    {
        var results = new List<StepResult>();
        var failed = false;
        foreach (var step in run.Command.Steps().Where(step => step.AppliesTo(context.Config)))
        {
            if (failed)
            {
                results.Add(new StepResult(step.Name, StepStatus.Skipped, 0, [], [], "Skipped: an earlier step failed."));
                continue;
            }

            StepResult result;
            using (output.BeginStep(step.Name, run.StepNamedByCaller))
            {
                result = await step.RunAsync(context, cancellationToken);
                output.ShowStep(result);
                foreach (var warning in result.Warnings)
                {
                    output.Warning(warning);
                }
            }

            results.Add(result);
            HandOn(output, context);

            // A read-only command (monitor) goes on past a red check, to report every check; an error stops it.
            failed = result.Status == StepStatus.Failed && !(run.Command.ReadOnly && result.Error is null);
        }

        // The session must not outlive the job: the process that ends the run logs out (SPEC §4, AuthService.svc).
        if (run.RunId is null || failed || EngineCommands.Completes(run.ReportCommand, run.Command.Name))
        {
            await context.Session.LogoutAsync(cancellationToken);
        }

        return results;
    }

    /// <summary>Values a step left for the following CI steps (OAuth app credentials), handed on masked by the agent.</summary>
    private static void HandOn(IBuildAgent output, StepContext context)
    {
        foreach (var (name, value) in context.HandOffs.Take())
        {
            output.HandOff(name, value);
        }
    }
}
