using System.Net;
using System.Text.Json.Nodes;
using CreatioIdentity.Tests.Creatio;

namespace CreatioIdentity.Tests.Steps;

/// <summary>
/// Creatio's feature tables for an in-process step: AppFeature (the default, and the state the
/// logged-in user gets from the feature cache) and AdminUnitFeatureState (overrides of users and
/// roles), read and written through DataService, the cache cleared through FeatureService.
/// </summary>
internal sealed class FeatureTable
{
    public const string Code = "OAuth20Integration";

    private readonly Dictionary<Guid, (string Unit, int State)> overrides = [];
    private readonly Guid featureId = Guid.NewGuid();

    public FeatureTable(StepWorld world, bool? defaultState, bool? cached)
    {
        DefaultState = defaultState;
        Cached = cached;
        world.Creatio
            .Answer("/DataService/json/SyncReply/SelectQuery", request => Select(Body(request)))
            .Answer("/DataService/json/SyncReply/UpdateQuery", request => Update(Body(request)))
            .Answer("/rest/FeatureService/ClearFeaturesCacheForAllUsers/", _ =>
            {
                ClearedCache++;
                Cached = ClearWorks ? DefaultState : Cached;
                return CreatioFixture.Json("{}");
            });
    }

    public bool? DefaultState { get; private set; }

    /// <summary>The state the feature cache serves the logged-in user.</summary>
    public bool? Cached { get; private set; }

    /// <summary>When false, Creatio answers an update with <see cref="Refusal"/>.</summary>
    public bool WritesAllowed { get; init; } = true;

    /// <summary>The answer to an update Creatio refuses: by default the error a user without the rights gets.</summary>
    public string Refusal { get; init; } = """{"success":false,"rowsAffected":0,"errorInfo":{"errorCode":"SecurityException","message":"Access denied"}}""";

    /// <summary>Whether the answer to an update says how many rows it changed (some versions do not).</summary>
    public bool CountsRows { get; init; } = true;

    public int OverrideReads { get; private set; }

    /// <summary>When false, Creatio confirms an update without storing it.</summary>
    public bool WritesStick { get; init; } = true;

    /// <summary>When false, clearing the cache leaves the old state in effect.</summary>
    public bool ClearWorks { get; init; } = true;

    public int Updates { get; private set; }

    public int ClearedCache { get; private set; }

    public FeatureTable Override(string unit, int state)
    {
        overrides[Guid.NewGuid()] = (unit, state);
        return this;
    }

    private static JsonObject Body(HttpRequestMessage request) => JsonNode.Parse(request.Content!.ReadAsStringAsync().Result)!.AsObject();

    private HttpResponseMessage Select(JsonObject query)
    {
        var rows = new JsonArray();
        if ((string?)query["rootSchemaName"] == "AppFeature")
        {
            rows.Add(new JsonObject { ["Id"] = featureId, ["Code"] = Code, ["State"] = DefaultState, ["StateForCurrentUser"] = Cached, ["Source"] = "DbFeatureProvider" });
        }
        else
        {
            OverrideReads++;
            foreach (var (id, row) in overrides)
            {
                rows.Add(new JsonObject { ["Id"] = id, ["FeatureCode"] = Code, ["SysAdminUnit"] = new JsonObject { ["value"] = Guid.NewGuid(), ["displayValue"] = row.Unit }, ["FeatureState"] = row.State });
            }
        }

        return CreatioFixture.Json(new JsonObject { ["rows"] = rows, ["success"] = true }.ToJsonString());
    }

    private HttpResponseMessage Update(JsonObject query)
    {
        Updates++;
        if (!WritesAllowed)
        {
            return CreatioFixture.Json(Refusal);
        }

        var id = Guid.Parse((string)query["filters"]!["items"]!["f0"]!["rightExpression"]!["parameter"]!["value"]!);
        var values = query["columnValues"]!["items"]!.AsObject();
        if (WritesStick && values.TryGetPropertyValue("State", out var state))
        {
            DefaultState = (bool)state!["parameter"]!["value"]!;
        }
        else if (WritesStick && values.TryGetPropertyValue("FeatureState", out var featureState))
        {
            overrides[id] = (overrides[id].Unit, (int)featureState!["parameter"]!["value"]!);
        }

        return CreatioFixture.Json(CountsRows ? """{"success":true,"rowsAffected":1}""" : """{"success":true}""", HttpStatusCode.OK);
    }
}
