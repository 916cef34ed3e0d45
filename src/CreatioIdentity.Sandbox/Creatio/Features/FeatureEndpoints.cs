namespace CreatioIdentity.Sandbox.Creatio.Features;

/// <summary>FeatureService: reads of the store and of the cache, writes to the store, and the cache clear.</summary>
internal static class FeatureEndpoints
{
    public const string CacheClearedMessage = "Cache cleared for all features";

    public static IResult GetFeaturesInfo(CreatioState state)
    {
        // Nobody in the sandbox has a per-user row, so ActualState stays false as on a fresh Creatio.
        var features = state.Features.All()
            .Select(row => new FeatureInfo(row.Id, row.Code, row.Name, row.Description, [], false, false, row.GroupState, row.HasStateForGroup))
            .ToList();
        return CreatioJson.Answer(new GetFeaturesInfoResponse(features));
    }

    public static async Task<IResult> GetFeatureStateAsync(HttpRequest request, CreatioState state)
    {
        var code = (await CreatioJson.ReadBodyAsync(request)).Property("code").AsText();
        var effective = code is not null && state.Features.IsEffective(code);
        return CreatioJson.Answer(new GetFeatureStateResponse(effective ? 1 : 0));
    }

    public static async Task<IResult> SetFeatureStateForAllUsersAsync(HttpRequest request, CreatioState state)
    {
        var body = await CreatioJson.ReadBodyAsync(request);
        var code = body.Property("code").AsText();
        if (string.IsNullOrWhiteSpace(code))
        {
            return Results.BadRequest("The feature code is required.");
        }

        state.Features.SetForAllUsers(code, body.Property("state").AsState());
        return CreatioJson.Answer(new EmptyResponse());
    }

    public static IResult ClearFeaturesCacheForAllUsers(CreatioState state)
    {
        state.Features.ClearCache();
        return CreatioJson.Answer(CacheClearedMessage);
    }
}
