using System.Diagnostics;
using CreatioIdentity.Checks;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Steps;

/// <summary>
/// One step of the procedure. A step reads and writes Creatio through the context and tells what
/// it did through its outcome; it never prints (progress goes through the context).
/// </summary>
public abstract class Step
{
    public abstract string Name { get; }

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var outcome = new StepOutcome();
        try
        {
            await ExecuteAsync(context, outcome, cancellationToken);
        }
        catch (CreatioException exception)
        {
            if (exception.Failure == CreatioFailure.Authentication)
            {
                outcome.Check(CheckResult.Fail(CheckIds.CreatioLogin, exception.Message, "creatio.username"));
            }

            outcome.Fail(exception.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A defect or an answer no parser foresaw: the step fails and says so, the run goes on to report it.
            outcome.Fail($"{Name} stopped on an unexpected {exception.GetType().Name}: {exception.Message} Nothing after this point was done; please report it with the report.json.");
        }

        return outcome.ToResult(Name, clock.ElapsedMilliseconds);
    }

    protected abstract Task ExecuteAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken);
}

/// <summary>What a step found and did, collected while it runs.</summary>
public sealed class StepOutcome
{
    private readonly List<Change> changes = [];
    private readonly List<CheckResult> checks = [];
    private string? error;

    public IReadOnlyList<Change> Changes => changes;

    public IReadOnlyList<CheckResult> Checks => checks;

    public bool HasFailed => error is not null || checks.Any(check => check.Status == CheckStatus.Fail);

    public void Changed(string item, string? from, string? to) => changes.Add(new Change(item, from, to));

    public void Check(CheckResult check)
    {
        checks.RemoveAll(existing => existing.Id == check.Id);
        checks.Add(check);
    }

    public void Fail(string message) => error ??= message;

    internal StepResult ToResult(string name, long durationMs)
    {
        var status = HasFailed ? StepStatus.Failed : changes.Count > 0 ? StepStatus.Changed : StepStatus.Unchanged;
        return new StepResult(name, status, durationMs, [.. changes], [.. checks], error);
    }
}
