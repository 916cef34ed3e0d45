namespace CreatioIdentity.Tests.Sandbox;

/// <summary>
/// The sandbox tests run one after another: each starts web servers, and on a small CI machine
/// starting many at once costs more than it saves.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SandboxGroup
{
    public const string Name = "Sandbox";
}
