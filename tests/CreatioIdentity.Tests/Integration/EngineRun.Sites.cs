using System.Text;
using CreatioIdentity.Commands;
using CreatioIdentity.Reporting;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Integration;

/// <summary>A world of several sites: one sandbox per environment of a defaults: + environments: file.</summary>
public sealed partial class EngineRun
{
    /// <summary>The environment names of a world of several sites.</summary>
    public IReadOnlyCollection<string> Names => sites.Keys;

    public SandboxHost this[string name] => sites[name];

    /// <summary>
    /// Starts one sandbox per name, at once, each with a password and client secret of its own, and a
    /// file with defaults: and environments: naming them (variables <c>{NAME}_CREATIO_URL</c> and so on).
    /// </summary>
    public static async Task<EngineRun> StartSitesAsync(params string[] names)
    {
        var directory = CreateFolder();
        var started = await Task.WhenAll(names.Select(name => SandboxHost.StartAsync(new SandboxOptions
        {
            CreatioPassword = $"Creatio-{name}-password-7",
            ClientSecret = $"identity-{name}-secret-7",
        })));
        var world = new EngineRun(directory, names.Zip(started).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal));
        world.WriteSitesConfig();
        return world;
    }

    /// <summary>Runs a command over the named environments (or "all"), as <c>--environment</c> does.</summary>
    public Task<RunResult> RunSitesAsync(string command, params string[] environments) =>
        RunSitesAsync(command, RunSelection.DefaultParallel, environments);

    public Task<RunResult> RunSitesAsync(string command, int parallel, params string[] environments) =>
        RunAsync(command, ConfigPath, ReportDir, new RunSelection(environments, parallel));

    /// <summary>The report of one environment's own folder.</summary>
    public Report? ReportOf(string name) => ReportStore.TryRead(Path.Combine(ReportDir, name));

    /// <summary>Stops one site's sandbox, as a Creatio that is down.</summary>
    public async Task StopAsync(string name)
    {
        if (stopped.Add(name))
        {
            await sites[name].DisposeAsync();
        }
    }

    private void WriteSitesConfig()
    {
        environment["CREATIO_USERNAME"] = "Supervisor";
        environment["IDENTITY_CLIENT_ID"] = "creatio-sandbox";
        var yaml = new StringBuilder("""
            version: 1
            defaults:
              creatio:
                username: ${CREATIO_USERNAME}
                timeoutSeconds: 10
              identityService:
                clientId: ${IDENTITY_CLIENT_ID}
              features:
                OAuth20Integration: true
            environments:

            """);
        foreach (var (name, sandbox) in sites)
        {
            var prefix = name.ToUpperInvariant();
            yaml.Append("  ").Append(name).Append(":\n")
                .Append("    creatio:\n")
                .Append("      url: ${").Append(prefix).Append("_CREATIO_URL}\n")
                .Append("      password: ${").Append(prefix).Append("_CREATIO_PASSWORD}\n")
                .Append("    identityService:\n")
                .Append("      url: ${").Append(prefix).Append("_IDENTITY_URL}\n")
                .Append("      clientSecret: ${").Append(prefix).Append("_IDENTITY_CLIENT_SECRET}\n");
            environment[$"{prefix}_CREATIO_URL"] = sandbox.CreatioUrl.AbsoluteUri;
            environment[$"{prefix}_CREATIO_PASSWORD"] = sandbox.Options.CreatioPassword;
            environment[$"{prefix}_IDENTITY_URL"] = sandbox.IdentityServiceUrl.AbsoluteUri;
            environment[$"{prefix}_IDENTITY_CLIENT_SECRET"] = sandbox.Options.ClientSecret;
        }

        File.WriteAllText(ConfigPath, yaml.ToString());
    }
}
