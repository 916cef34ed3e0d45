using System.Globalization;
using System.Text.Json;

namespace CreatioIdentity.Creatio;

/// <summary>Tolerant reads of Creatio's JSON: versions differ in casing and in how they write booleans.</summary>
internal static class JsonRead
{
    public static bool TryGet(this JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>true/false, 1/0, "true"/"1": every way Creatio has written a flag. Null when absent or unreadable.</summary>
    public static bool? Flag(this JsonElement element, string name)
    {
        if (!element.TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var number) => number != 0,
            JsonValueKind.String => value.GetString()?.Trim().ToUpperInvariant() switch
            {
                "TRUE" or "1" => true,
                "FALSE" or "0" => false,
                _ => null,
            },
            _ => null,
        };
    }

    /// <summary>
    /// errorInfo of a refused call (DataService, OAuthConfigService): its errorCode, the exception type, which
    /// decides; and its message, in the user's language, which is only shown. Blank parts are null.
    /// </summary>
    public static (string? Code, string? Message) ErrorInfo(this JsonElement element) =>
        element.TryGet("errorInfo", out var info) && info.ValueKind == JsonValueKind.Object
            ? (NonBlank(info.Text("errorCode")), NonBlank(info.Text("message")))
            : (null, null);

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string? Text(this JsonElement element, string name) =>
        element.TryGet(name, out var value) ? AsText(value) : null;

    /// <summary>A JSON value as the text a person would type into Creatio's setting field.</summary>
    public static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.TryGetDecimal(out var number) ? number.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
