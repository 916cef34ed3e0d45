using CreatioIdentity.Agents;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.Hosting;
using CreatioIdentity.Steps;
using Microsoft.Extensions.DependencyInjection;

namespace CreatioIdentity.Commands;

/// <summary>
/// One site's run: its services (the Creatio session with the command's access, the proxy, the
/// trace), its steps in order, then its report recorded, shown and published.
/// </summary>
internal sealed class SiteRun(IBuildAgent output, Run run, Func<string, string?> environment)
{
    private readonly RunRecorder recorder = new(run);

    public async Task<SiteOutcome> RunAsync(IdentityConfig config, SessionCache sessionCache, CancellationToken cancellationToken)
    {
        output.MaskSecrets(config.SecretValues());
        ShowFileWarnings(config);

        var creatio = config.Creatio.Url.AbsoluteUri;
        ServiceProvider services;
        try
        {
            services = BuildServices(config, sessionCache);
        }
        catch (ConfigurationException exception)
        {
            return recorder.Invalid(output, exception.Errors, creatio);
        }

        List<StepResult> results;
        await using (services)
        {
            var context = services.GetRequiredService<StepContext>();
            results = await StepSequence.RunAsync(output, run, run.Command.ReadOnly ? context.WithReadOnly() : context, cancellationToken);
        }

        if (recorder.Record(output, config, results) is not { } report)
        {
            return new SiteOutcome(ExitCodes.Failed, recorder.Unrecorded(creatio, results));
        }

        var final = RunVerdict.IsFinal(run, results);
        RunPresenter.ShowSite(output, run, config, report, results, final);
        RunPublisher.PublishSite(output, run, report, final);
        return new SiteOutcome(RunVerdict.ExitCode(run, results), report);
    }

    /// <summary>One environment of several; whatever happens in it stays in it (its outcome says so).</summary>
    public async Task<SiteOutcome> RunEnvironmentAsync(EnvironmentConfig selected, SessionCache sessionCache, CancellationToken cancellationToken)
    {
        if (selected.Config is null)
        {
            return recorder.Invalid(output, selected.Errors, creatio: string.Empty);
        }

        try
        {
            return await RunAsync(selected.Config, sessionCache, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var message = $"The environment {selected.Name} stopped on an unexpected {exception.GetType().Name}: {exception.Message}";
            output.Error(message);
            var failed = new StepResult(run.Command.Name, StepStatus.Failed, 0, [], [], message);
            return new SiteOutcome(ExitCodes.Failed, recorder.Unrecorded(selected.Config.Creatio.Url.AbsoluteUri, [failed]));
        }
    }

    /// <summary>
    /// The file's warnings once per run (report.json keeps them too): the step processes of one
    /// Cake target read the same file, and six copies of an annotation help nobody.
    /// </summary>
    private void ShowFileWarnings(IdentityConfig config)
    {
        if (!run.OpensReport)
        {
            return;
        }

        foreach (var warning in config.Warnings)
        {
            output.Warning(warning.Message, warning.Location);
        }
    }

    private ServiceProvider BuildServices(IdentityConfig config, SessionCache sessionCache)
    {
        var proxy = EnvironmentProxy.FromEnvironment(environment, config.Source.Path);
        SecretMasker.Shared.Add(proxy.Passwords);
        output.MaskSecrets(proxy.Passwords);
        return EngineServices.Build(config, sessionCache, new AgentProgress(output), run.Tuning, run.Command.Access, proxy, run.Trace?.ForEnvironment(run.Environment), environment);
    }
}
