using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Agents;

/// <summary>
/// What the GitHub Actions and Azure Pipelines agents share: both speak to their runner through
/// commands written as lines on standard output, and both still print the same readable text as
/// the console (steps, the checks table) between those commands. Each agent says how its runner
/// spells a command; this class decides when one is written:
/// <list type="bullet">
/// <item>a secret is registered with the runner the first time it is known, and before anything
/// else this process prints (the command runner masks right after loading the configuration);</item>
/// <item>log groups never nest: none is opened inside another, and none at all when the caller
/// (the Cake script, one group per task) opened one around this process;</item>
/// <item>warnings and errors become annotations, at the YAML file and line when there is one.</item>
/// </list>
/// </summary>
#pragma warning disable CA1001 // The line filter holds no resource of its own; the writer under it is the process's standard output, which lives as long as the process.
public abstract class CommandAgent : IBuildAgent
#pragma warning restore CA1001
{
    /// <summary>Set to "true" by a caller that opened a log group around this engine process.</summary>
    public const string InLogGroupVariable = Protocol.EngineVariables.InLogGroup;

    private readonly TextWriter output;
    private readonly CommandSafeWriter readable;
    private readonly ConsoleAgent console;
    private readonly SecretMasker mask;
    private readonly HashSet<string> registered = new(StringComparer.Ordinal);
    private readonly bool callerGroups;
    private bool groupOpen;

    protected CommandAgent(TextWriter output, Func<string, string?> environment, bool plain, SecretMasker? masker)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(environment);

        this.output = output;
        Environment = environment;
        mask = masker ?? SecretMasker.Shared;
        readable = new CommandSafeWriter(output);
        console = new ConsoleAgent(AgentConsole.Create(readable, plain), mask);
        callerGroups = string.Equals(environment(InLogGroupVariable), "true", StringComparison.OrdinalIgnoreCase);
    }

    public abstract string Name { get; }

    protected Func<string, string?> Environment { get; }

    /// <summary>
    /// Registers each secret with the masker and with the runner: the secret and every form of it
    /// a server may echo (<see cref="SecretForms"/>), so that the runner masks what this process
    /// never prints too (a child process's output, a later step). Each value is registered once.
    /// </summary>
    public void MaskSecrets(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);

        var secrets = values.Where(value => !string.IsNullOrEmpty(value)).ToList();
        mask.Add(secrets);
        foreach (var secret in secrets)
        {
            // A runner masks a value line by line at best: register each line of a multi-line one too.
            var lines = secret.ReplaceLineEndings("\n").Split('\n').Where(part => part.Trim().Length > 0);
            foreach (var value in SecretForms.Of(secret).Concat(lines).Distinct(StringComparer.Ordinal))
            {
                if (registered.Add(value))
                {
                    Command(MaskCommand(value));
                }
            }
        }
    }

    public IDisposable BeginGroup(string title)
    {
        if (callerGroups || groupOpen)
        {
            return new GroupScope(() => { });
        }

        groupOpen = true;
        Command(GroupStartCommand(Masked(title)));
        return new GroupScope(() =>
        {
            Command(GroupEndCommand);
            groupOpen = false;
        });
    }

    /// <summary>
    /// The step's own group unless the caller named it; the readable line leaves the name out
    /// whenever a group title already says it (the caller's, or this one).
    /// </summary>
    public IDisposable BeginStep(string name, bool namedByCaller)
    {
        var titled = namedByCaller || (!callerGroups && !groupOpen);
        var group = namedByCaller ? new GroupScope(() => { }) : BeginGroup(name);
        var line = titled ? console.BeginStep(name, namedByCaller: true) : new GroupScope(() => { });
        return new GroupScope(() =>
        {
            line.Dispose();
            group.Dispose();
        });
    }

    public void Progress(string message) => console.Progress(message);

    public void Info(string message) => console.Info(message);

    public void Warning(string message, SourceLocation? location = null) => Command(IssueCommand(IssueKind.Warning, Located(message, location), Relative(location)));

    public void Error(string message, SourceLocation? location = null) => Command(IssueCommand(IssueKind.Error, Located(message, location), Relative(location)));

    public void ShowStep(StepResult step) => console.ShowStep(step);

    public void ShowReport(Report report, string reportDir) => console.ShowReport(report, reportDir);

    public abstract void PublishReport(Report report, string reportDir);

    /// <inheritdoc cref="IBuildAgent.HandOff"/>
    public abstract void HandOff(string name, string value);

    protected enum IssueKind
    {
        Warning,
        Error,
    }

    /// <summary>The folder the runner resolves annotation paths against (the checked-out repository).</summary>
    protected abstract string? SourcesDirectoryVariable { get; }

    protected abstract string GroupEndCommand { get; }

    protected abstract string MaskCommand(string secret);

    protected abstract string GroupStartCommand(string title);

    protected abstract string IssueCommand(IssueKind kind, string message, SourceLocation? location);

    /// <summary>Writes one command on a line of its own, after any readable text before it.</summary>
    protected void Command(string line)
    {
        readable.CloseLine();
        output.Write(line);
        output.Write('\n');
        output.Flush();
    }

    /// <summary>
    /// Text that leaves this process as a command's data (an annotation, a group title, a task
    /// result): masked, cleaned of control characters, and with no runner command inside it.
    /// </summary>
    protected string Masked(string text) => LogText.Neutralize(LogText.Printable(text, mask));

    /// <summary>Text that leaves this process for a file (the job summary): masked and cleaned of control characters.</summary>
    protected string MaskedText(string text) => LogText.Printable(text, mask);

    private string Located(string message, SourceLocation? location) =>
        Masked(Relative(location) is { } at ? $"{at}: {message}" : message);

    /// <summary>
    /// The location with its file relative to the repository, with forward slashes, as the runner
    /// needs it to put the annotation on that line of that file; a file outside stays as it is.
    /// </summary>
    private SourceLocation? Relative(SourceLocation? location)
    {
        if (location is null || SourcesDirectoryVariable is not { } variable || Environment(variable) is not { Length: > 0 } root)
        {
            return location;
        }

        try
        {
            var relative = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(location.File));
            return relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)
                ? location
                : location with { File = relative.Replace(Path.DirectorySeparatorChar, '/') };
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return location;
        }
    }
}
