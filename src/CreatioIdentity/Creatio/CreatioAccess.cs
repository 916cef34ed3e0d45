namespace CreatioIdentity.Creatio;

/// <summary>
/// Whether this run may change Creatio, decided once from the command (plan, monitor and the commands that
/// only read may not) and enforced by the session for every call: a write in a read-only run is refused
/// before a byte is sent, whatever the step that asked for it believed. Login and logout are always allowed.
/// </summary>
public sealed class CreatioAccess
{
    private CreatioAccess(string? readOnlyMode) => ReadOnlyMode = readOnlyMode;

    /// <summary>A run that may write (apply, connect, oauth-apps, ...).</summary>
    public static CreatioAccess ReadWrite { get; } = new(null);

    /// <summary>The mode that forbids writes, as the user named it ("plan", "monitor"); null when the run may write.</summary>
    public string? ReadOnlyMode { get; }

    public bool MayWrite => ReadOnlyMode is null;

    /// <param name="mode">The command that may not write, named in the refusal.</param>
    public static CreatioAccess ReadOnly(string mode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mode);
        return new CreatioAccess(mode);
    }

    /// <summary>Lets a call through, or refuses a write in a read-only run.</summary>
    /// <exception cref="CreatioWriteRefusedException">The route writes and this run may not.</exception>
    public void Admit(CreatioRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (route.IsWrite && ReadOnlyMode is { } mode)
        {
            throw new CreatioWriteRefusedException(route, mode);
        }
    }

    public override string ToString() => ReadOnlyMode is null ? "read-write" : $"read-only ({ReadOnlyMode})";
}

/// <summary>
/// A write asked for in a run that may not write: a defect of the tool, never of the site, so the step fails
/// loudly (exit 1) instead of reporting green. Nothing was sent.
/// </summary>
public sealed class CreatioWriteRefusedException(CreatioRoute route, string mode)
    : InvalidOperationException(
        $"{mode} writes nothing to Creatio, yet a step asked for {route.Method.Method} {route.Path}; it was refused before it was sent. "
        + "This is a defect of creatio-identity.")
{
    public CreatioRoute Route { get; } = route;

    public string Mode { get; } = mode;
}
