using System.Text.Json.Serialization;

namespace CreatioIdentity.Creatio;

// The request bodies Creatio's services take (SPEC §4), as typed records so that they serialize
// without reflection; the engine is published ahead of time (native AOT) for a fast start.

internal sealed record LoginRequest(
    [property: JsonPropertyName("UserName")] string UserName,
    [property: JsonPropertyName("UserPassword")] string UserPassword);

internal sealed record FeatureCodeRequest([property: JsonPropertyName("code")] string Code);

internal sealed record FeatureStateRequest(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("state")] int State);

internal sealed record SysSettingsQueryRequest(
    [property: JsonPropertyName("sysSettingsNameCollection")] IReadOnlyCollection<string> Codes);

internal sealed record SysSettingsPostRequest(
    [property: JsonPropertyName("isPersonal")] bool IsPersonal,
    [property: JsonPropertyName("sysSettingsValues")] IReadOnlyDictionary<string, string> Values);

[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(FeatureCodeRequest))]
[JsonSerializable(typeof(FeatureStateRequest))]
[JsonSerializable(typeof(SysSettingsQueryRequest))]
[JsonSerializable(typeof(SysSettingsPostRequest))]
[JsonSerializable(typeof(SessionSnapshot))]
internal sealed partial class CreatioJsonContext : JsonSerializerContext;
