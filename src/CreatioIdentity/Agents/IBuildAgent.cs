using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Agents;

/// <summary>
/// How results are shown where the engine runs: the local console, GitHub Actions (workflow
/// commands, step summary) or Azure Pipelines (logging commands, uploaded summary). Which one is
/// chosen once, by <see cref="BuildAgents.Detect"/>. Agents show results; they never call Creatio.
/// </summary>
public interface IBuildAgent
{
    string Name { get; }

    /// <summary>
    /// Call before anything else is printed: the values join the agent's masker (the process's
    /// shared <see cref="SecretMasker"/> unless a test gives another), and a CI agent registers
    /// each, in every spelling a server may echo it, with the runner's log masking.
    /// </summary>
    void MaskSecrets(IEnumerable<string> values);

    /// <summary>A collapsible log section, one per command or step; disposing it ends the section.</summary>
    IDisposable BeginGroup(string title);

    /// <summary>
    /// The section of one step: a group titled with its name, or nothing of the kind when
    /// <paramref name="namedByCaller"/> (a Cake task of the same name runs this process, and its
    /// banner has named the step already). Either way <see cref="ShowStep"/> inside it need not
    /// repeat the name.
    /// </summary>
    IDisposable BeginStep(string name, bool namedByCaller) => namedByCaller ? new GroupScope(() => { }) : BeginGroup(name);

    /// <summary>A transient line, e.g. "Waiting for the health check to settle (attempt 3, 2.5 s)".</summary>
    void Progress(string message);

    void Info(string message);

    /// <summary>A warning; with a location a CI agent annotates that line of the YAML file.</summary>
    void Warning(string message, SourceLocation? location = null);

    /// <summary>An error; with a location a CI agent annotates that line of the YAML file.</summary>
    void Error(string message, SourceLocation? location = null);

    /// <summary>What the step did: its changes, what it checked, how long it took; its name unless its section named it.</summary>
    void ShowStep(StepResult step);

    /// <summary>The checks table (of this process's checks, or the whole report when it is final).</summary>
    void ShowReport(Report report, string reportDir);

    /// <summary>
    /// The run is over and this is its final report: a CI agent publishes it where the CI shows it
    /// (job summary, step outputs, task result). Called once per Cake run, by the engine process
    /// that completes the target or that failed.
    /// </summary>
    void PublishReport(Report report, string reportDir);

    /// <summary>
    /// Hands a secret value to the following steps of the CI job, masked (credentials.pipelineVariables); a console
    /// has no following steps and says so.
    /// </summary>
    void HandOff(string name, string value) => Warning($"{name} was not handed on: no CI job is running (GitHub Actions or Azure Pipelines); it went only to the other destinations of its app.");
}
