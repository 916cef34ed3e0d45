using Spectre.Console;

namespace CreatioIdentity.Agents;

/// <summary>The Spectre console an agent prints its human-readable text on.</summary>
public static class AgentConsole
{
    /// <summary>Set (to anything but empty) to print without colours or any other ANSI code (no-color.org).</summary>
    public const string NoColorVariable = "NO_COLOR";

    /// <summary>
    /// The width of a log that is not a terminal (redirected to a file, a CI log): wide enough that
    /// nothing is ever wrapped, so that a URL or a message stays on one line, whole and copyable.
    /// </summary>
    public const int UnwrappedWidth = 10_000;

    /// <summary>
    /// A console over <paramref name="writer"/>. On a terminal (Spectre's own detection) it takes
    /// the terminal's width, colours and ANSI codes as Spectre detects them; anywhere else (a file,
    /// a pipe, a CI log), and whenever <paramref name="plain"/> is set, it prints plain text, with
    /// no ANSI code at all, and never wraps a line.
    /// </summary>
    public static IAnsiConsole Create(TextWriter writer, bool plain)
    {
        ArgumentNullException.ThrowIfNull(writer);

        var output = new AnsiConsoleOutput(writer);
        var styled = output.IsTerminal && !plain;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = output,
            Ansi = styled ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = styled ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        if (!output.IsTerminal)
        {
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }

    /// <summary>Whether the environment asks for no colour: NO_COLOR set to anything but empty.</summary>
    public static bool NoColor(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !string.IsNullOrEmpty(environment(NoColorVariable));
    }
}
