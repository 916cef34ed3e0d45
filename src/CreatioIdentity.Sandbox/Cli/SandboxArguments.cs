using System.Globalization;

namespace CreatioIdentity.Sandbox.Cli;

/// <summary>The sandbox process's command line; a dev harness, so parsing stays trivial.</summary>
internal sealed record SandboxArguments(SandboxOptions Options, string? ReadyFile, int? ParentPid)
{
    public const string Usage =
        "Usage: CreatioIdentity.Sandbox [--runtime net|netframework] [--creatio-port N] [--identity-port N] " +
        "[--ready-file PATH] [--parent-pid PID] [--creatio-cannot-reach-identity] [--latency-ms N]";

    /// <exception cref="ArgumentException">An argument is unknown or its value is missing or wrong.</exception>
    public static SandboxArguments Parse(IReadOnlyList<string> args)
    {
        var runtime = SandboxRuntime.Net;
        int creatioPort = 0, identityPort = 0;
        int? parentPid = null;
        string? readyFile = null;
        var canReach = true;
        var latency = TimeSpan.Zero;

        for (var index = 0; index < args.Count; index++)
        {
            var name = args[index];
            string Value() => index + 1 < args.Count ? args[++index] : throw new ArgumentException($"{name} needs a value.");

            switch (name)
            {
                case "--runtime": runtime = ParseRuntime(Value()); break;
                case "--creatio-port": creatioPort = ParsePort(name, Value()); break;
                case "--identity-port": identityPort = ParsePort(name, Value()); break;
                case "--ready-file": readyFile = Value(); break;
                case "--parent-pid": parentPid = ParseNumber(name, Value()); break;
                case "--creatio-cannot-reach-identity": canReach = false; break;
                case "--latency-ms": latency = TimeSpan.FromMilliseconds(ParseNumber(name, Value())); break;
                default: throw new ArgumentException($"Unknown argument '{name}'.");
            }
        }

        var options = new SandboxOptions
        {
            Runtime = runtime,
            CreatioPort = creatioPort,
            IdentityServicePort = identityPort,
            CreatioCanReachIdentityService = canReach,
            Latency = latency,
        };
        return new SandboxArguments(options, readyFile, parentPid);
    }

    public static string RuntimeName(SandboxRuntime runtime) => runtime == SandboxRuntime.NetFramework ? "netframework" : "net";

    private static SandboxRuntime ParseRuntime(string value) => value.ToLowerInvariant() switch
    {
        "net" => SandboxRuntime.Net,
        "netframework" => SandboxRuntime.NetFramework,
        _ => throw new ArgumentException($"--runtime must be net or netframework, not '{value}'."),
    };

    private static int ParsePort(string name, string value)
    {
        var port = ParseNumber(name, value);
        return port is >= 0 and <= 65535 ? port : throw new ArgumentException($"{name} must be a port number, not '{value}'.");
    }

    private static int ParseNumber(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"{name} must be a number, not '{value}'.");
}
