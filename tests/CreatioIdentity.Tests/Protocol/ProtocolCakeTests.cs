using System.Text.RegularExpressions;
using CreatioIdentity.Commands;
using CreatioIdentity.Protocol;

namespace CreatioIdentity.Tests.Protocol;

/// <summary>
/// The Cake recipe speaks the protocol the engine reads: its generated table is up to date, each
/// of its tasks runs the command the table gives it, and no recipe file keeps a copy of its own.
/// </summary>
public sealed partial class ProtocolCakeTests
{
    private static readonly string RecipeFolder = Path.GetDirectoryName(ProtocolCake.Path)!;

    [Fact]
    public void Should_Be_The_Committed_Recipe_File()
    {
        // Given
        var generated = ProtocolCake.Generate();
        if (Environment.GetEnvironmentVariable(ProtocolCake.UpdateVariable) == "1")
        {
            File.WriteAllText(ProtocolCake.Path, generated);
        }

        // When
        var committed = File.ReadAllText(ProtocolCake.Path).ReplaceLineEndings("\n");

        // Then
        Assert.True(
            committed == generated,
            $"build/recipe/protocol.cake is not what the protocol generates: run {ProtocolCake.UpdateVariable}=1 dotnet test --filter \"FullyQualifiedName~ProtocolCakeTests\" and commit it.");
    }

    [Fact]
    public void Should_Run_The_Command_Of_Each_Target_In_Its_Cake_Task()
    {
        // Given
        var tasks = File.ReadAllText(Path.Combine(RecipeFolder, "tasks.cake"));

        // When: EngineTask(parameters, "Target", ...) looks its command up; the other tasks name theirs
        var engineTasks = EngineTask().Matches(tasks).Select(match => match.Groups["target"].Value).ToList();
        var namedCommands = TaskRunningCommand().Matches(tasks).Select(match => (Target: match.Groups["target"].Value, Command: match.Groups["command"].Value)).ToList();

        // Then
        Assert.NotEmpty(engineTasks);
        Assert.All(engineTasks, target => Assert.Contains(EngineProtocol.Targets, row => row.Target == target));
        Assert.NotEmpty(namedCommands);
        Assert.All(namedCommands, task => Assert.Equal(task.Command, EngineProtocol.Targets.Single(row => row.Target == task.Target).Command));
        Assert.Contains("foreach (var step in EngineProtocol.ConnectSteps)", tasks, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Keep_No_Copy_Of_The_Protocol_In_The_Recipe()
    {
        // Given
        var copies = new List<string>();

        // When: a target name quoted beside its command, a variable of the protocol spelled out, or a connect order of its own
        foreach (var file in Directory.EnumerateFiles(RecipeFolder, "*.cake").Where(file => file != ProtocolCake.Path))
        {
            var text = File.ReadAllText(file);
            copies.AddRange(EngineProtocol.Targets
                .Where(row => text.Contains($"[\"{row.Target}\"] = \"{row.Command}\"", StringComparison.Ordinal))
                .Select(row => $"{Path.GetFileName(file)}: {row.Target}"));
            copies.AddRange(ProtocolStrings()
                .Where(name => text.Contains($"\"{name}\"", StringComparison.Ordinal))
                .Select(name => $"{Path.GetFileName(file)}: {name}"));
            if (text.Contains("ConnectSteps =", StringComparison.Ordinal))
            {
                copies.Add($"{Path.GetFileName(file)}: ConnectSteps");
            }
        }

        // Then
        Assert.Empty(copies);
    }

    [Fact]
    public void Should_Run_The_Same_Steps_In_The_Connect_Process_As_Cake_Runs_One_By_One()
    {
        // When
        var steps = EngineCommands.Find("connect")!.Steps().Select(step => step.Name);

        // Then: a step added to the sequence joins both
        Assert.Equal(EngineProtocol.ConnectSteps, steps);
    }

    private static IEnumerable<string> ProtocolStrings() =>
        [
            .. typeof(EngineVariables).GetFields().Where(field => field.IsLiteral).Select(field => (string)field.GetRawConstantValue()!),
            CiSystems.GitHubActionsVariable,
            CiSystems.AzurePipelinesVariable,
        ];

    [GeneratedRegex(@"EngineTask\(parameters, ""(?<target>\w+)""")]
    private static partial Regex EngineTask();

    // Task("Target") ... RunEngine(parameters, "command" before the next Task(.
    [GeneratedRegex(@"Task\(""(?<target>\w+)""\)(?:(?!Task\("").)*?RunEngine\(parameters, ""(?<command>[a-z-]+)""", RegexOptions.Singleline)]
    private static partial Regex TaskRunningCommand();
}
