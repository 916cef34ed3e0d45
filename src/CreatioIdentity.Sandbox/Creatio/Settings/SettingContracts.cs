using System.Text.Json.Serialization;

namespace CreatioIdentity.Sandbox.Creatio.Settings;

/// <summary>One setting as QuerySysSettings answers it (8.1 BaseSysSettingsService).</summary>
internal sealed record SysSettingValue(
    [property: JsonPropertyName("value")] object? Value,
    [property: JsonPropertyName("displayValue")] string? DisplayValue,
    [property: JsonPropertyName("dataValueType")] int DataValueType,
    [property: JsonPropertyName("isCacheable")] bool IsCacheable);

internal sealed record QuerySysSettingsResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("values")] IReadOnlyDictionary<string, SysSettingValue> Values);

internal sealed record PostSysSettingsValuesResponse(
    [property: JsonPropertyName("saveResult")] IReadOnlyDictionary<string, bool> SaveResult,
    [property: JsonPropertyName("success")] bool Success);
