using System.Collections.Concurrent;
using CreatioIdentity.Agents;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Commands;

/// <summary>
/// Runs the selected environments concurrently, at most <c>--parallel</c> at a time. Each writes to
/// its own <see cref="BufferedAgent"/>, flushed as one block when it finishes (headed by its
/// verdict), so sites running side by side never interleave their lines.
/// </summary>
internal static class EnvironmentScheduler
{
    /// <summary>Every environment's outcome, in the order of <paramref name="environments"/> whatever order they finished in.</summary>
    public static async Task<IReadOnlyList<SiteOutcome>> RunAsync(
        IBuildAgent agent,
        IReadOnlyList<EnvironmentConfig> environments,
        int parallel,
        Func<IBuildAgent, EnvironmentConfig, CancellationToken, Task<SiteOutcome>> runEnvironment,
        CancellationToken cancellationToken)
    {
        var outcomes = new ConcurrentDictionary<string, SiteOutcome>(StringComparer.Ordinal);
        var output = new Lock();
        await Parallel.ForEachAsync(
            environments,
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (selected, token) =>
            {
                var buffer = new BufferedAgent(agent);
                var outcome = await runEnvironment(buffer, selected, token);
                outcomes[selected.Name] = outcome;
                lock (output)
                {
                    buffer.Flush(selected.Name, $"{selected.Name}: {ReportFormat.Headline(outcome.Report).Text}");
                }
            });

        return [.. environments.Select(selected => outcomes[selected.Name])];
    }
}
