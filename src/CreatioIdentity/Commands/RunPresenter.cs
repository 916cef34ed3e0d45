using CreatioIdentity.Agents;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Commands;

/// <summary>
/// What the log says after a site's steps. Each step's line has said what it changed and checked;
/// the table, the verdict and the report's path come once, when the run is final, so that the
/// processes of one Cake target tell one story.
/// </summary>
internal static class RunPresenter
{
    public static void ShowSite(IBuildAgent output, Run run, IdentityConfig config, Report report, IReadOnlyList<StepResult> results, bool final)
    {
        if (final)
        {
            output.ShowReport(report, run.ReportDir);
        }

        // Red checks are annotated at the YAML line they are about (the environment's own key, or
        // the default it inherited); the final process annotates every red check of the run,
        // including those an earlier step process decided.
        var prefix = run.Environment is null ? string.Empty : $"{run.Environment}: ";
        var red = (final ? report.Checks : results.SelectMany(result => result.Checks)).Where(check => check.Status == CheckStatus.Fail);
        foreach (var check in red)
        {
            output.Error($"{prefix}{check.Id}: {check.Message}", check.ConfigPath is null ? null : config.Source.Locate(check.ConfigPath));
        }

        foreach (var failure in results.Where(result => result.Status == StepStatus.Failed && !result.Checks.Any(check => check.Status == CheckStatus.Fail)))
        {
            if (failure.Error is not null)
            {
                // The error code as report.json has it, so the log and the report name the same failure.
                var code = failure.ErrorCode is null ? string.Empty : $" [{failure.ErrorCode}]";
                output.Error($"{prefix}{failure.Name}{code}: {failure.Error}");
            }
        }
    }

    /// <summary>Before a run over several environments: which, and how many at once.</summary>
    public static void AnnounceEnvironments(IBuildAgent agent, Run run, IReadOnlyList<EnvironmentConfig> environments, int parallel) =>
        agent.Info($"{run.Command.Name}: {environments.Count} environment(s) ({string.Join(", ", environments.Select(selected => selected.Name))}), at most {parallel} at a time.");
}
