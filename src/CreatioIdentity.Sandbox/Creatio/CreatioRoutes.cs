namespace CreatioIdentity.Sandbox.Creatio;

/// <summary>Every route the simulator serves, named once. Service routes are relative to the runtime prefix.</summary>
internal static class CreatioRoutes
{
    /// <summary>At the site root on both runtimes.</summary>
    public const string Login = "/ServiceModel/AuthService.svc/Login";

    public const string GetFeaturesInfo = "/rest/FeatureService/GetFeaturesInfo";
    public const string GetFeatureState = "/rest/FeatureService/GetFeatureState";
    public const string SetFeatureStateForAllUsers = "/rest/FeatureService/SetFeatureStateForAllUsers";
    public const string ClearFeaturesCacheForAllUsers = "/rest/FeatureService/ClearFeaturesCacheForAllUsers";
    public const string QuerySysSettings = "/DataService/json/SyncReply/QuerySysSettings";
    public const string PostSysSettingsValues = "/DataService/json/SyncReply/PostSysSettingsValues";
    public const string OAuthHealthCheck = "/api/OAuthHealthCheck";
    public const string AddDefaultResource = "/rest/OAuthConfigService/AddDefaultResource";

    /// <summary>Where the services live: <c>/0</c> on .NET Framework, the site root on .NET.</summary>
    public static string ServicePrefix(SandboxRuntime runtime) => runtime == SandboxRuntime.NetFramework ? "/0" : "/";
}
