using System.Globalization;
using System.Text.Json;
using CreatioIdentity.Sandbox.Creatio.DataService;

namespace CreatioIdentity.Sandbox.Creatio.Settings;

/// <summary>A stored system setting: its type, its value as text (invariant), and a lookup's display value.</summary>
internal sealed record SettingValue(string Code, DataValueType Type, string? Value, string? DisplayValue = null, bool IsCacheable = true);

/// <summary>
/// The conversions between a setting's stored text and JSON. Writes are strict about JSON kinds per
/// dataValueType (clio's <c>SysSettingsManager</c> sends each type so), as Creatio would fail to convert
/// anything else: Boolean needs a JSON boolean, numbers a JSON number, DateTime an ISO 8601 string,
/// Lookup a Guid string; text takes any scalar.
/// </summary>
internal static class SettingValues
{
    public const string DateTimeFormat = "yyyy-MM-ddTHH:mm:ss.fff";

    /// <summary>The value as stored text, or false when Creatio could not convert it.</summary>
    public static bool TryRead(DataValueType type, JsonElement json, out string? text)
    {
        text = null;
        if (json.ValueKind == JsonValueKind.Null)
        {
            // Clearing is fine for types that can be empty; a boolean or a number cannot be null.
            return type is not (DataValueType.Boolean or DataValueType.Integer or DataValueType.Float or DataValueType.Money);
        }

        text = type switch
        {
            DataValueType.Boolean when json.ValueKind is JsonValueKind.True or JsonValueKind.False => json.GetBoolean() ? "true" : "false",
            DataValueType.Integer when json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
            DataValueType.Float or DataValueType.Money when json.ValueKind == JsonValueKind.Number => json.GetDecimal().ToString(CultureInfo.InvariantCulture),
            DataValueType.DateTime or DataValueType.Date or DataValueType.Time when ReadDate(json) is { } date => date.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
            DataValueType.Lookup or DataValueType.Guid when json.ValueKind == JsonValueKind.String && Guid.TryParse(json.GetString(), out var id) => id.ToString("D"),
            _ when IsText(type) && json.ValueKind == JsonValueKind.String => json.GetString(),
            _ when IsText(type) && json.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => json.GetRawText(),
            _ => null,
        };
        return text is not null;
    }

    /// <summary>The value as QuerySysSettings answers it: a JSON boolean, a number, or a string.</summary>
    public static object? Answer(SettingValue setting) => setting.Type switch
    {
        _ when string.IsNullOrEmpty(setting.Value) => IsText(setting.Type) ? setting.Value : null,
        DataValueType.Boolean => bool.TryParse(setting.Value, out var flag) ? flag : null,
        DataValueType.Integer => long.TryParse(setting.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null,
        DataValueType.Float or DataValueType.Money => decimal.TryParse(setting.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null,
        _ => setting.Value,
    };

    public static bool IsText(DataValueType type) => type is DataValueType.Text or DataValueType.ShortText or DataValueType.MediumText
        or DataValueType.MaxSizeText or DataValueType.LongText or DataValueType.SecureText;

    private static DateTime? ReadDate(JsonElement json) =>
        json.ValueKind == JsonValueKind.String
        && DateTime.TryParse(json.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
            ? date
            : null;
}
