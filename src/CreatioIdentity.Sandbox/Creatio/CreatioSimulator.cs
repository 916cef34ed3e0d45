using CreatioIdentity.Sandbox.Creatio.Auth;
using CreatioIdentity.Sandbox.Creatio.Features;
using CreatioIdentity.Sandbox.Creatio.Health;
using CreatioIdentity.Sandbox.Creatio.OAuthConfig;
using CreatioIdentity.Sandbox.Creatio.Recording;
using CreatioIdentity.Sandbox.Creatio.Settings;
using CreatioIdentity.Sandbox.Faults;
using CreatioIdentity.Sandbox.Hosting;

namespace CreatioIdentity.Sandbox.Creatio;

/// <summary>The Creatio simulator: SPEC section 4 on loopback, state in a <see cref="CreatioState"/>.</summary>
internal static class CreatioSimulator
{
    public static async Task<WebApplication> StartAsync(
        SandboxOptions options, CreatioState state, UnreachableNetwork? unreachable, TimeProvider time, CancellationToken cancellationToken)
    {
        var builder = LoopbackWebApplication.CreateBuilder(options.CreatioPort, options.CreatioCertificate);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton<IdentityServiceProbe>();
        builder.Services.AddHttpClient(IdentityServiceProbe.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                UseCookies = false,
                ConnectCallback = unreachable is null ? null : unreachable.ConnectAsync,
                SslOptions = { RemoteCertificateValidationCallback = LoopbackWebApplication.TrustAlso(options.TrustedAuthority) },
            });

        var app = builder.Build();
        app.UseRecordEndpoint(state);
        app.UseFaultEndpoint(state.Faults);
        app.UseRequestRecording(state.Log, time);
        app.UseFaultInjection(state.Faults, FaultServer.Creatio, time, state.ExpireSessions);
        app.MapGet(LoginPage.Path, LoginPage.Show);

        // Login lives at the site root on both runtimes; everything else under the runtime's prefix.
        app.MapPost(CreatioRoutes.Login, AuthEndpoints.LoginAsync);

        var services = app.MapGroup(CreatioRoutes.ServicePrefix(options.Runtime)).AddEndpointFilter<SessionFilter>();
        services.MapPost(CreatioRoutes.GetFeaturesInfo, FeatureEndpoints.GetFeaturesInfo);
        services.MapPost(CreatioRoutes.GetFeatureState, FeatureEndpoints.GetFeatureStateAsync);
        services.MapPost(CreatioRoutes.SetFeatureStateForAllUsers, FeatureEndpoints.SetFeatureStateForAllUsersAsync).WithMetadata(WriteEndpoint.Instance);
        services.MapGet(CreatioRoutes.ClearFeaturesCacheForAllUsers, FeatureEndpoints.ClearFeaturesCacheForAllUsers).WithMetadata(WriteEndpoint.Instance);
        services.MapPost(CreatioRoutes.QuerySysSettings, SettingEndpoints.QuerySysSettingsAsync);
        services.MapPost(CreatioRoutes.PostSysSettingsValues, SettingEndpoints.PostSysSettingsValuesAsync).WithMetadata(WriteEndpoint.Instance);
        services.MapGet(CreatioRoutes.OAuthHealthCheck, HealthCheckEndpoint.CheckAsync);
        services.MapPost(CreatioRoutes.AddDefaultResource, OAuthConfigEndpoints.AddDefaultResource).WithMetadata(WriteEndpoint.Instance);

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
}
