using System.CommandLine;
using CreatioIdentity.Agents;
using CreatioIdentity.Companions;
using CreatioIdentity.Configuration;
using CreatioIdentity.PrivateFiles;

namespace CreatioIdentity.Commands;

/// <summary>
/// `sandbox`: start the sandbox (a Creatio simulator and an OpenIddict Identity Service on
/// loopback), connect it with the embedded examples/sandbox.yml, or with --config FILE whose sites
/// the sandbox stands in for (<see cref="SandboxStandIn"/>), and stop it.
/// </summary>
public static class SandboxCommand
{
    public const string EmbeddedConfigName = "sandbox.yml";

    public static Command Create(Option<string> configOption, Option<string> reportDirOption, IBuildAgent agent, Func<ParseResult, RunSelection>? selection = null, Option<string?>? traceOption = null)
    {
        var runtimeOption = new Option<string>("--sandbox-runtime")
        {
            Description = "The runtime the simulated Creatio imitates: net (services at the site root) or netframework (under /0/).",
            DefaultValueFactory = _ => "net",
        };
        runtimeOption.AcceptOnlyFromAmong("net", "netframework");
        var dllOption = new Option<string?>("--sandbox-dll")
        {
            Description = $"The sandbox program ({Companion.Sandbox.DllName}); found beside this program or in the repository's build output when not given.",
        };

        var command = new Command("sandbox", EngineCommands.Help("sandbox")) { runtimeOption, dllOption };
        command.SetAction((parse, cancellationToken) =>
        {
            var explicitConfig = parse.GetResult(configOption) is { Implicit: false } ? parse.GetValue(configOption) : null;
            return RunAsync(agent, System.Environment.GetEnvironmentVariable, parse.GetValue(runtimeOption)!, parse.GetValue(dllOption),
                explicitConfig, parse.GetValue(reportDirOption)!, cancellationToken, selection?.Invoke(parse), traceOption is null ? null : parse.GetValue(traceOption));
        });
        return command;
    }

    public static async Task<int> RunAsync(
        IBuildAgent agent,
        Func<string, string?> environment,
        string runtime,
        string? sandboxDll,
        string? configPath,
        string reportDir,
        CancellationToken cancellationToken,
        RunSelection? selection = null,
        string? tracePath = null)
    {
        sandboxDll ??= Companion.Sandbox.Locate();
        if (sandboxDll is null || !File.Exists(sandboxDll))
        {
            agent.Error($"The sandbox program {sandboxDll ?? Companion.Sandbox.DllName} was not found: the installed tool carries it in its sandbox/ folder (reinstall the tool); in a clone, build it with '{Companion.Sandbox.BuildHint}', or pass --sandbox-dll.");
            return ExitCodes.InvalidConfiguration;
        }

        SandboxProcess sandbox;
        try
        {
            sandbox = await SandboxProcess.StartAsync(sandboxDll, runtime, environment, cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            agent.Error(exception.Message);
            return ExitCodes.Failed;
        }

        using (sandbox)
        {
            var ready = sandbox.Ready;
            agent.MaskSecrets([ready.CreatioPassword, ready.ClientSecret]);
            agent.Info($"Sandbox started: Creatio {ready.CreatioUrl} ({ready.Runtime}), Identity Service {ready.IdentityServiceUrl}");
            var config = configPath ?? WriteEmbeddedConfig(sandbox.Folder);
            try
            {
                var variables = ready.Environment();
                var connect = EngineCommands.Find("connect")!;

                // The user's file runs against the sandbox in place of its own sites; its environments
                // take turns, since they all reach the one sandbox.
                var runner = new CommandRunner(agent, name => variables.GetValueOrDefault(name) ?? environment(name))
                {
                    TracePath = tracePath,
                    LoadConfig = configPath is null ? ConfigLoader.LoadSelection : new SandboxStandIn(ready, agent).Load,
                };
                return await runner.RunAsync(connect, config, reportDir, new RunSelection(selection?.Environments ?? [], parallel: 1), cancellationToken);
            }
            finally
            {
                agent.Info("Sandbox stopped.");
            }
        }
    }

    /// <summary>examples/sandbox.yml, into the sandbox's private folder (which goes with the sandbox).</summary>
    private static string WriteEmbeddedConfig(string folder)
    {
        using var resource = typeof(SandboxCommand).Assembly.GetManifestResourceStream(EmbeddedConfigName)
            ?? throw new InvalidOperationException("The embedded sandbox configuration is missing from this build.");
        var path = Path.Combine(folder, EmbeddedConfigName);
        using var file = PrivateFile.CreateNew(path, FileAccess.Write);
        resource.CopyTo(file);
        return path;
    }
}
