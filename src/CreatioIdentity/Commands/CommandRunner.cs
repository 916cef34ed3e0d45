using CreatioIdentity.Agents;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.Hosting;
using CreatioIdentity.Reporting;
using CreatioIdentity.Steps;
using Microsoft.Extensions.DependencyInjection;

namespace CreatioIdentity.Commands;

/// <summary>Exit codes (SPEC §2, contract).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int ChangesPending = 2;
    public const int InvalidConfiguration = 3;
}

/// <summary>
/// Runs one engine command: load the configuration, run its steps in order (stopping at the first
/// failure), record the report and show it. The only place where steps and agents meet.
/// </summary>
public sealed class CommandRunner(IBuildAgent agent, Func<string, string?> environment)
{
    public const string TargetVariable = "CREATIO_IDENTITY_TARGET";

    public async Task<int> RunAsync(EngineCommand command, string configPath, string reportDir, CancellationToken cancellationToken)
    {
        var runId = environment(SessionCache.RunIdVariable);
        var reportCommand = runId is not null && environment(TargetVariable) is { Length: > 0 } target ? target : command.Name;

        IdentityConfig config;
        try
        {
            config = ConfigLoader.Load(configPath, environment);
        }
        catch (ConfigurationException exception)
        {
            return Invalid(exception, reportDir, reportCommand, runId, creatio: string.Empty);
        }

        agent.MaskSecrets([config.Creatio.Password.Reveal(), config.IdentityService.ClientSecret.Reveal()]);
        foreach (var warning in config.Warnings)
        {
            agent.Warning(warning.Message, warning.Location);
        }

        var creatio = config.Creatio.Url.AbsoluteUri;
        var progress = new AgentProgress(agent);
        ServiceProvider services;
        try
        {
            var proxy = EnvironmentProxy.FromEnvironment(environment, config.Source.Path);
            agent.MaskSecrets(proxy.Passwords);
            services = EngineServices.Build(config, SessionCache.FromEnvironment(environment), progress, StepTuning.FromEnvironment(environment), proxy);
        }
        catch (ConfigurationException exception)
        {
            return Invalid(exception, reportDir, reportCommand, runId, creatio);
        }

        var results = new List<StepResult>();
        await using (services)
        {
            var context = services.GetRequiredService<StepContext>();
            var failed = false;
            foreach (var step in command.Steps())
            {
                if (failed)
                {
                    results.Add(new StepResult(step.Name, StepStatus.Skipped, 0, [], [], "Skipped: an earlier step failed."));
                    continue;
                }

                StepResult result;
                using (agent.BeginGroup(step.Name))
                {
                    result = await step.RunAsync(context, cancellationToken);
                    agent.ShowStep(result);
                }

                results.Add(result);
                failed = result.Status == StepStatus.Failed;
            }
        }

        Report report;
        try
        {
            report = ReportStore.Record(reportDir, reportCommand, creatio, runId, results,
                [.. config.Warnings.Select(warning => new ReportWarning(warning.Message, warning.Location.File, warning.Location.Line, warning.Location.Column))]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            agent.Error($"The report could not be written to {reportDir} ({exception.Message}): pass a writable --report-dir. The steps above ran as shown.");
            return ExitCodes.Failed;
        }

        // The whole table once, when the run is complete (the target is done, or it stops here on a
        // failure); a step process of a longer Cake target shows the checks it decided itself, so
        // the log does not repeat a growing table.
        var anyFailed = results.Any(result => result.Status == StepStatus.Failed);
        var final = anyFailed || EngineCommands.Completes(reportCommand, command.Name);
        agent.ShowReport(
            final
                ? report
                : report with
                {
                    Command = command.Name,
                    Ok = true,
                    Checks = [.. results.SelectMany(result => result.Checks)],
                },
            reportDir);

        // Red checks are annotated at the YAML line they are about; the final process annotates
        // every red check of the run, including those an earlier step process decided.
        var red = (final ? report.Checks : results.SelectMany(result => result.Checks)).Where(check => check.Status == CheckStatus.Fail);
        foreach (var check in red)
        {
            agent.Error($"{check.Id}: {check.Message}", check.ConfigPath is null ? null : config.Source.Locate(check.ConfigPath));
        }

        foreach (var failure in results.Where(result => result.Status == StepStatus.Failed && !result.Checks.Any(check => check.Status == CheckStatus.Fail)))
        {
            if (failure.Error is not null)
            {
                agent.Error($"{failure.Name}: {failure.Error}");
            }
        }

        if (final)
        {
            agent.PublishReport(report, reportDir);
        }

        if (anyFailed)
        {
            return ExitCodes.Failed;
        }

        return command.IsPlan && results.Any(result => result.Changes.Count > 0) ? ExitCodes.ChangesPending : ExitCodes.Ok;
    }

    private int Invalid(ConfigurationException exception, string reportDir, string reportCommand, string? runId, string creatio)
    {
        foreach (var error in exception.Errors)
        {
            agent.Error(error.Message, error.Location);
        }

        var message = string.Join(Environment.NewLine, exception.Errors.Select(error => error.ToString()));
        try
        {
            // An invalid configuration stops the run here: this report is the final one.
            var report = ReportStore.Record(reportDir, reportCommand, creatio, runId, [new StepResult("Validate", StepStatus.Failed, 0, [], [], message, ErrorCodes.Configuration)]);
            agent.PublishReport(report, reportDir);
        }
        catch (Exception writeFailure) when (writeFailure is IOException or UnauthorizedAccessException)
        {
            agent.Error($"The report could not be written to {reportDir} ({writeFailure.Message}): pass a writable --report-dir.");
        }

        return ExitCodes.InvalidConfiguration;
    }

    private sealed class AgentProgress(IBuildAgent agent) : IProgress<string>
    {
        public void Report(string value) => agent.Progress(value);
    }
}
