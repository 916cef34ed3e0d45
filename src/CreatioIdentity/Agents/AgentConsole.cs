using Spectre.Console;

namespace CreatioIdentity.Agents;

/// <summary>The Spectre console an agent prints its human-readable text on.</summary>
public static class AgentConsole
{
    /// <summary>
    /// A console over <paramref name="writer"/>. Plain means no ANSI codes and no colours, at a
    /// fixed width (what tests compare); otherwise Spectre detects what the log supports.
    /// </summary>
    public static IAnsiConsole Create(TextWriter writer, bool plain)
    {
        ArgumentNullException.ThrowIfNull(writer);

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });

        // A CI log is not a terminal: Spectre would assume 80 columns and wrap every message.
        console.Profile.Width = plain ? 240 : Math.Max(console.Profile.Width, 160);
        return console;
    }
}
