using CreatioIdentity.Creatio;
using CreatioIdentity.Steps;
using CreatioIdentity.Tracing;

namespace CreatioIdentity.Commands;

/// <summary>What one command run is about: where it reports, under which command and run id, for which environment, traced where.</summary>
internal sealed record Run(EngineCommand Command, string ReportDir, string ReportCommand, string? RunId, StepTuning Tuning, HttpTrace? Trace)
{
    public string? Environment { get; init; }

    /// <summary>A Cake task of this one step's name runs this process: its banner has named the step.</summary>
    public bool StepNamedByCaller { get; init; }

    /// <summary>
    /// This process opens its report: it runs alone (no run id), or it is the first engine process
    /// of its Cake target, the one that says the file's warnings.
    /// </summary>
    public bool OpensReport => RunId is null || EngineCommands.Begins(ReportCommand, Command.Name);

    /// <summary>This process is the last engine process of its Cake target (or runs alone): its report is the whole run's.</summary>
    public bool ClosesReport => EngineCommands.Completes(ReportCommand, Command.Name);

    /// <summary>One environment of a run over several: its own report folder under the run's, its name on its lines.</summary>
    public Run ForEnvironment(string name) => this with { ReportDir = Path.Combine(ReportDir, name), Environment = name };

    /// <summary>
    /// The run as the caller set it up: under a Cake target (a run id and a target) the report is
    /// the target's, shared by its step processes; alone, the command's own.
    /// </summary>
    public static Run Start(EngineCommand command, string reportDir, Func<string, string?> environment, string? tracePath)
    {
        var runId = environment(SessionCache.RunIdVariable);
        var underTarget = runId is not null && environment(CommandRunner.TargetVariable) is { Length: > 0 };
        var reportCommand = underTarget ? environment(CommandRunner.TargetVariable)! : command.Name;
        var trace = tracePath is null ? null : HttpTrace.Start(tracePath, runId, command.Name);
        return new Run(command, reportDir, reportCommand, runId, StepTuning.FromEnvironment(environment), trace)
        {
            // Under a Cake target, a task that runs one step is named after it.
            StepNamedByCaller = underTarget && command.Steps().Count == 1,
        };
    }
}
