using CreatioIdentity.Agents;
using CreatioIdentity.Configuration;
using Spectre.Console;

namespace CreatioIdentity.Tests.Agents;

/// <summary>A console agent writing plain text (no ANSI, no colour) into a string.</summary>
internal sealed class ConsoleAgentFixture : IDisposable
{
    private readonly StringWriter output = new();

    public ConsoleAgentFixture()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        Console.Profile.Width = 200;
        Agent = new ConsoleAgent(Console, new SecretMasker());
    }

    public IAnsiConsole Console { get; }

    public ConsoleAgent Agent { get; }

    public string Output => output.ToString();

    public string[] Lines => Output.ReplaceLineEndings("\n").Split('\n');

    public void Dispose() => output.Dispose();
}
