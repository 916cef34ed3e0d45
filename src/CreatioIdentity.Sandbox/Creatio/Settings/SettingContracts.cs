using System.Text.Json.Serialization;

namespace CreatioIdentity.Sandbox.Creatio.Settings;

internal sealed record SysSettingValue(
    [property: JsonPropertyName("value")] object? Value,
    [property: JsonPropertyName("displayValue")] string? DisplayValue);

internal sealed record QuerySysSettingsResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("values")] IReadOnlyDictionary<string, SysSettingValue> Values);

internal sealed record PostSysSettingsValuesResponse(
    [property: JsonPropertyName("saveResult")] IReadOnlyDictionary<string, bool> SaveResult,
    [property: JsonPropertyName("success")] bool Success);
