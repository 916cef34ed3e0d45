using System.Globalization;
using System.Text.Json.Nodes;
using CreatioIdentity.Creatio.DataService;

namespace CreatioIdentity.Creatio;

/// <summary>A system setting as QuerySysSettings answers it: its value as text and the data value type Creatio declares.</summary>
public sealed record SettingValue(string Code, string? Value, DataValueType? Type, string? DisplayValue);

/// <summary>
/// How a setting's value is written and compared, by the data value type Creatio reports for it
/// (8.1 sys-settings.js; clio SysSettingsManager.UpdateSysSetting): a boolean as JSON true/false, a
/// number as a JSON number, a date as ISO 8601 text, a lookup as its Guid, text as text.
/// </summary>
public static class SettingValues
{
    /// <summary>The JSON value for PostSysSettingsValues, or null with <paramref name="problem"/> when the text does not fit the type.</summary>
    public static JsonNode? ToJson(DataValueType? type, string text, out string? problem)
    {
        problem = null;
        var trimmed = text.Trim();
        switch (Kind(type))
        {
            case SettingKind.Boolean when bool.TryParse(trimmed, out var flag):
                return JsonValue.Create(flag);
            case SettingKind.Boolean when trimmed is "1" or "0":
                return JsonValue.Create(trimmed == "1");
            case SettingKind.Integer when long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole):
                return JsonValue.Create(whole);
            case SettingKind.Decimal when decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var number):
                return JsonValue.Create(number);
            case SettingKind.Date when DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date):
                return JsonValue.Create(date.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture));
            case SettingKind.Lookup when Guid.TryParse(trimmed, out var id):
                return JsonValue.Create(id.ToString("D", CultureInfo.InvariantCulture));
            case SettingKind.Text:
                return JsonValue.Create(text);
        }

        problem = Kind(type) switch
        {
            SettingKind.Boolean => "Creatio declares it Boolean: write true or false",
            SettingKind.Integer => "Creatio declares it an integer: write a whole number",
            SettingKind.Decimal => "Creatio declares it a number: write digits with a dot for decimals",
            SettingKind.Date => "Creatio declares it a date or time: write it as ISO 8601, e.g. 2026-01-31T08:00:00",
            _ => "Creatio declares it a lookup: write the Id (a Guid) of the record it should point at",
        };
        return null;
    }

    /// <summary>Whether the stored value already is the wanted one, compared by the setting's type.</summary>
    public static bool Same(DataValueType? type, string? current, string wanted)
    {
        if (current is null)
        {
            return false;
        }

        var a = current.Trim();
        var b = wanted.Trim();
        return Kind(type) switch
        {
            SettingKind.Boolean => ToJson(type, a, out _)?.GetValue<bool>() is { } x && ToJson(type, b, out _)?.GetValue<bool>() is { } y && x == y,
            SettingKind.Integer or SettingKind.Decimal => decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var m)
                && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && m == n,
            SettingKind.Date => DateTime.TryParse(a, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var s)
                && DateTime.TryParse(b, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) && s == t,
            SettingKind.Lookup => Guid.TryParse(a, out var g) && Guid.TryParse(b, out var h) && g == h,
            _ => string.Equals(a, b, StringComparison.Ordinal) || SameUrl(a, b),
        };
    }

    public static bool IsSecret(DataValueType? type) => type is DataValueType.SecureText or DataValueType.HashText;

    private enum SettingKind
    {
        Text,
        Boolean,
        Integer,
        Decimal,
        Date,
        Lookup,
    }

    private static SettingKind Kind(DataValueType? type) => type switch
    {
        DataValueType.Boolean => SettingKind.Boolean,
        DataValueType.Integer => SettingKind.Integer,
        DataValueType.Float or DataValueType.Money or DataValueType.Float1 or DataValueType.Float2 or DataValueType.Float3
            or DataValueType.Float4 or DataValueType.Float8 => SettingKind.Decimal,
        DataValueType.DateTime or DataValueType.Date or DataValueType.Time => SettingKind.Date,
        DataValueType.Lookup or DataValueType.Guid => SettingKind.Lookup,
        _ => SettingKind.Text,
    };

    /// <summary>The same URL up to a trailing slash and the letter case of scheme and host.</summary>
    private static bool SameUrl(string a, string b) =>
        Uri.TryCreate(a, UriKind.Absolute, out var left) && Uri.TryCreate(b, UriKind.Absolute, out var right)
        && (left.Scheme is "http" or "https") && (right.Scheme is "http" or "https")
        && Uri.Compare(Trimmed(left), Trimmed(right), UriComponents.AbsoluteUri, UriFormat.SafeUnescaped, StringComparison.Ordinal) == 0;

    private static Uri Trimmed(Uri uri) => new(uri.AbsoluteUri.TrimEnd('/'));
}
