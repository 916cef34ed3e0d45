using System.Text.Json.Serialization;

namespace CreatioIdentity.Creatio;

// The request bodies Creatio's services take (SPEC §4), as typed records so that they serialize
// without reflection; the engine is published ahead of time (native AOT) for a fast start. The
// DataService queries and the typed settings write are built as JSON nodes (DataService/).

internal sealed record LoginRequest(
    [property: JsonPropertyName("UserName")] string UserName,
    [property: JsonPropertyName("UserPassword")] string UserPassword);

internal sealed record FeatureCodeRequest([property: JsonPropertyName("code")] string Code);

internal sealed record SysSettingsQueryRequest(
    [property: JsonPropertyName("sysSettingsNameCollection")] IReadOnlyCollection<string> Codes);

[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(FeatureCodeRequest))]
[JsonSerializable(typeof(SysSettingsQueryRequest))]
[JsonSerializable(typeof(SessionSnapshot))]
internal sealed partial class CreatioJsonContext : JsonSerializerContext;
