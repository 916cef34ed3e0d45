namespace CreatioIdentity.Sandbox.Creatio;

/// <summary>Every route the simulator serves, named once. Service routes are relative to the runtime prefix.</summary>
internal static class CreatioRoutes
{
    /// <summary>At the site root on both runtimes.</summary>
    public const string Login = "/ServiceModel/AuthService.svc/Login";

    /// <summary>At the site root on both runtimes, as Login.</summary>
    public const string Logout = "/ServiceModel/AuthService.svc/Logout";

    public const string GetFeaturesInfo = "/rest/FeatureService/GetFeaturesInfo";
    public const string GetFeatureState = "/rest/FeatureService/GetFeatureState";
    public const string SetFeatureStateForAllUsers = "/rest/FeatureService/SetFeatureStateForAllUsers";
    public const string ClearFeaturesCacheForAllUsers = "/rest/FeatureService/ClearFeaturesCacheForAllUsers/{**featureName}";
    public const string SelectQuery = "/DataService/json/SyncReply/SelectQuery";
    public const string UpdateQuery = "/DataService/json/SyncReply/UpdateQuery";
    public const string QuerySysSettings = "/DataService/json/SyncReply/QuerySysSettings";
    public const string PostSysSettingsValues = "/DataService/json/SyncReply/PostSysSettingsValues";
    public const string OAuthHealthCheck = "/api/OAuthHealthCheck";
    public const string AddDefaultResource = "/rest/OAuthConfigService/AddDefaultResource";
    public const string AddClient = "/rest/OAuthConfigService/AddClient";
    public const string UpdateClient = "/rest/OAuthConfigService/UpdateClient";
    public const string DeleteClient = "/rest/OAuthConfigService/DeleteClient";
    public const string CreateTechnicalUser = "/rest/OAuthConfigService/CreateTechnicalUser";

    /// <summary>Anonymous: what clio's runtime detection asks first.</summary>
    public const string Ping = "/api/HealthCheck/Ping";

    /// <summary>Where the services live: <c>/0</c> on .NET Framework, the site root on .NET.</summary>
    public static string ServicePrefix(SandboxRuntime runtime) => runtime == SandboxRuntime.NetFramework ? "/0" : "/";

    /// <summary>The other runtime's prefix, which some real sites answer too.</summary>
    public static string OtherPrefix(SandboxRuntime runtime) =>
        ServicePrefix(runtime == SandboxRuntime.NetFramework ? SandboxRuntime.Net : SandboxRuntime.NetFramework);

    /// <summary>The forms login page: <c>/0/Login/NuiLogin.aspx</c> on .NET Framework, <c>/Login/Login.html</c> on .NET.</summary>
    public static string LoginPage(SandboxRuntime runtime) =>
        runtime == SandboxRuntime.NetFramework ? "/0/Login/NuiLogin.aspx" : "/Login/Login.html";
}
