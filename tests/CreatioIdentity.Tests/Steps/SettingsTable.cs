using System.Net;
using System.Text.Json.Nodes;
using CreatioIdentity.Creatio.DataService;
using CreatioIdentity.Tests.Creatio;

namespace CreatioIdentity.Tests.Steps;

/// <summary>
/// Creatio's system settings for an in-process step: QuerySysSettings gives the value and type of
/// each known code (never a SecureText one), PostSysSettingsValues stores and answers saveResult per
/// code; and the OAuth health check, whose token flag says whether the stored secret works.
/// </summary>
internal sealed class SettingsTable
{
    public const string Url = "OAuth20IdentityServerUrl";
    public const string ClientId = "OAuth20IdentityServerClientId";
    public const string ClientSecret = "OAuth20IdentityServerClientSecret";

    private readonly Dictionary<string, (string Value, DataValueType Type)> stored = new(StringComparer.OrdinalIgnoreCase);

    public SettingsTable(StepWorld world, string url = StepWorld.IdentityServiceUrl, string clientId = StepWorld.ClientId, string secret = StepWorld.ClientSecret)
    {
        Set(Url, url).Set(ClientId, clientId).Set(ClientSecret, secret, DataValueType.SecureText);
        world.Creatio
            .Answer("/DataService/json/SyncReply/QuerySysSettings", request => Query(Body(request)))
            .Answer("/DataService/json/SyncReply/PostSysSettingsValues", request => Post(Body(request)))
            .Answer("/api/OAuthHealthCheck", _ => Health());
    }

    /// <summary>Whether Creatio's health check gets a token with the stored secret; null: this Creatio has no health check.</summary>
    public bool? TokenWithStoredSecret { get; set; } = true;

    /// <summary>Codes Creatio answers saveResult false for.</summary>
    public HashSet<string> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Codes whose value reads back as another (a personal value overrides it).</summary>
    public Dictionary<string, string> ReadsBack { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The sysSettingsValues of each PostSysSettingsValues, in order.</summary>
    public List<JsonObject> Posts { get; } = [];

    public string Value(string code) => stored[code].Value;

    public SettingsTable Set(string code, string value, DataValueType type = DataValueType.Text)
    {
        stored[code] = (value, type);
        return this;
    }

    private static JsonObject Body(HttpRequestMessage request) => JsonNode.Parse(request.Content!.ReadAsStringAsync().Result)!.AsObject();

    private HttpResponseMessage Query(JsonObject query)
    {
        var values = new JsonObject();
        foreach (var code in query["sysSettingsNameCollection"]!.AsArray().Select(code => (string)code!))
        {
            if (stored.TryGetValue(code, out var setting) && setting.Type != DataValueType.SecureText)
            {
                values[code] = new JsonObject { ["value"] = ReadsBack.GetValueOrDefault(code, setting.Value), ["dataValueType"] = (int)setting.Type };
            }
        }

        return CreatioFixture.Json(new JsonObject { ["QuerySysSettingsResult"] = new JsonObject { ["values"] = values } }.ToJsonString());
    }

    private HttpResponseMessage Post(JsonObject body)
    {
        var values = body["sysSettingsValues"]!.AsObject();
        Posts.Add(values);
        var saveResult = new JsonObject();
        foreach (var (code, value) in values)
        {
            var saved = !Refused.Contains(code);
            if (saved)
            {
                stored[code] = (value!.ToString(), stored.TryGetValue(code, out var old) ? old.Type : DataValueType.Text);
            }

            saveResult[code] = saved;
        }

        return CreatioFixture.Json(new JsonObject { ["PostSysSettingsValuesResult"] = new JsonObject { ["saveResult"] = saveResult } }.ToJsonString());
    }

    private HttpResponseMessage Health() => TokenWithStoredSecret is { } token
        ? CreatioFixture.Json(new JsonObject
        {
            ["HasProblem"] = !token,
            ["IsSystemSettingsFilledIn"] = true,
            ["IsIdentityServiceAvailable"] = true,
            ["IsAccessTokenRetrievableForSystemActions"] = token,
        }.ToJsonString())
        : new HttpResponseMessage(HttpStatusCode.NotFound);
}
