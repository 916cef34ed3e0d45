using System.Text.Json.Serialization;
using CreatioIdentity.Sandbox.Creatio.OAuthConfig;

namespace CreatioIdentity.Sandbox.Creatio.DataService;

/// <summary>A column's type in <c>rowConfig</c>.</summary>
internal sealed record RowConfigItem([property: JsonPropertyName("dataValueType")] int DataValueType);

internal sealed record SelectQueryResponse(
    [property: JsonPropertyName("rowConfig")] IReadOnlyDictionary<string, RowConfigItem>? RowConfig,
    [property: JsonPropertyName("rows")] IReadOnlyList<IReadOnlyDictionary<string, object?>>? Rows,
    [property: JsonPropertyName("notFoundColumns")] IReadOnlyList<string> NotFoundColumns,
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("nextPrestoredEventId")] long NextPrestoredEventId,
    [property: JsonPropertyName("errorInfo"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ErrorInfo? ErrorInfo = null)
{
    public static SelectQueryResponse Failure(DataServiceException exception) =>
        new(null, null, [], false, 0, new ErrorInfo(exception.ErrorCode, exception.Message));
}

internal sealed record UpdateQueryResponse(
    [property: JsonPropertyName("rowsAffected")] int RowsAffected,
    [property: JsonPropertyName("nextPrestoredEventId")] long NextPrestoredEventId,
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("errorInfo"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ErrorInfo? ErrorInfo = null)
{
    public static UpdateQueryResponse Failure(DataServiceException exception) =>
        new(-1, 0, false, new ErrorInfo(exception.ErrorCode, exception.Message));
}
