using System.Text.Json;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>The parts of a DataService query body a test asserts, in the order they were sent.</summary>
internal static class SentQuery
{
    /// <summary>The keys the columns are read back under.</summary>
    public static string[] Aliases(JsonElement query) =>
        [.. query.GetProperty("columns").GetProperty("items").EnumerateObject().Select(item => item.Name)];

    public static string[] ColumnPaths(JsonElement query) =>
        [.. query.GetProperty("columns").GetProperty("items").EnumerateObject().Select(item => item.Value.GetProperty("expression").GetProperty("columnPath").GetString()!)];

    /// <summary>Each filter as "column=value", the value as JSON writes it unless it is text.</summary>
    public static string[] Filters(JsonElement query) =>
        [.. query.GetProperty("filters").GetProperty("items").EnumerateObject().Select(item =>
            $"{item.Value.GetProperty("leftExpression").GetProperty("columnPath").GetString()}={Text(item.Value.GetProperty("rightExpression").GetProperty("parameter").GetProperty("value"))}")];

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
}
