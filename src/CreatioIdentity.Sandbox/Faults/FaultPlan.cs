using CreatioIdentity.Sandbox.Faults;

namespace CreatioIdentity.Sandbox;

/// <summary>
/// The faults armed in a running sandbox, and the latency of its Creatio. Tests arm faults
/// in-process (<see cref="SandboxHost.Faults"/>); another process does it over HTTP
/// (<c>/_sandbox/faults</c>). The first armed fault that matches a request takes it.
/// </summary>
public sealed class FaultPlan
{
    /// <summary>The longest a <see cref="FaultKind.Hang"/> holds a request before it answers 504 anyway.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(100);

    private readonly Lock gate = new();
    private readonly List<ArmedFault> armed = [];
    private readonly List<InjectedFault> injected = [];
    private long latencyTicks;

    public FaultPlan(TimeSpan latency) => Latency = latency;

    /// <summary>Added to every request the Creatio simulator answers.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref latencyTicks));
        set => Interlocked.Exchange(ref latencyTicks, value < TimeSpan.Zero ? 0 : value.Ticks);
    }

    /// <summary>The faults still armed, with how many requests each will still take (null: until cleared).</summary>
    public IReadOnlyList<Fault> Armed
    {
        get
        {
            lock (gate)
            {
                return [.. armed.Select(entry => entry.Fault with { Count = entry.Remaining })];
            }
        }
    }

    /// <summary>Every fault injected so far, oldest first.</summary>
    public IReadOnlyList<InjectedFault> Injected
    {
        get
        {
            lock (gate)
            {
                return [.. injected];
            }
        }
    }

    public FaultPlan Add(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.Count is <= 0)
        {
            throw new ArgumentException("A fault's count must be at least 1, or null for 'until cleared'.", nameof(fault));
        }

        if (fault.Kind == FaultKind.Status && fault.StatusCode is < 400 or > 599)
        {
            throw new ArgumentException($"A status fault needs an HTTP error status (400-599), not {fault.StatusCode}.", nameof(fault));
        }

        if (EchoAnswers.Answers(fault.Kind) && fault.StatusCode is < 200 or > 599)
        {
            throw new ArgumentException($"A {fault.Kind} fault needs an HTTP status from 200 to 599, not {fault.StatusCode}.", nameof(fault));
        }

        lock (gate)
        {
            armed.Add(new ArmedFault(fault, fault.Count));
        }

        return this;
    }

    /// <summary>Disarms every fault; the latency stays.</summary>
    public void Clear()
    {
        lock (gate)
        {
            armed.Clear();
        }
    }

    /// <summary>The fault this request gets, and which hit of that fault it is (1 for the first).</summary>
    internal (Fault Fault, int Hit)? Take(FaultServer server, string method, string path, DateTimeOffset at)
    {
        lock (gate)
        {
            var entry = armed.FirstOrDefault(candidate => candidate.Fault.Matches(server, path));
            if (entry is null)
            {
                return null;
            }

            entry.Hits++;
            if (entry.Remaining is { } remaining)
            {
                entry.Remaining = remaining - 1;
                if (entry.Remaining == 0)
                {
                    armed.Remove(entry);
                }
            }

            injected.Add(new InjectedFault(at, server, method, path, entry.Fault.Kind, entry.Fault.AfterHandling));
            return (entry.Fault, entry.Hits);
        }
    }

    private sealed class ArmedFault(Fault fault, int? remaining)
    {
        public Fault Fault { get; } = fault;

        public int? Remaining { get; set; } = remaining;

        public int Hits { get; set; }
    }
}
