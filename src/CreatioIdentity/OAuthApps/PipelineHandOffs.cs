using System.Collections.Concurrent;

namespace CreatioIdentity.OAuthApps;

/// <summary>
/// Values a step hands to the following CI steps (credentials.pipelineVariables). Steps never print: they leave the
/// values here (one collection per site run, in its <see cref="Steps.StepContext"/>), and the step sequence gives
/// them to that run's build agent, which masks each before it hands it on.
/// </summary>
public sealed class PipelineHandOffs
{
    private readonly ConcurrentQueue<(string Name, string Value)> pending = new();

    public void Add(string name, string value) => pending.Enqueue((name, value));

    public IReadOnlyList<(string Name, string Value)> Take()
    {
        var taken = new List<(string, string)>();
        while (pending.TryDequeue(out var item))
        {
            taken.Add(item);
        }

        return taken;
    }
}
