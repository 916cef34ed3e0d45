using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

/// <summary>A fresh default sandbox per test, with a client already logged in to its Creatio.</summary>
public abstract class LoggedInSandbox : IAsyncLifetime
{
    private SandboxHost? sandbox;
    private CreatioTestClient? client;

    protected SandboxHost Sandbox => sandbox ?? throw new InvalidOperationException("The sandbox has not started.");

    internal CreatioTestClient Client => client ?? throw new InvalidOperationException("The sandbox has not started.");

    public async Task InitializeAsync()
    {
        sandbox = await SandboxHost.StartAsync();
        client = await CreatioTestClient.LoggedInAsync(sandbox);
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }
    }
}
