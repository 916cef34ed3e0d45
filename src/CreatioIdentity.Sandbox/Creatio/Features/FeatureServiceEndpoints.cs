using System.Text;
using System.Text.Json;

namespace CreatioIdentity.Sandbox.Creatio.Features;

/// <summary>
/// FeatureService as 8.1 has it (<c>FeatureService.CrtBase.cs</c>). The product no longer calls the
/// first three; they stay so that tests can prove it, and answer as Creatio would if it did.
/// </summary>
internal static class FeatureServiceEndpoints
{
    public const string AllFeaturesClearedMessage = "Cache cleared for all features";

    /// <summary>The effective state for the caller, from the cache.</summary>
    public static async Task<IResult> GetFeatureStateAsync(HttpRequest request, CreatioState state)
    {
        var code = (await CreatioJson.ReadBodyAsync(request)).Property("code").AsText();
        var served = code is not null && state.Features.Served(code);
        return CreatioJson.Answer(new GetFeatureStateResponse(served ? 1 : 0));
    }

    /// <summary>Every existing override row, or a new row for the caller; never the default, never the cache.</summary>
    public static async Task<IResult> SetFeatureStateForAllUsersAsync(HttpRequest request, CreatioState state)
    {
        var body = await CreatioJson.ReadBodyAsync(request);
        var code = body.Property("code").AsText();
        if (body.Property("state") is not { ValueKind: JsonValueKind.Number } number || !number.TryGetInt32(out var featureState))
        {
            // WCF's DataContractJsonSerializer cannot read a non-number into 'int state'.
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }

        if (code is null || !state.Features.SetForAllUsers(code, featureState))
        {
            // 8.1 saves a row whose FeatureId is Guid.Empty: the foreign key refuses it and the exception escapes.
            return CreatioJson.Answer(
                new ServiceFault($"Feature '{code}' not found.", null, "Terrasoft.Common.DbOperationException"), StatusCodes.Status500InternalServerError);
        }

        return CreatioJson.Answer(new EmptyResponse());
    }

    /// <summary>Every Feature table row with its override rows, GroupState only from an All employees row.</summary>
    public static IResult GetFeaturesInfo(CreatioState state)
    {
        var model = state.Features;
        var overrides = model.Overrides();
        var features = model.DatabaseFeatures().Select(feature =>
        {
            var rows = overrides.Where(row => row.FeatureId == feature.Id).ToList();
            var own = rows.LastOrDefault(row => row.UnitId == model.Units.User.Id);
            var group = rows.LastOrDefault(row => row.UnitId == AdminUnits.AllEmployeesId);
            return new FeatureInfo(
                feature.Id, feature.Name, feature.Code, feature.Description,
                [.. rows.Select(row => new FeatureStateInfo(feature.Code, row.State, row.UnitId))],
                own?.State ?? 0, own is not null, group is not null, group?.State ?? 0);
        });
        return CreatioJson.Answer(new GetFeaturesInfoResponse([.. features]));
    }

    /// <summary>
    /// <c>ClearFeaturesCacheForAllUsers/{*featureName}</c>: empty for all features (the /0/Flags page), or the
    /// code in base64 (clio's <c>FeatureCommand.ClearCache</c>). The answer names what it was given, as 8.1 does.
    /// </summary>
    public static IResult ClearFeaturesCacheForAllUsers(string? featureName, CreatioState state)
    {
        if (string.IsNullOrWhiteSpace(featureName))
        {
            state.Features.ClearCache(null);
            return CreatioJson.Answer(AllFeaturesClearedMessage);
        }

        state.Features.ClearCache(Decode(featureName));
        return CreatioJson.Answer($"Cache cleared for feature {featureName}");
    }

    /// <summary>The code from its base64; a name that is not base64 is taken as the code itself (assumed).</summary>
    private static string Decode(string featureName)
    {
        var bytes = new byte[featureName.Length];
        return Convert.TryFromBase64String(featureName, bytes, out var length) ? Encoding.UTF8.GetString(bytes, 0, length) : featureName;
    }
}
