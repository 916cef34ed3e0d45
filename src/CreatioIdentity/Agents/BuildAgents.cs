using Spectre.Console;

namespace CreatioIdentity.Agents;

/// <summary>Chooses the agent for where the engine runs, once per process.</summary>
public static class BuildAgents
{
    public static IBuildAgent Detect(Func<string, string?> environment, IAnsiConsole? console = null)
    {
        ArgumentNullException.ThrowIfNull(environment);

        // GitHub Actions (GITHUB_ACTIONS=true) and Azure Pipelines (TF_BUILD=True) agents plug in
        // here, ahead of the console, each in its own file behind IBuildAgent.
        return new ConsoleAgent(console ?? AnsiConsole.Console);
    }
}
