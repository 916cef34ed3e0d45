using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

/// <summary>One default sandbox shared by the tests of a class that do not change Creatio's state.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private SandboxHost? sandbox;

    public SandboxHost Sandbox => sandbox ?? throw new InvalidOperationException("The sandbox has not started.");

    public async Task InitializeAsync() => sandbox = await SandboxHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }
    }
}
