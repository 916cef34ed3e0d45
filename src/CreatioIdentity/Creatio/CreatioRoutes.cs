namespace CreatioIdentity.Creatio;

/// <summary>
/// One Creatio service endpoint. Reads are safe to retry even when they are POSTs (Creatio's
/// services take POST for queries); writes are never retried blindly. A route whose HTTP 500
/// carries its answer (the health check reports problems so) is not retried on a 500. A route
/// whose request carries a secret (the password, the client secret) never has its answer quoted
/// in a message (<see cref="CreatioResponse.Excerpt()"/>): a server may echo the request.
/// </summary>
public sealed record CreatioRoute(string Path, HttpMethod Method, bool IsWrite, bool AtSiteRoot = false, bool AnswersWith500 = false, bool CarriesSecret = false)
{
    /// <summary>Safe to send again after a transient fault: every read, and a write by GET (clearing a cache).</summary>
    public bool IsIdempotent => !IsWrite || Method == HttpMethod.Get;

    public override string ToString() => Path;
}

/// <summary>Every Creatio endpoint the product calls, named once (SPEC §4).</summary>
public static class CreatioRoutes
{
    public static readonly CreatioRoute Login = new("ServiceModel/AuthService.svc/Login", HttpMethod.Post, IsWrite: false, AtSiteRoot: true, CarriesSecret: true);

    public static readonly CreatioRoute GetFeaturesInfo = new("rest/FeatureService/GetFeaturesInfo", HttpMethod.Post, IsWrite: false);
    public static readonly CreatioRoute GetFeatureState = new("rest/FeatureService/GetFeatureState", HttpMethod.Post, IsWrite: false);
    public static readonly CreatioRoute SetFeatureStateForAllUsers = new("rest/FeatureService/SetFeatureStateForAllUsers", HttpMethod.Post, IsWrite: true);
    public static readonly CreatioRoute ClearFeaturesCacheForAllUsers = new("rest/FeatureService/ClearFeaturesCacheForAllUsers/", HttpMethod.Get, IsWrite: true);

    public static readonly CreatioRoute QuerySysSettings = new("DataService/json/SyncReply/QuerySysSettings", HttpMethod.Post, IsWrite: false);
    public static readonly CreatioRoute PostSysSettingsValues = new("DataService/json/SyncReply/PostSysSettingsValues", HttpMethod.Post, IsWrite: true, CarriesSecret: true);

    public static readonly CreatioRoute OAuthHealthCheck = new("api/OAuthHealthCheck", HttpMethod.Get, IsWrite: false, AnswersWith500: true);
    public static readonly CreatioRoute AddDefaultResource = new("rest/OAuthConfigService/AddDefaultResource", HttpMethod.Post, IsWrite: true);
}
