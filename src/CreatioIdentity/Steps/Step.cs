using System.Diagnostics;
using CreatioIdentity.Checks;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Steps;

/// <summary>
/// One step of the procedure. A step reads and writes Creatio through the context and tells what
/// it did through its outcome; it never prints (progress goes through the context). A step has a
/// total deadline (<see cref="StepTuning.StepDeadline"/>), whatever its requests and waits add up to.
/// </summary>
public abstract class Step
{
    public abstract string Name { get; }

    /// <summary>Whether the file asks for this step at all; a step for an optional section stays out of a run without it.</summary>
    public virtual bool AppliesTo(Configuration.IdentityConfig config) => true;

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var outcome = new StepOutcome();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var limit = context.Tuning.DeadlineFor(context.Config.Creatio);
        deadline.CancelAfter(limit);
        try
        {
            await ExecuteAsync(context, outcome, deadline.Token);
        }
        catch (CreatioException exception)
        {
            outcome.Interrupted(exception.MayHaveReachedCreatio);
            if (exception.Failure == CreatioFailure.Authentication)
            {
                outcome.Check(CheckResult.Fail(CheckIds.CreatioLogin, exception.Message, Configuration.ConfigPaths.Creatio.Username, exception.ErrorCode));
            }

            outcome.Fail(exception.Message + outcome.NotAppliedNote(), exception.ErrorCode);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            outcome.Interrupted(mayHaveReachedCreatio: true);
            outcome.Fail(
                $"{Name} did not finish within its deadline of {limit.TotalSeconds:0} s: Creatio or the Identity Service answers too slowly. "
                + $"Check their health, or raise {StepTuning.DeadlineVariable}.{outcome.NotAppliedNote()}",
                ErrorCodes.Deadline);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A defect or an answer no parser foresaw: the step fails and says so, the run goes on to report it.
            outcome.Interrupted(mayHaveReachedCreatio: true);
            outcome.Fail(
                $"{Name} stopped on an unexpected {exception.GetType().Name}: {exception.Message} Nothing after this point was done; please report it with the report.json.{outcome.NotAppliedNote()}",
                ErrorCodes.Unexpected);
        }

        foreach (var warning in context.Session.TakeWarnings())
        {
            outcome.Warn(warning);
        }

        return outcome.ToResult(Name, clock.ElapsedMilliseconds);
    }

    protected abstract Task ExecuteAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken);
}

/// <summary>
/// What a step found and did, collected while it runs. A write is announced (<see cref="Intend"/>),
/// marked as sent (<see cref="Sending"/>) and confirmed (<see cref="Done"/>) or refused; when the
/// step fails, every announced change that was not confirmed is reported as not applied, with
/// whether Creatio may have got it.
/// </summary>
public sealed class StepOutcome
{
    private readonly List<Change> changes = [];
    private readonly List<CheckResult> checks = [];
    private readonly List<Change> intended = [];
    private readonly HashSet<string> inFlight = new(StringComparer.Ordinal);
    private readonly List<NotApplied> notApplied = [];
    private readonly List<string> warnings = [];
    private string? error;
    private string? errorCode;

    public IReadOnlyList<Change> Changes => changes;

    public IReadOnlyList<CheckResult> Checks => checks;

    public bool HasFailed => error is not null || checks.Any(check => check.Status == CheckStatus.Fail);

    /// <summary>Records a change that is certain: made and confirmed, or (plan) to be made.</summary>
    public void Changed(string item, string? from, string? to) => changes.Add(new Change(item, from, to));

    /// <summary>Announces a write the step is about to make.</summary>
    public void Intend(string item, string? from, string? to) => intended.Add(new Change(item, from, to));

    /// <summary>The request carrying these items is about to be sent.</summary>
    public void Sending(params IEnumerable<string> items) => inFlight.UnionWith(items);

    /// <summary>Creatio confirmed the write: the announced change becomes a change.</summary>
    public void Done(string item)
    {
        var change = Take(item);
        changes.Add(change ?? throw new InvalidOperationException($"{item} was not announced."));
    }

    /// <summary>The write turned out to be unneeded.</summary>
    public void Withdraw(string item) => Take(item);

    /// <summary>Creatio answered that it did not apply the write.</summary>
    public void Refused(string item)
    {
        if (Take(item) is { } change)
        {
            notApplied.Add(new NotApplied(change.Item, change.From, change.To, WriteState.Refused));
        }
    }

    /// <summary>Something the user should know that is no failure (a password change recommended).</summary>
    public void Warn(string message) => warnings.Add(message);

    public void Check(CheckResult check)
    {
        checks.RemoveAll(existing => existing.Id == check.Id);
        checks.Add(check);
    }

    public void Fail(string message, string? code = null)
    {
        if (error is null)
        {
            error = message;
            errorCode = code;
        }
    }

    /// <summary>The step stops here: what was in flight may have reached Creatio, the rest did not.</summary>
    internal void Interrupted(bool mayHaveReachedCreatio)
    {
        foreach (var change in intended)
        {
            var state = inFlight.Contains(change.Item) && mayHaveReachedCreatio ? WriteState.Unknown : WriteState.NotSent;
            notApplied.Add(new NotApplied(change.Item, change.From, change.To, state));
        }

        intended.Clear();
        inFlight.Clear();
    }

    /// <summary>A sentence for the error message: what was and was not changed.</summary>
    internal string NotAppliedNote()
    {
        if (notApplied.Count == 0)
        {
            return changes.Count == 0 ? string.Empty : $" Changed before the failure: {string.Join(", ", changes.Select(change => change.Item))}.";
        }

        var unknown = notApplied.Where(item => item.State == WriteState.Unknown).Select(item => item.Item).ToList();
        var notSent = notApplied.Where(item => item.State == WriteState.NotSent).Select(item => item.Item).ToList();
        var note = changes.Count == 0 ? " Nothing was changed for certain." : $" Changed: {string.Join(", ", changes.Select(change => change.Item))}.";
        if (unknown.Count > 0)
        {
            note += $" Sent but not confirmed (may or may not be applied): {string.Join(", ", unknown)}.";
        }

        if (notSent.Count > 0)
        {
            note += $" Not changed: {string.Join(", ", notSent)}.";
        }

        return note + " Running again completes the job.";
    }

    internal StepResult ToResult(string name, long durationMs)
    {
        var failedCheck = checks.FirstOrDefault(check => check.Status == CheckStatus.Fail);
        var status = HasFailed ? StepStatus.Failed : changes.Count > 0 ? StepStatus.Changed : StepStatus.Unchanged;
        var code = status != StepStatus.Failed ? null : errorCode ?? failedCheck?.ErrorCode ?? ErrorCodes.CheckFailed;
        return new StepResult(name, status, durationMs, [.. changes], [.. checks], error, code, [.. notApplied]) { Warnings = [.. warnings] };
    }

    private Change? Take(string item)
    {
        var index = intended.FindIndex(change => change.Item == item);
        if (index < 0)
        {
            return null;
        }

        var change = intended[index];
        intended.RemoveAt(index);
        inFlight.Remove(item);
        return change;
    }
}
