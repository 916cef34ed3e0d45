namespace CreatioIdentity.Creatio;

/// <summary>What a call does to Creatio: the session refuses a <see cref="Write"/> in a run that may not write (<see cref="CreatioAccess"/>).</summary>
public enum RouteKind
{
    /// <summary>Only reads, whatever its HTTP method (Creatio's queries are POSTs).</summary>
    Read,

    /// <summary>Changes Creatio's data or state: features, settings, caches, OAuth resources, apps and users.</summary>
    Write,

    /// <summary>Login and logout: changes only the tool's own session, so allowed in every mode.</summary>
    Session,
}

/// <summary>
/// One Creatio service endpoint. Reads are safe to retry even when they are POSTs (Creatio's
/// services take POST for queries); writes are never retried blindly. A route whose HTTP 500
/// carries its answer (the health check reports problems so) is not retried on a 500. A route
/// whose request carries a secret never has its answer quoted in a message.
/// </summary>
public sealed record CreatioRoute(
    string Path,
    HttpMethod Method,
    RouteKind Kind,
    bool AtSiteRoot = false,
    bool AnswersWith500 = false,
    bool CarriesSecret = false,
    bool Anonymous = false)
{
    public bool IsWrite => Kind == RouteKind.Write;

    /// <summary>Safe to send again after a transient fault: every read, and a write by GET (clearing a cache).</summary>
    public bool IsIdempotent => !IsWrite || Method == HttpMethod.Get;

    public override string ToString() => Path;
}

/// <summary>
/// Every Creatio endpoint the product calls, named once and classified read, write or session here and
/// nowhere else (SPEC §4, with the sources it cites). A call to Creatio goes through one of these.
/// </summary>
public static class CreatioRoutes
{
    /// <summary>Forms login, at the site root on both runtimes (Academy: AuthService.svc).</summary>
    public static readonly CreatioRoute Login = new("ServiceModel/AuthService.svc/Login", HttpMethod.Post, RouteKind.Session, AtSiteRoot: true, CarriesSecret: true);

    /// <summary>Ends the session, so that it does not outlive the job.</summary>
    public static readonly CreatioRoute Logout = new("ServiceModel/AuthService.svc/Logout", HttpMethod.Post, RouteKind.Session, AtSiteRoot: true);

    /// <summary>Anonymous; answers under the runtime's prefix (clio EnvironmentRuntimeDetectionService).</summary>
    public static readonly CreatioRoute Ping = new("api/HealthCheck/Ping", HttpMethod.Get, RouteKind.Read, Anonymous: true);

    /// <summary>The .NET Framework login page (under /0), and the .NET one (at the root): clio's UI markers.</summary>
    public static readonly CreatioRoute NetFrameworkLoginPage = new("0/Login/NuiLogin.aspx", HttpMethod.Get, RouteKind.Read, AtSiteRoot: true, Anonymous: true);

    public static readonly CreatioRoute NetLoginPage = new("Login/Login.html", HttpMethod.Get, RouteKind.Read, AtSiteRoot: true, Anonymous: true);

    /// <summary>DataService: entity reads (AppFeature, AdminUnitFeatureState, OAuthResource) and writes.</summary>
    public static readonly CreatioRoute SelectQuery = new("DataService/json/SyncReply/SelectQuery", HttpMethod.Post, RouteKind.Read);

    public static readonly CreatioRoute UpdateQuery = new("DataService/json/SyncReply/UpdateQuery", HttpMethod.Post, RouteKind.Write);

    /// <summary>The empty name clears every feature, as the /0/Flags page's "Clear cache" button does (8.1 AppFeature_ListPage.js).</summary>
    public static readonly CreatioRoute ClearFeaturesCacheForAllUsers = new("rest/FeatureService/ClearFeaturesCacheForAllUsers/", HttpMethod.Get, RouteKind.Write);

    /// <summary>The state in effect for the caller, from the feature cache (8.1 FeatureService); asked only when AppFeature gives no StateForCurrentUser.</summary>
    public static readonly CreatioRoute GetFeatureState = new("rest/FeatureService/GetFeatureState", HttpMethod.Post, RouteKind.Read);

    public static readonly CreatioRoute QuerySysSettings = new("DataService/json/SyncReply/QuerySysSettings", HttpMethod.Post, RouteKind.Read);

    public static readonly CreatioRoute PostSysSettingsValues = new("DataService/json/SyncReply/PostSysSettingsValues", HttpMethod.Post, RouteKind.Write, CarriesSecret: true);

    /// <summary>The Diagnostic tab (Academy "OAuth health monitoring"): .NET Framework from 8.1.2, .NET from 8.3.2.</summary>
    public static readonly CreatioRoute OAuthHealthCheck = new("api/OAuthHealthCheck", HttpMethod.Get, RouteKind.Read, AnswersWith500: true);

    public static readonly CreatioRoute AddDefaultResource = new("rest/OAuthConfigService/AddDefaultResource", HttpMethod.Post, RouteKind.Write);

    /// <summary>Integrated applications (SPEC 4b; 8.1 OAuthConfigService.OAuth20.cs). AddClient's answer holds the new secret: never quoted.</summary>
    public static readonly CreatioRoute AddClient = new("rest/OAuthConfigService/AddClient", HttpMethod.Post, RouteKind.Write, CarriesSecret: true);

    public static readonly CreatioRoute UpdateClient = new("rest/OAuthConfigService/UpdateClient", HttpMethod.Post, RouteKind.Write);

    public static readonly CreatioRoute DeleteClient = new("rest/OAuthConfigService/DeleteClient", HttpMethod.Post, RouteKind.Write);

    /// <summary>Creatio 8.2+ (clio create-oauth-technical-user); 404 on 8.1.</summary>
    public static readonly CreatioRoute CreateTechnicalUser = new("rest/OAuthConfigService/CreateTechnicalUser", HttpMethod.Post, RouteKind.Write);
}
