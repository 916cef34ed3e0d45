using CreatioIdentity.Agents;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Commands;

/// <summary>
/// What one environment of a concurrent run shows, held back until it finishes and then written
/// to the real agent as one block (one log group), so that sites running side by side never
/// interleave their lines. Secrets are registered at once: masking must not wait.
/// </summary>
/// <remarks>
/// CI logs do not nest groups, so a step's group inside the block adds nothing; the step's own
/// line names it. The checks table becomes one line per check: the real agent shows the tables
/// (and publishes the job summary) once, for the whole run, from the top-level report.
/// </remarks>
internal sealed class BufferedAgent(IBuildAgent inner) : IBuildAgent
{
    private readonly List<Action<IBuildAgent>> entries = [];
    private readonly Lock gate = new();

    public string Name => inner.Name;

    public void MaskSecrets(IEnumerable<string> values) => inner.MaskSecrets(values);

    public IDisposable BeginGroup(string title) => NoGroup.Instance;

    public void Progress(string message) => Add(agent => agent.Progress(message));

    public void Info(string message) => Add(agent => agent.Info(message));

    public void Warning(string message, SourceLocation? location = null) => Add(agent => agent.Warning(message, location));

    public void Error(string message, SourceLocation? location = null) => Add(agent => agent.Error(message, location));

    public void ShowStep(StepResult step) => Add(agent => agent.ShowStep(step));

    public void HandOff(string name, string value) => Add(agent => agent.HandOff(name, value));

    public void ShowReport(Report report, string reportDir)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var check in report.Checks)
        {
            Info($"{ReportFormat.Status(check.Status),-4} {check.Id}: {check.Message}");
        }

        var (headline, _) = ReportFormat.Headline(report);
        Info($"{headline} ({report.Creatio})");
        Info($"Report: {Path.Combine(reportDir, ReportStore.ReportFileName)}");
    }

    /// <summary>Not passed on: the run publishes one report for all environments, once, at the end.</summary>
    public void PublishReport(Report report, string reportDir)
    {
    }

    /// <summary>
    /// Writes everything held back to the real agent inside one group titled <paramref name="title"/>,
    /// opened by <paramref name="headline"/>: where the group is not shown (a CI agent inside a Cake
    /// task's own group), the headline still says whose block it is.
    /// </summary>
    public void Flush(string title, string headline)
    {
        List<Action<IBuildAgent>> held;
        lock (gate)
        {
            held = [.. entries];
            entries.Clear();
        }

        using (inner.BeginGroup(title))
        {
            inner.Info(headline);
            foreach (var entry in held)
            {
                entry(inner);
            }
        }
    }

    private void Add(Action<IBuildAgent> entry)
    {
        lock (gate)
        {
            entries.Add(entry);
        }
    }

    private sealed class NoGroup : IDisposable
    {
        public static readonly NoGroup Instance = new();

        public void Dispose()
        {
        }
    }
}
