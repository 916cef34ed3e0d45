using CreatioIdentity.Steps;
using CreatioIdentity.Tracing;

namespace CreatioIdentity.Commands;

/// <summary>What one command run is about: where it reports, under which command and run id, for which environment, traced where.</summary>
internal sealed record Run(EngineCommand Command, string ReportDir, string ReportCommand, string? RunId, StepTuning Tuning, HttpTrace? Trace)
{
    public string? Environment { get; init; }

    /// <summary>A Cake task of this one step's name runs this process: its banner has named the step.</summary>
    public bool StepNamedByCaller { get; init; }
}
