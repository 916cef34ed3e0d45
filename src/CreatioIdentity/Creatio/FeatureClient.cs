using System.Text.Json;

namespace CreatioIdentity.Creatio;

/// <summary>A feature toggle as GetFeaturesInfo describes it.</summary>
/// <param name="GroupState">The state for the All employees group, which "for all users" sets.</param>
/// <param name="ActualState">The logged-in user's own explicit state, when the user has one.</param>
public sealed record FeatureInfo(string Code, bool? GroupState, bool HasStateForGroup, bool? ActualState, bool HasStateForUser);

/// <summary>Creatio's FeatureService: feature toggles and their cache.</summary>
public sealed class FeatureClient(CreatioSession session)
{
    public async Task<IReadOnlyList<FeatureInfo>> GetFeaturesInfoAsync(CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(CreatioRoutes.GetFeaturesInfo, cancellationToken);
        Expect(answer);
        var result = answer.Result("GetFeaturesInfoResult");
        if (result.ValueKind != JsonValueKind.Array)
        {
            throw answer.NotUnderstood("no list of features");
        }

        var features = new List<FeatureInfo>();
        foreach (var item in result.EnumerateArray())
        {
            var code = item.Text("Code");
            if (string.IsNullOrEmpty(code))
            {
                continue;
            }

            features.Add(new FeatureInfo(
                code,
                item.Flag("GroupState"),
                item.Flag("HasStateForGroup") ?? item.Flag("GroupState").HasValue,
                item.Flag("ActualState"),
                item.Flag("HasStateForUser") ?? false));
        }

        return features;
    }

    /// <summary>The state in effect for the logged-in user, as the running application serves it (from its cache).</summary>
    public async Task<bool> GetFeatureStateAsync(string code, CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(CreatioRoutes.GetFeatureState, new FeatureCodeRequest(code), CreatioJsonContext.Default.FeatureCodeRequest, cancellationToken);
        Expect(answer);
        var result = answer.Result("GetFeatureStateResult");
        return result.Flag("FeatureState") ?? throw answer.NotUnderstood("no FeatureState");
    }

    public async Task SetFeatureStateForAllUsersAsync(string code, bool enabled, CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(CreatioRoutes.SetFeatureStateForAllUsers, new FeatureStateRequest(code, enabled ? 1 : 0), CreatioJsonContext.Default.FeatureStateRequest, cancellationToken);
        ExpectUnderstood(answer);
    }

    public async Task ClearFeaturesCacheForAllUsersAsync(CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(CreatioRoutes.ClearFeaturesCacheForAllUsers, cancellationToken);
        ExpectUnderstood(answer);
    }

    /// <summary>A write answers 200 with nothing, {} or a JSON string; anything else is not taken as done.</summary>
    private static void ExpectUnderstood(CreatioResponse answer)
    {
        Expect(answer);
        if (answer.Body.Trim().Length > 0)
        {
            _ = answer.Json();
        }
    }

    private static void Expect(CreatioResponse answer)
    {
        if (!answer.IsSuccess)
        {
            throw new CreatioException(CreatioFailure.HttpStatus,
                $"Creatio answered {answer.Route} with HTTP {answer.StatusCode}: {answer.Excerpt()}. The user needs the system administrator's rights to manage features.");
        }
    }
}
