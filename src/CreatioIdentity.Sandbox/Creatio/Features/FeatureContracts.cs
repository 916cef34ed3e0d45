using System.Text.Json.Serialization;

namespace CreatioIdentity.Sandbox.Creatio.Features;

/// <summary>8.1 <c>FeatureStateInfo.CrtFeatureToggling.cs</c>: one override row, with its DataMember names.</summary>
internal sealed record FeatureStateInfo(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("state")] int State,
    [property: JsonPropertyName("adminUnitId")] Guid AdminUnitId);

/// <summary>
/// 8.1 <c>FeatureInfo.CrtFeatureToggling.cs</c>: ActualState/HasStateForUser from the caller's own row,
/// GroupState/HasStateForGroup from the All employees row only; both states are numbers.
/// </summary>
internal sealed record FeatureInfo(
    Guid Id,
    string Name,
    string Code,
    string Description,
    IReadOnlyList<FeatureStateInfo> StatesInfo,
    int ActualState,
    bool HasStateForUser,
    bool HasStateForGroup,
    int GroupState);

internal sealed record GetFeaturesInfoResponse(IReadOnlyList<FeatureInfo> GetFeaturesInfoResult);

internal sealed record GetFeatureStateResponse(int FeatureState);

/// <summary>What a void WCF operation with a wrapped JSON answer gives back (assumed: an empty object).</summary>
internal sealed record EmptyResponse;

/// <summary>The JSON a WCF service answers with HTTP 500 when the operation throws (shape as on the 401 envelope).</summary>
internal sealed record ServiceFault(string Message, string? StackTrace, string ExceptionType);
