namespace CreatioIdentity.Sandbox.Creatio.Features;

/// <summary>Creatio 8.1 FeatureInfo: ActualState is the user's own explicit row, GroupState the All employees group's.</summary>
internal sealed record FeatureInfo(
    Guid Id,
    string Code,
    string Name,
    string Description,
    IReadOnlyList<object> StatesInfo,
    bool ActualState,
    bool HasStateForUser,
    bool GroupState,
    bool HasStateForGroup);

internal sealed record GetFeaturesInfoResponse(IReadOnlyList<FeatureInfo> GetFeaturesInfoResult);

internal sealed record GetFeatureStateResponse(int FeatureState);

internal sealed record EmptyResponse;
