using System.Text.Json;

namespace CreatioIdentity.Creatio.DataService;

/// <summary>One row of a SelectQuery answer, read tolerantly: any letter case, a lookup as {value, displayValue}.</summary>
public sealed class DataRow(JsonElement row)
{
    public string? Text(string column) => row.Text(column);

    public bool? Flag(string column) => row.Flag(column);

    public int? Number(string column) =>
        row.TryGet(column, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number
        : row.Flag(column) is { } flag ? (flag ? 1 : 0)
        : null;

    public Guid? Id(string column) =>
        row.TryGet(column, out var value) ? AsGuid(value.ValueKind == JsonValueKind.Object && value.TryGet("value", out var inner) ? inner : value) : null;

    /// <summary>A lookup column's display value (a role's or a user's name).</summary>
    public string? Display(string column) =>
        row.TryGet(column, out var value) && value.ValueKind == JsonValueKind.Object ? value.Text("displayValue") : null;

    private static Guid? AsGuid(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id) ? id : null;
}
