using CreatioIdentity.Sandbox.Creatio.Auth;
using CreatioIdentity.Sandbox.Creatio.DataService;
using CreatioIdentity.Sandbox.Creatio.Features;
using CreatioIdentity.Sandbox.Creatio.Health;
using CreatioIdentity.Sandbox.Creatio.OAuthApps;
using CreatioIdentity.Sandbox.Creatio.OAuthConfig;
using CreatioIdentity.Sandbox.Creatio.Recording;
using CreatioIdentity.Sandbox.Creatio.Settings;

namespace CreatioIdentity.Sandbox.Creatio;

/// <summary>Which route answers what, at which prefix: SPEC section 4 and the variants of <see cref="SandboxOptions"/>.</summary>
internal static class CreatioEndpoints
{
    public static void Map(WebApplication app, SandboxOptions options)
    {
        // Login and logout live at the site root on both runtimes; everything else under the runtime's prefix.
        app.MapPost(CreatioRoutes.Login, AuthEndpoints.LoginAsync);
        app.MapPost(CreatioRoutes.Logout, AuthEndpoints.Logout).AddEndpointFilter<SessionFilter>();
        app.MapGet(CreatioRoutes.LoginPage(options.Runtime), LoginPages.Show);
        MapServices(app, CreatioRoutes.ServicePrefix(options.Runtime), options);

        if (options.BothPrefixes)
        {
            MapServices(app, CreatioRoutes.OtherPrefix(options.Runtime), options);
        }
        else if (options.Runtime == SandboxRuntime.NetFramework)
        {
            app.MapGet(CreatioRoutes.Ping, LoginPages.RedirectAsync);
        }

        if (options.Runtime == SandboxRuntime.NetFramework)
        {
            app.MapPost("/0" + CreatioRoutes.Login, AuthEndpoints.LoginUnderPrefix);
        }
    }

    private static void MapServices(WebApplication app, string prefix, SandboxOptions options)
    {
        app.MapGroup(prefix).MapGet(CreatioRoutes.Ping, LoginPages.Ping);

        var services = app.MapGroup(prefix).AddEndpointFilter<AccessFilter>();
        services.MapPost(CreatioRoutes.SelectQuery, SelectQueryEndpoint.HandleAsync);
        services.MapPost(CreatioRoutes.UpdateQuery, UpdateQueryEndpoint.HandleAsync).WithMetadata(WriteEndpoint.Instance);
        services.MapPost(CreatioRoutes.GetFeaturesInfo, FeatureServiceEndpoints.GetFeaturesInfo);
        services.MapPost(CreatioRoutes.GetFeatureState, FeatureServiceEndpoints.GetFeatureStateAsync);
        services.MapPost(CreatioRoutes.SetFeatureStateForAllUsers, FeatureServiceEndpoints.SetFeatureStateForAllUsersAsync).WithMetadata(WriteEndpoint.Instance);
        services.MapGet(CreatioRoutes.ClearFeaturesCacheForAllUsers, FeatureServiceEndpoints.ClearFeaturesCacheForAllUsers).WithMetadata(WriteEndpoint.Instance);
        services.MapPost(CreatioRoutes.QuerySysSettings, SettingEndpoints.QuerySysSettingsAsync);
        services.MapPost(CreatioRoutes.PostSysSettingsValues, SettingEndpoints.PostSysSettingsValuesAsync).WithMetadata(WriteEndpoint.Instance);
        services.MapPost(CreatioRoutes.AddDefaultResource, OAuthConfigEndpoints.AddDefaultResource).WithMetadata(WriteEndpoint.Instance);
        services.MapPost(CreatioRoutes.AddClient, OAuthAppEndpoints.AddClientAsync).WithMetadata(WriteEndpoint.Instance);
        services.MapPost(CreatioRoutes.UpdateClient, OAuthAppEndpoints.UpdateClientAsync).WithMetadata(WriteEndpoint.Instance);
        services.MapPost(CreatioRoutes.DeleteClient, OAuthAppEndpoints.DeleteClientAsync).WithMetadata(WriteEndpoint.Instance);
        if (options.TechnicalUsersAvailable)
        {
            services.MapPost(CreatioRoutes.CreateTechnicalUser, OAuthAppEndpoints.CreateTechnicalUserAsync).WithMetadata(WriteEndpoint.Instance);
        }

        if (options.HealthCheckAvailable)
        {
            services.MapGet(CreatioRoutes.OAuthHealthCheck, HealthCheckEndpoint.CheckAsync);
        }
    }
}
