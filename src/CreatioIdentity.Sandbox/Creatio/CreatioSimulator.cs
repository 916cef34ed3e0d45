using CreatioIdentity.Sandbox.Creatio.Auth;
using CreatioIdentity.Sandbox.Creatio.Health;
using CreatioIdentity.Sandbox.Creatio.OAuthApps;
using CreatioIdentity.Sandbox.Creatio.Recording;
using CreatioIdentity.Sandbox.Faults;
using CreatioIdentity.Sandbox.Hosting;

namespace CreatioIdentity.Sandbox.Creatio;

/// <summary>The Creatio simulator: SPEC section 4 on loopback, state in a <see cref="CreatioState"/>.</summary>
internal static class CreatioSimulator
{
    public static async Task<WebApplication> StartAsync(
        SandboxOptions options, CreatioState state, UnreachableNetwork? unreachable, TimeProvider time, IdentityServiceClients identityService, CancellationToken cancellationToken)
    {
        Validate(options);
        var builder = LoopbackWebApplication.CreateBuilder(options.CreatioPort, options.CreatioCertificate);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(Messages.For(options.Language));
        builder.Services.AddSingleton<IdentityServiceProbe>();
        builder.Services.AddHttpClient(IdentityServiceProbe.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                UseCookies = false,
                ConnectCallback = unreachable is null ? null : unreachable.ConnectAsync,
                SslOptions = { RemoteCertificateValidationCallback = LoopbackWebApplication.TrustAlso(options.TrustedAuthority) },
            });

        builder.Services.AddSingleton(identityService);
        BearerValidation.Add(builder.Services, identityService.Issuer, options.TrustedAuthority);

        var app = builder.Build();
        app.UseRecordEndpoint(state);
        app.UseFaultEndpoint(state.Faults);
        app.UseRequestRecording(state.Log, time);
        app.UseFaultInjection(state.Faults, FaultServer.Creatio, time, SessionFaults(state, options.Runtime));
        app.UseLengthRequired();
        CreatioEndpoints.Map(app, options);

        try
        {
            await app.StartAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A faulted session ends every session, then answers as Creatio answers a call without one.</summary>
    private static SessionFaults SessionFaults(CreatioState state, SandboxRuntime runtime) => new(
        context =>
        {
            state.ExpireSessions();
            return ExpiredSession.WriteAsync(context, runtime);
        },
        context =>
        {
            state.ExpireSessions();
            return ExpiredSession.RedirectToLoginPageAsync(context, runtime);
        });

    /// <exception cref="ArgumentException">A variant that Creatio does not have.</exception>
    public static void Validate(SandboxOptions options)
    {
        _ = Messages.For(options.Language);
        if (options.LoginCode is < 0 or > 5)
        {
            throw new ArgumentException($"A login Code is 0 to 5, not {options.LoginCode}.", nameof(options));
        }

        if (options.LoginStatus is not (StatusCodes.Status200OK or StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden))
        {
            throw new ArgumentException($"The login answers HTTP 200, 401 or 403, not {options.LoginStatus}.", nameof(options));
        }
    }
}
