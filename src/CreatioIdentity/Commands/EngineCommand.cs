using CreatioIdentity.Creatio;
using CreatioIdentity.OAuthApps;
using CreatioIdentity.Protocol;
using CreatioIdentity.Steps;

namespace CreatioIdentity.Commands;

/// <summary>One engine command and the Cake target that runs it (SPEC §2, contract; the rows of <see cref="EngineProtocol"/>).</summary>
/// <param name="ReadOnly">The command must write nothing to Creatio, whatever its steps would otherwise do (monitor).</param>
public sealed record EngineCommand(string Name, string CakeTarget, string Description, Func<IReadOnlyList<Step>> Steps, bool ReadOnly = false)
{
    public bool IsPlan => Name == "plan";

    /// <summary>
    /// What the command may do to Creatio, enforced by the Creatio session for every call: plan, monitor and
    /// the commands that only read (validate, preflight, test-connection) may not write.
    /// </summary>
    public CreatioAccess Access =>
        ReadOnly || IsPlan || Name is "validate" or "preflight" or "test-connection" ? CreatioAccess.ReadOnly(Name) : CreatioAccess.ReadWrite;
}

/// <summary>
/// The engine commands that run steps: the protocol's table (<see cref="EngineProtocol"/>: names,
/// targets, order, roles) joined with the steps each runs in its process. The sandbox and
/// list-environments are commands of their own (SandboxCommand, ListEnvironmentsCommand).
/// </summary>
public static class EngineCommands
{
    private static readonly Dictionary<string, Func<IReadOnlyList<Step>>> StepsOf = new(StringComparer.Ordinal)
    {
        ["validate"] = () => [new ValidateStep()],
        ["preflight"] = () => [new PreflightStep()],
        ["plan"] = () => [new PlanStep()],
        ["enable-feature"] = () => [new EnableFeatureStep()],
        ["apply-settings"] = () => [new ApplySettingsStep()],
        ["test-connection"] = () => [new TestConnectionStep()],
        ["diagnose"] = () => [new DiagnoseStep()],
        ["oauth-apps"] = () => [new OAuthAppsStep()],
        [RotateSecretsStep.CommandName] = () => [new RotateSecretsStep(string.Empty)],
        ["connect"] = ConnectSteps,
        ["monitor"] = () => [new PreflightStep(), new EnableFeatureStep(), new DiagnoseStep(), new OAuthAppsStep()],
    };

    public static IReadOnlyList<EngineCommand> All { get; } =
    [
        .. EngineProtocol.Targets
            .Where(target => StepsOf.ContainsKey(target.Command))
            .Select(target => new EngineCommand(target.Command, target.Target, target.Description, StepsOf[target.Command], target.ReadOnly)),
    ];

    // In one process, connect runs the steps Cake runs one process each for, in the same order.
    private static IReadOnlyList<Step> ConnectSteps() => [.. EngineProtocol.ConnectSequence.SelectMany(command => StepsOf[command]())];

    /// <summary>The help line of an engine command: what it does and its Cake target.</summary>
    public static string Help(string command) =>
        EngineProtocol.FindCommand(command) is { } row ? $"{row.Description} (Cake target {row.Target})" : throw new ArgumentException($"No engine command {command}.", nameof(command));

    public static EngineCommand? Find(string name) => All.FirstOrDefault(command => command.Name == name);

    /// <summary>rotate-secrets for one app (--app NAME).</summary>
    public static EngineCommand RotateSecrets(string app) => Find(RotateSecretsStep.CommandName)! with { Steps = () => [new RotateSecretsStep(app)] };

    /// <summary>Whether <paramref name="command"/> is the first engine process of the Cake target behind <paramref name="target"/> (<see cref="EngineProtocol.Begins"/>).</summary>
    public static bool Begins(string target, string command) => EngineProtocol.Begins(target, command);

    /// <summary>Whether <paramref name="command"/> is the last engine process of the Cake target behind <paramref name="target"/> (<see cref="EngineProtocol.Completes"/>).</summary>
    public static bool Completes(string target, string command) => EngineProtocol.Completes(target, command);
}
