namespace CreatioIdentity.Protocol;

/// <summary>
/// One Cake target and the engine command behind it (SPEC §2, contract).
/// </summary>
/// <param name="Target">The Cake target: <c>dotnet cake --target=Target</c>.</param>
/// <param name="Command">The engine command: <c>creatio-identity command</c>; CREATIO_IDENTITY_TARGET names it to every engine process of the target.</param>
/// <param name="Description">What the command does, as the engine's help says it.</param>
/// <param name="ReadOnly">The command must write nothing to Creatio, whatever its steps would otherwise do (monitor).</param>
/// <param name="Sequence">
/// The commands Cake runs one engine process each for, in this order, when it runs the target step
/// by step (ConnectIdentity on one site): the first begins the run's report, the last publishes it.
/// </param>
/// <param name="RunsAs">The command this one runs inside its own process (the sandbox runs connect).</param>
public sealed record EngineTarget(
    string Target,
    string Command,
    string Description,
    bool ReadOnly = false,
    IReadOnlyList<string>? Sequence = null,
    string? RunsAs = null);

/// <summary>
/// The Cake ⇄ engine protocol as data: which Cake target runs which engine command, the connect
/// order, and which engine process of a target begins the run's report and which publishes it.
/// The engine reads it (Commands/EngineCommand.cs); the Cake recipe reads build/recipe/protocol.cake,
/// which is generated from it (tests/CreatioIdentity.Tests/Protocol: a test fails when they differ).
/// </summary>
public static class EngineProtocol
{
    /// <summary>ConnectIdentity on one site: one engine process per step, in this order.</summary>
    /// <remarks>
    /// OAuthApps does nothing for a file without oauthApps:, and is the last process either way: the
    /// one that publishes the run's report. A step added after it publishes instead, by this table.
    /// </remarks>
    public static IReadOnlyList<string> ConnectSequence { get; } =
        ["validate", "preflight", "enable-feature", "apply-settings", "test-connection", "diagnose", "oauth-apps"];

    public static IReadOnlyList<EngineTarget> Targets { get; } =
    [
        new("Validate", "validate", "Parse and check the YAML file and resolve ${VAR}s; no network."),
        new("Preflight", "preflight", "Check the Identity Service (discovery, client_credentials token) and the Creatio login; writes nothing."),
        new("Plan", "plan", "Read the current state and list the changes apply would make; writes nothing. Exit 2 when changes are pending."),
        new("EnableFeature", "enable-feature", "Turn on each feature of features: for all users and clear the feature cache."),
        new("ApplySettings", "apply-settings", "Write the Identity Service settings that differ, in one request, and read them back."),
        new("TestConnection", "test-connection", "Creatio to the Identity Service, as the Test connection button: the health check, polled until it settles."),
        new("Diagnose", "diagnose", "Every check of the Diagnostic tab; registers the default OAuth resource when it is the only thing missing."),
        new("OAuthApps", "oauth-apps", "Create or update the OAuth 2.0 integrated applications of oauthApps:, deliver new credentials, and prove each app with its own token."),
        new("RotateSecrets", "rotate-secrets", "Give one app of oauthApps: (--app NAME) new credentials without an outage: a new client is delivered and proven before the old one is deleted."),
        new("ConnectIdentity", "connect", "Validate, Preflight, EnableFeature, ApplySettings, TestConnection, Diagnose, and OAuthApps when the file has oauthApps:.", Sequence: ConnectSequence),
        new("Monitor", "monitor", "Read-only health of each site for a schedule: Preflight, the features, Diagnose and each app of oauthApps: with its own token, writing nothing to Creatio.", ReadOnly: true),
        new("ListEnvironments", "list-environments", "Print the environments of the file as a CI matrix (JSON); needs no secret."),
        new("Sandbox", "sandbox", "Start the sandbox, run connect against it, stop it.", RunsAs: "connect"),
    ];

    /// <summary>The Cake targets of <see cref="ConnectSequence"/>, in order.</summary>
    public static IReadOnlyList<string> ConnectSteps { get; } = [.. ConnectSequence.Select(command => FindCommand(command)!.Target)];

    /// <summary>The row of an engine command, or null.</summary>
    public static EngineTarget? FindCommand(string command) =>
        Targets.FirstOrDefault(target => string.Equals(target.Command, command, StringComparison.Ordinal));

    /// <summary>Whether <paramref name="command"/> is the first engine process of the target whose command is <paramref name="target"/>: the one that starts the run's report.</summary>
    public static bool Begins(string target, string command) => Plays(target, command, sequence => sequence[0], Begins);

    /// <summary>Whether <paramref name="command"/> is the last engine process of the target whose command is <paramref name="target"/>: the one that publishes the run's report.</summary>
    public static bool Completes(string target, string command) => Plays(target, command, sequence => sequence[^1], Completes);

    // A target's own command plays every role; so does the end of its sequence, and whatever plays it in the command it runs as.
    private static bool Plays(string target, string command, Func<IReadOnlyList<string>, string> end, Func<string, string, bool> role) =>
        string.Equals(target, command, StringComparison.Ordinal)
        || FindCommand(target) is { } row
            && ((row.Sequence is { Count: > 0 } sequence && string.Equals(end(sequence), command, StringComparison.Ordinal))
                || (row.RunsAs is { } inner && role(inner, command)));
}
