using System.CommandLine;
using CreatioIdentity.Agents;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Commands;

/// <summary>
/// `sandbox`: start the sandbox (a Creatio simulator and an OpenIddict Identity Service on
/// loopback), connect it with the embedded examples/sandbox.yml (or --config), and stop it.
/// </summary>
public static class SandboxCommand
{
    public const string EmbeddedConfigName = "sandbox.yml";

    public static Command Create(Option<string> configOption, Option<string> reportDirOption, IBuildAgent agent)
    {
        var runtimeOption = new Option<string>("--sandbox-runtime")
        {
            Description = "The runtime the simulated Creatio imitates: net (services at the site root) or netframework (under /0/).",
            DefaultValueFactory = _ => "net",
        };
        runtimeOption.AcceptOnlyFromAmong("net", "netframework");

        var command = new Command("sandbox", "Start the sandbox, run connect against it, stop it (Cake target Sandbox).") { runtimeOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var runtime = parse.GetValue(runtimeOption) == "netframework" ? SandboxRuntime.NetFramework : SandboxRuntime.Net;
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Runtime = runtime }, cancellationToken);
            agent.Info($"Sandbox started: Creatio {sandbox.CreatioUrl} ({runtime}), Identity Service {sandbox.IdentityServiceUrl}");

            var explicitConfig = parse.GetResult(configOption) is { Implicit: false };
            var configPath = explicitConfig ? parse.GetValue(configOption)! : WriteEmbeddedConfig();
            try
            {
                var environment = SandboxEnvironment(sandbox);
                var connect = EngineCommands.Find("connect")!;
                return await new CommandRunner(agent, name => environment.GetValueOrDefault(name) ?? Environment.GetEnvironmentVariable(name))
                    .RunAsync(connect, configPath, parse.GetValue(reportDirOption)!, cancellationToken);
            }
            finally
            {
                if (!explicitConfig)
                {
                    File.Delete(configPath);
                }

                agent.Info("Sandbox stopped.");
            }
        });
        return command;
    }

    /// <summary>The variables examples/sandbox.yml reads; the sandbox's throwaway credentials.</summary>
    public static Dictionary<string, string> SandboxEnvironment(SandboxHost sandbox) => new()
    {
        ["SANDBOX_CREATIO_URL"] = sandbox.CreatioUrl.AbsoluteUri,
        ["SANDBOX_IDENTITY_URL"] = sandbox.IdentityServiceUrl.AbsoluteUri,
        ["CREATIO_USERNAME"] = sandbox.Options.CreatioUsername,
        ["CREATIO_PASSWORD"] = sandbox.Options.CreatioPassword,
        ["IDENTITY_CLIENT_ID"] = sandbox.Options.ClientId,
        ["IDENTITY_CLIENT_SECRET"] = sandbox.Options.ClientSecret,
    };

    private static string WriteEmbeddedConfig()
    {
        using var resource = typeof(SandboxCommand).Assembly.GetManifestResourceStream(EmbeddedConfigName)
            ?? throw new InvalidOperationException("The embedded sandbox configuration is missing from this build.");
        var path = Path.Combine(Path.GetTempPath(), $"creatio-identity-sandbox-{Guid.NewGuid():N}.yml");
        using var file = File.Create(path);
        resource.CopyTo(file);
        return path;
    }
}
