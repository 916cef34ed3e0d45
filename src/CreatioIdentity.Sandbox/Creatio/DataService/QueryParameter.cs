using System.Globalization;
using System.Text.Json;

namespace CreatioIdentity.Sandbox.Creatio.DataService;

/// <summary>
/// A parameter expression (<c>{"dataValueType": n, "value": ...}</c>), converted to a column's type as
/// Creatio converts it before the SQL runs; null from a conversion means it would fail.
/// </summary>
internal sealed record QueryParameter(int DataValueType, JsonElement Value)
{
    public bool IsNull => Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    public bool? AsBoolean() => Value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when Value.TryGetInt32(out var number) && number is 0 or 1 => number == 1,
        JsonValueKind.String when bool.TryParse(Value.GetString(), out var flag) => flag,
        _ => null,
    };

    public int? AsInteger() => Value.ValueKind switch
    {
        JsonValueKind.Number when Value.TryGetInt32(out var number) => number,
        JsonValueKind.String when int.TryParse(Value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    public Guid? AsGuid() => Value.ValueKind == JsonValueKind.String && Guid.TryParse(Value.GetString(), out var id) ? id : null;

    public string? AsText() => Value.ValueKind switch
    {
        JsonValueKind.String => Value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => Value.GetRawText(),
        _ => null,
    };

    /// <summary>A parameter expression (expressionType 2), or null for any other expression.</summary>
    public static QueryParameter? From(JsonElement? expression)
    {
        if (expression.Property("expressionType") is not { ValueKind: JsonValueKind.Number } kind || kind.GetInt32() != 2
            || expression.Property("parameter") is not { ValueKind: JsonValueKind.Object } parameter)
        {
            return null;
        }

        var type = parameter.Property("dataValueType") is { ValueKind: JsonValueKind.Number } number ? number.GetInt32() : -1;
        var value = parameter.Property("value") ?? default;
        return new QueryParameter(type, value);
    }
}
