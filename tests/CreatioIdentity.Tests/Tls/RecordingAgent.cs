using CreatioIdentity.Agents;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Tests.Tls;

/// <summary>A build agent that keeps the warnings and errors it is given, as a CI agent turns them into annotations.</summary>
public sealed class RecordingAgent : IBuildAgent
{
    public List<(string Message, SourceLocation? Location)> Warnings { get; } = [];

    public List<(string Message, SourceLocation? Location)> Errors { get; } = [];

    public string Name => "Recording";

    public void MaskSecrets(IEnumerable<string> values)
    {
    }

    public IDisposable BeginGroup(string title) => new Group();

    public void Progress(string message)
    {
    }

    public void Info(string message)
    {
    }

    public void Warning(string message, SourceLocation? location = null) => Warnings.Add((message, location));

    public void Error(string message, SourceLocation? location = null) => Errors.Add((message, location));

    public void ShowStep(StepResult step)
    {
    }

    public void ShowReport(Report report, string reportDir)
    {
    }

    private sealed class Group : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
