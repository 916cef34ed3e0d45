using CreatioIdentity.Agents;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Commands;

/// <summary>
/// Runs one engine command: load the configuration (<see cref="ConfigLoading"/>), run each site's
/// steps (<see cref="SiteRun"/>), record, show and publish the report (<see cref="RunRecorder"/>,
/// <see cref="RunPresenter"/>, <see cref="RunPublisher"/>). With several environments selected,
/// each runs the same way, concurrently within a bound (<see cref="EnvironmentScheduler"/>), with
/// its own services, session, report folder and held-back output.
/// </summary>
public sealed class CommandRunner(IBuildAgent agent, Func<string, string?> environment)
{
    public const string TargetVariable = Protocol.EngineVariables.Target;

    /// <summary>--trace-http: the HAR file every exchange with Creatio and the Identity Service is appended to (checked by the command line).</summary>
    public string? TracePath { get; init; }

    /// <summary>How the file becomes the sites to run: as written, or with the sandbox standing in for them (SandboxStandIn).</summary>
    public Func<string, Func<string, string?>, IReadOnlyCollection<string>, ConfigSelection> LoadConfig { get; init; } = ConfigLoader.LoadSelection;

    public Task<int> RunAsync(EngineCommand command, string configPath, string reportDir, CancellationToken cancellationToken) =>
        RunAsync(command, configPath, reportDir, RunSelection.None, cancellationToken);

    public async Task<int> RunAsync(EngineCommand command, string configPath, string reportDir, RunSelection selection, CancellationToken cancellationToken)
    {
        SecretMasker.BeginRun();
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(selection);

        var run = Run.Start(command, reportDir, environment, TracePath);
        try
        {
            return await RunSelectedAsync(run, configPath, selection, cancellationToken);
        }
        finally
        {
            if (run.Trace?.TrySave() is { } failure)
            {
                agent.Warning(failure);
            }
        }
    }

    private async Task<int> RunSelectedAsync(Run run, string configPath, RunSelection selection, CancellationToken cancellationToken)
    {
        var loading = new ConfigLoading(agent, environment, LoadConfig);
        if (loading.Load(run, configPath, selection.Environments) is not { } sites)
        {
            return ExitCodes.InvalidConfiguration;
        }

        if (loading.OpenSessions() is not { } sessionCache)
        {
            return ExitCodes.Failed;
        }

        return sites.HasEnvironments
            ? await RunEnvironmentsAsync(run, sites.Environments, selection.Parallel, sessionCache, cancellationToken)
            : (await new SiteRun(agent, run, environment).RunAsync(sites.Site!, sessionCache, cancellationToken)).ExitCode;
    }

    private async Task<int> RunEnvironmentsAsync(Run run, IReadOnlyList<EnvironmentConfig> environments, int parallel, SessionCache sessionCache, CancellationToken cancellationToken)
    {
        // Every site's secrets are masked before any site prints a line.
        agent.MaskSecrets(environments.SelectMany(selected => selected.Config?.SecretValues() ?? []));
        RunPresenter.AnnounceEnvironments(agent, run, environments, parallel);

        var outcomes = await EnvironmentScheduler.RunAsync(
            agent,
            environments,
            parallel,
            (buffer, selected, token) => new SiteRun(buffer, run.ForEnvironment(selected.Name), environment)
                .RunEnvironmentAsync(selected, sessionCache.ForEnvironment(selected.Name), token),
            cancellationToken);

        var exitCode = ExitCodes.Worst(outcomes.Select(outcome => outcome.ExitCode));
        var sections = environments.Zip(outcomes, (selected, outcome) => EnvironmentReports.From(selected.Name, outcome.Report)).ToList();
        if (new RunRecorder(run).RecordEnvironments(agent, sections, [.. outcomes.SelectMany(outcome => outcome.Report.Warnings)]) is not { } report)
        {
            return ExitCodes.Worst([exitCode, ExitCodes.Failed]);
        }

        agent.ShowReport(report, run.ReportDir);
        RunPublisher.PublishEnvironments(agent, run, report, exitCode);
        return exitCode;
    }
}
