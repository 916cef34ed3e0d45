using CreatioIdentity.Sandbox.Creatio;
using CreatioIdentity.Sandbox.Creatio.Health;
using CreatioIdentity.Sandbox.Creatio.OAuthApps;
using CreatioIdentity.Sandbox.Hosting;
using CreatioIdentity.Sandbox.IdentityService;

namespace CreatioIdentity.Sandbox;

/// <summary>
/// A Creatio simulator and a real Identity Service, each on its own 127.0.0.1 port, for the
/// integration tests, the Cake sandbox target and the action's self-test.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication identityService;
    private readonly WebApplication creatio;
    private readonly UnreachableNetwork? unreachable;

    private SandboxHost(SandboxOptions options, CreatioState state, WebApplication identityService, WebApplication creatio, UnreachableNetwork? unreachable)
    {
        Options = options;
        Creatio = state;
        this.identityService = identityService;
        this.creatio = creatio;
        this.unreachable = unreachable;
        IdentityServiceUrl = LoopbackWebApplication.BoundAddress(identityService);
        CreatioUrl = LoopbackWebApplication.BoundAddress(creatio);
    }

    /// <summary>The Creatio site root, with a trailing slash.</summary>
    public Uri CreatioUrl { get; }

    /// <summary>The Identity Service root, with a trailing slash.</summary>
    public Uri IdentityServiceUrl { get; }

    public SandboxOptions Options { get; }

    public CreatioState Creatio { get; }

    /// <summary>The faults armed against both servers (the same plan as <see cref="CreatioState.Faults"/>).</summary>
    public FaultPlan Faults => Creatio.Faults;

    /// <summary>Every access token the Identity Service issued (to the runner and to the simulator alike).</summary>
    public IssuedTokens IssuedTokens { get; private init; } = new();

    public static async Task<SandboxHost> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        CreatioSimulator.Validate(options);
        var time = TimeProvider.System;
        var state = new CreatioState(options, time);
        var unreachable = options.CreatioCanReachIdentityService ? null : new UnreachableNetwork();
        var issuedTokens = new IssuedTokens();
        WebApplication? identityService = null;
        try
        {
            identityService = await IdentityServiceServer.StartAsync(options, issuedTokens, state.Faults, cancellationToken);
            var clients = new IdentityServiceClients(identityService.Services) { Issuer = LoopbackWebApplication.BoundAddress(identityService) };
            var creatio = await CreatioSimulator.StartAsync(options, state, unreachable, time, clients, cancellationToken);
            return new SandboxHost(options, state, identityService, creatio, unreachable) { IssuedTokens = issuedTokens };
        }
        catch
        {
            if (identityService is not null)
            {
                await identityService.DisposeAsync();
            }

            unreachable?.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(creatio);
        await StopAsync(identityService);
        unreachable?.Dispose();
    }

    private static async Task StopAsync(WebApplication app)
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
