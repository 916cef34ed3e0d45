using CreatioIdentity.Agents;

namespace CreatioIdentity.Commands;

/// <summary>A step's progress lines, shown by the agent.</summary>
internal sealed class AgentProgress(IBuildAgent agent) : IProgress<string>
{
    public void Report(string value) => agent.Progress(value);
}
