namespace CreatioIdentity.Agents;

/// <summary>Chooses the agent for where the engine runs, once per process.</summary>
public static class BuildAgents
{
    /// <summary>
    /// GitHub Actions when GITHUB_ACTIONS=true, Azure Pipelines when TF_BUILD=True, else the local
    /// console. Everything goes to <paramref name="output"/> (standard output when not given);
    /// <paramref name="plain"/>, NO_COLOR, or an output that is not a terminal leave out ANSI
    /// codes and colours (<see cref="AgentConsole.Create"/>).
    /// </summary>
    public static IBuildAgent Detect(Func<string, string?> environment, TextWriter? output = null, bool plain = false)
    {
        ArgumentNullException.ThrowIfNull(environment);

        plain |= AgentConsole.NoColor(environment);
        if (GitHubActionsAgent.IsRunningOn(environment))
        {
            return new GitHubActionsAgent(output ?? Console.Out, environment, plain);
        }

        if (AzurePipelinesAgent.IsRunningOn(environment))
        {
            return new AzurePipelinesAgent(output ?? Console.Out, environment, plain);
        }

        return new ConsoleAgent(AgentConsole.Create(output ?? Console.Out, plain));
    }
}
