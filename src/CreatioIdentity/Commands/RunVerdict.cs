using CreatioIdentity.Checks;

namespace CreatioIdentity.Commands;

/// <summary>What one site's step results mean for the run: whether this process ends it, and its exit code.</summary>
internal static class RunVerdict
{
    /// <summary>
    /// The run is complete here: the Cake target is done, or it stops here on a failure. Only then
    /// are the table, the verdict and the report's path shown and the report published.
    /// </summary>
    public static bool IsFinal(Run run, IReadOnlyList<StepResult> results) =>
        results.Any(result => result.Status == StepStatus.Failed) || run.ClosesReport;

    public static int ExitCode(Run run, IReadOnlyList<StepResult> results)
    {
        var failures = results.Where(result => result.Status == StepStatus.Failed).ToList();
        if (failures.Count > 0)
        {
            // A failure that only the file or the command line can fix, and that no red check
            // reports (an --app the file does not declare), is the invalid-configuration exit.
            var invalid = failures.TrueForAll(result => result.ErrorCode == ErrorCodes.Configuration)
                && !results.SelectMany(result => result.Checks).Any(check => check.Status == CheckStatus.Fail);
            return invalid ? ExitCodes.InvalidConfiguration : ExitCodes.Failed;
        }

        return run.Command.IsPlan && results.Any(result => result.Changes.Count > 0) ? ExitCodes.ChangesPending : ExitCodes.Ok;
    }
}
