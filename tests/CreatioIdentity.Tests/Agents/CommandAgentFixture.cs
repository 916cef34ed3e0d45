using CreatioIdentity.Agents;
using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tests.Agents;

/// <summary>
/// A CI runner's side of a command agent: the environment it sets, the workspace it checked out,
/// the files it hands over (step summary, outputs), and everything the agent wrote, line by line.
/// </summary>
internal sealed class CommandAgentFixture : IDisposable
{
    private readonly StringWriter output = new();

    public CommandAgentFixture()
    {
        Directory.CreateDirectory(Workspace);
    }

    public string Workspace { get; } = Directory.CreateTempSubdirectory("creatio-identity-tests-").FullName;

    public Dictionary<string, string?> Environment { get; } = [];

    /// <summary>The agent's own masker: what a test registers stays out of the process's shared one.</summary>
    public SecretMasker Masker { get; } = new();

    public string Output => output.ToString();

    public string[] Lines => Output.Split('\n')[..^1];

    /// <summary>The lines a runner executes as commands, in order.</summary>
    public string[] Commands => Lines.Where(IsCommand).ToArray();

    public string PathOf(string name) => Path.Combine(Workspace, name);

    public GitHubActionsAgent GitHub()
    {
        Environment[GitHubActionsAgent.DetectVariable] = "true";
        Environment[GitHubActionsAgent.WorkspaceVariable] = Workspace;
        Environment[GitHubActionsAgent.StepSummaryVariable] = PathOf("step-summary.md");
        Environment[GitHubActionsAgent.OutputVariable] = PathOf("github-output");
        return new GitHubActionsAgent(output, name => Environment.GetValueOrDefault(name), plain: true, Masker);
    }

    public AzurePipelinesAgent Azure()
    {
        Environment[AzurePipelinesAgent.DetectVariable] = "True";
        Environment[AzurePipelinesAgent.SourcesDirectoryEnvironmentVariable] = Workspace;
        return new AzurePipelinesAgent(output, name => Environment.GetValueOrDefault(name), plain: true, Masker);
    }

    public static bool IsCommand(string line) => line.StartsWith("::", StringComparison.Ordinal) || line.StartsWith("##", StringComparison.Ordinal);

    /// <summary>Reads $GITHUB_OUTPUT as the runner does: name=value, or name&lt;&lt;delimiter ... delimiter.</summary>
    public static Dictionary<string, string> ParseGitHubOutputs(string text)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var delimiter = line[(heredoc + 2)..];
                var end = Array.IndexOf(lines, delimiter, i + 1);
                Assert.True(end > i, $"no closing delimiter {delimiter}");
                outputs[line[..heredoc]] = string.Join("\n", lines[(i + 1)..end]);
                i = end;
            }
            else if (equals > 0)
            {
                outputs[line[..equals]] = line[(equals + 1)..];
            }
        }

        return outputs;
    }

    public void Dispose()
    {
        if (Directory.Exists(Workspace))
        {
            Directory.Delete(Workspace, recursive: true);
        }
    }
}
