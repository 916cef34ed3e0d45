namespace CreatioIdentity.Sandbox;

/// <summary>Which Creatio runtime the simulator imitates; it decides the service prefix.</summary>
public enum SandboxRuntime
{
    /// <summary>Creatio on .NET (Core/6/8): services live at the site root.</summary>
    Net,

    /// <summary>Creatio on .NET Framework: services live under <c>/0/</c>.</summary>
    NetFramework,
}
