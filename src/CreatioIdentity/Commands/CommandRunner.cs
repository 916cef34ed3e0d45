using System.Collections.Concurrent;
using CreatioIdentity.Agents;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.Hosting;
using CreatioIdentity.PrivateFiles;
using CreatioIdentity.Reporting;
using CreatioIdentity.Steps;
using CreatioIdentity.Tracing;
using Microsoft.Extensions.DependencyInjection;

namespace CreatioIdentity.Commands;

/// <summary>
/// Runs one engine command: load the configuration, run its steps in order (stopping at the first
/// failure), record the report and show it. The only place where steps and agents meet. With
/// several environments selected, each runs the same way, concurrently within a bound, with its
/// own services, session, report folder and held-back output.
/// </summary>
public sealed class CommandRunner(IBuildAgent agent, Func<string, string?> environment)
{
    public const string TargetVariable = "CREATIO_IDENTITY_TARGET";

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

        var runId = environment(SessionCache.RunIdVariable);
        var reportCommand = runId is not null && environment(TargetVariable) is { Length: > 0 } target ? target : command.Name;
        var trace = TracePath is null ? null : HttpTrace.Start(TracePath, runId, command.Name);
        var run = new Run(command, reportDir, reportCommand, runId, StepTuning.FromEnvironment(environment), trace)
        {
            // Under a Cake target (a run id and a target), a task that runs one step is named after it.
            StepNamedByCaller = runId is not null && environment(TargetVariable) is { Length: > 0 } && command.Steps().Count == 1,
        };
        try
        {
            return await RunSelectedAsync(run, configPath, selection, cancellationToken);
        }
        finally
        {
            if (trace?.TrySave() is { } failure)
            {
                agent.Warning(failure);
            }
        }
    }

    private async Task<int> RunSelectedAsync(Run run, string configPath, RunSelection selection, CancellationToken cancellationToken)
    {
        ConfigSelection loaded;
        try
        {
            loaded = LoadConfig(configPath, environment, selection.Environments);
        }
        catch (ConfigurationException exception)
        {
            return Invalid(agent, exception.Errors, run, creatio: string.Empty).ExitCode;
        }

        // Masked from here on, in every writer and agent, before anything can quote them.
        SecretMasker.Shared.Add(loaded.HasEnvironments
            ? loaded.Environments.SelectMany(selected => selected.Config?.SecretValues() ?? [])
            : loaded.Site!.SecretValues());

        SessionCache sessionCache;
        try
        {
            sessionCache = SessionCache.FromEnvironment(environment);
        }
        catch (UnsafePathException exception)
        {
            // A session folder another user could read or swap: stop before any login is kept there.
            agent.Error(exception.Message);
            return ExitCodes.Failed;
        }

        return loaded.HasEnvironments
            ? await RunEnvironmentsAsync(run, loaded.Environments, selection.Parallel, sessionCache, cancellationToken)
            : (await RunSiteAsync(agent, run, loaded.Site!, sessionCache, cancellationToken)).ExitCode;
    }

    private async Task<int> RunEnvironmentsAsync(Run run, IReadOnlyList<EnvironmentConfig> environments, int parallel, SessionCache sessionCache, CancellationToken cancellationToken)
    {
        // Every site's secrets are masked before any site prints a line.
        agent.MaskSecrets(environments.SelectMany(selected => selected.Config?.SecretValues() ?? []));
        agent.Info($"{run.Command.Name}: {environments.Count} environment(s) ({string.Join(", ", environments.Select(selected => selected.Name))}), at most {parallel} at a time.");

        var outcomes = new ConcurrentDictionary<string, SiteOutcome>(StringComparer.Ordinal);
        var output = new Lock();
        await Parallel.ForEachAsync(
            environments,
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (selected, token) =>
            {
                var buffer = new BufferedAgent(agent);
                var siteRun = run with { ReportDir = Path.Combine(run.ReportDir, selected.Name), Environment = selected.Name };
                var outcome = await RunEnvironmentAsync(buffer, siteRun, selected, sessionCache.ForEnvironment(selected.Name), token);
                outcomes[selected.Name] = outcome;
                lock (output)
                {
                    buffer.Flush(selected.Name, $"{selected.Name}: {ReportFormat.Headline(outcome.Report).Text}");
                }
            });

        var sections = environments.Select(selected => EnvironmentReports.From(selected.Name, outcomes[selected.Name].Report)).ToList();
        var exitCode = ExitCodes.Worst(outcomes.Values.Select(outcome => outcome.ExitCode));
        Report report;
        try
        {
            report = ReportStore.RecordEnvironments(run.ReportDir, run.ReportCommand, run.RunId, sections,
                [.. environments.SelectMany(selected => outcomes[selected.Name].Report.Warnings)]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            agent.Error($"The report could not be written to {run.ReportDir} ({exception.Message}): pass a writable --report-dir. The environments above ran as shown.");
            return ExitCodes.Worst([exitCode, ExitCodes.Failed]);
        }

        agent.ShowReport(report, run.ReportDir);

        // Each environment's own report was held back (BufferedAgent); the run publishes once, the whole of it.
        if (exitCode != ExitCodes.Ok || EngineCommands.Completes(run.ReportCommand, run.Command.Name))
        {
            agent.PublishReport(report, run.ReportDir);
        }

        return exitCode;
    }

    /// <summary>One environment; whatever happens in it stays in it (its outcome says so).</summary>
    private async Task<SiteOutcome> RunEnvironmentAsync(BufferedAgent buffer, Run run, EnvironmentConfig selected, SessionCache sessionCache, CancellationToken cancellationToken)
    {
        if (selected.Config is null)
        {
            return Invalid(buffer, selected.Errors, run, creatio: string.Empty);
        }

        try
        {
            return await RunSiteAsync(buffer, run, selected.Config, sessionCache, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var message = $"The environment {selected.Name} stopped on an unexpected {exception.GetType().Name}: {exception.Message}";
            buffer.Error(message);
            var failed = new StepResult(run.Command.Name, StepStatus.Failed, 0, [], [], message);
            return new SiteOutcome(ExitCodes.Failed, Unrecorded(run, selected.Config.Creatio.Url.AbsoluteUri, [failed]));
        }
    }

    private async Task<SiteOutcome> RunSiteAsync(IBuildAgent output, Run run, IdentityConfig config, SessionCache sessionCache, CancellationToken cancellationToken)
    {
        output.MaskSecrets(config.SecretValues());
        // The file's warnings once per run (report.json keeps them too): the step processes of one
        // Cake target read the same file, and six copies of an annotation help nobody.
        if (run.RunId is null || EngineCommands.Begins(run.ReportCommand, run.Command.Name))
        {
            foreach (var warning in config.Warnings)
            {
                output.Warning(warning.Message, warning.Location);
            }
        }

        var creatio = config.Creatio.Url.AbsoluteUri;
        var progress = new AgentProgress(output);
        ServiceProvider services;
        try
        {
            var proxy = EnvironmentProxy.FromEnvironment(environment, config.Source.Path);
            SecretMasker.Shared.Add(proxy.Passwords);
            output.MaskSecrets(proxy.Passwords);
            services = EngineServices.Build(config, sessionCache, progress, run.Tuning, run.Command.Access, proxy, run.Trace?.ForEnvironment(run.Environment), environment);
        }
        catch (ConfigurationException exception)
        {
            return Invalid(output, exception.Errors, run, creatio);
        }

        List<StepResult> results;
        await using (services)
        {
            var context = services.GetRequiredService<StepContext>();
            results = await StepSequence.RunAsync(output, run, run.Command.ReadOnly ? context.WithReadOnly() : context, cancellationToken);
        }

        Report report;
        try
        {
            report = ReportStore.Record(run.ReportDir, run.ReportCommand, creatio, run.RunId, results,
                [.. config.Warnings.Select(warning => new ReportWarning(warning.Message, warning.Location.File, warning.Location.Line, warning.Location.Column)),
                 .. results.SelectMany(result => result.Warnings).Select(warning => new ReportWarning(warning, null, null, null))]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            output.Error($"The report could not be written to {run.ReportDir} ({exception.Message}): pass a writable --report-dir. The steps above ran as shown.");
            return new SiteOutcome(ExitCodes.Failed, Unrecorded(run, creatio, results));
        }

        // The table, the verdict and the report's path once, when the run is complete (the target
        // is done, or it stops here on a failure); a step process of a longer Cake target has said
        // what it changed and checked on its step's line, and the log tells one story.
        var anyFailed = results.Any(result => result.Status == StepStatus.Failed);
        var final = anyFailed || EngineCommands.Completes(run.ReportCommand, run.Command.Name);
        if (final)
        {
            output.ShowReport(report, run.ReportDir);
        }

        // Red checks are annotated at the YAML line they are about (the environment's own key, or
        // the default it inherited); the final process annotates every red check of the run,
        // including those an earlier step process decided.
        var prefix = run.Environment is null ? string.Empty : $"{run.Environment}: ";
        var red = (final ? report.Checks : results.SelectMany(result => result.Checks)).Where(check => check.Status == CheckStatus.Fail);
        foreach (var check in red)
        {
            output.Error($"{prefix}{check.Id}: {check.Message}", check.ConfigPath is null ? null : config.Source.Locate(check.ConfigPath));
        }

        foreach (var failure in results.Where(result => result.Status == StepStatus.Failed && !result.Checks.Any(check => check.Status == CheckStatus.Fail)))
        {
            if (failure.Error is not null)
            {
                // The error code as report.json has it, so the log and the report name the same failure.
                var code = failure.ErrorCode is null ? string.Empty : $" [{failure.ErrorCode}]";
                output.Error($"{prefix}{failure.Name}{code}: {failure.Error}");
            }
        }

        if (final)
        {
            output.PublishReport(report, run.ReportDir);
        }

        if (anyFailed)
        {
            // A failure that only the file or the command line can fix, and that no red check
            // reports (an --app the file does not declare), is the invalid-configuration exit.
            var failures = results.Where(result => result.Status == StepStatus.Failed).ToList();
            var invalid = failures.Count > 0
                && failures.TrueForAll(result => result.ErrorCode == ErrorCodes.Configuration)
                && !results.SelectMany(result => result.Checks).Any(check => check.Status == CheckStatus.Fail);
            return new SiteOutcome(invalid ? ExitCodes.InvalidConfiguration : ExitCodes.Failed, report);
        }

        return new SiteOutcome(run.Command.IsPlan && results.Any(result => result.Changes.Count > 0) ? ExitCodes.ChangesPending : ExitCodes.Ok, report);
    }

    private static SiteOutcome Invalid(IBuildAgent output, IReadOnlyList<ConfigDiagnostic> errors, Run run, string creatio)
    {
        foreach (var error in errors)
        {
            output.Error(error.Message, error.Location);
        }

        var message = string.Join(Environment.NewLine, errors.Select(error => error.ToString()));
        StepResult[] steps = [new StepResult("Validate", StepStatus.Failed, 0, [], [], message, ErrorCodes.Configuration)];
        try
        {
            // An invalid configuration stops the run here: this report is the final one.
            var report = ReportStore.Record(run.ReportDir, run.ReportCommand, creatio, run.RunId, steps);
            output.PublishReport(report, run.ReportDir);
            return new SiteOutcome(ExitCodes.InvalidConfiguration, report);
        }
        catch (Exception writeFailure) when (writeFailure is IOException or UnauthorizedAccessException)
        {
            output.Error($"The report could not be written to {run.ReportDir} ({writeFailure.Message}): pass a writable --report-dir.");
            return new SiteOutcome(ExitCodes.InvalidConfiguration, Unrecorded(run, creatio, steps));
        }
    }

    /// <summary>A report that could not be written still tells the run what happened.</summary>
    private static Report Unrecorded(Run run, string creatio, IReadOnlyList<StepResult> steps) =>
        new(Report.CurrentSchemaVersion, false, run.ReportCommand, creatio, run.RunId, steps, [.. steps.SelectMany(step => step.Checks)]);

    private sealed record SiteOutcome(int ExitCode, Report Report);
}
