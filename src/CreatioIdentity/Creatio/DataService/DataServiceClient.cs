using System.Text.Json;
using System.Text.Json.Nodes;

namespace CreatioIdentity.Creatio.DataService;

/// <summary>What Creatio said to an UpdateQuery: done (with how many rows), or refused and why.</summary>
/// <param name="ErrorCode">errorInfo.errorCode: the exception type, stable across languages.</param>
/// <param name="Message">errorInfo.message, in the user's language: shown, never interpreted.</param>
public sealed record UpdateOutcome(bool Success, int RowsAffected, string? ErrorCode, string? Message);

/// <summary>
/// DataService's SelectQuery and UpdateQuery. Creatio answers a failed query with HTTP 200 and
/// "success": false (the answer is judged by that flag and errorInfo.errorCode, never by message).
/// </summary>
public sealed class DataServiceClient(CreatioSession session)
{
    public async Task<IReadOnlyList<DataRow>> SelectAsync(
        string entity, IReadOnlyList<string> columns, IReadOnlyList<ColumnFilter> filters, bool anyFilter, CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(CreatioRoutes.SelectQuery, Body(DataServiceQueries.Select(entity, columns, filters, anyFilter)), cancellationToken);
        var root = Expect(answer, entity);
        if (root.Flag("success") == false)
        {
            var (code, message) = root.ErrorInfo();
            throw new CreatioException(CreatioFailure.UnexpectedAnswer,
                $"Creatio refused to read {entity} ({code ?? "no error code"}{(message is null ? string.Empty : ": " + message)}). "
                + $"This Creatio version may not have the entity {entity}, or '{session.Username}' may not read it (a system administrator is needed).");
        }

        if (!root.TryGet("rows", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            throw answer.NotUnderstood("no \"rows\"");
        }

        return [.. rows.EnumerateArray().Where(row => row.ValueKind == JsonValueKind.Object).Select(row => new DataRow(row))];
    }

    public async Task<UpdateOutcome> UpdateAsync(
        string entity, IReadOnlyDictionary<string, DataValue> values, IReadOnlyList<ColumnFilter> filters, CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(CreatioRoutes.UpdateQuery, Body(DataServiceQueries.Update(entity, values, filters)), cancellationToken);
        var root = Expect(answer, entity);
        var success = root.Flag("success") ?? throw answer.NotUnderstood("no \"success\"");
        var rowsAffected = root.TryGet("rowsAffected", out var count) && count.ValueKind == JsonValueKind.Number && count.TryGetInt32(out var number) ? number : -1;
        var (code, message) = success ? (null, null) : root.ErrorInfo();
        return new UpdateOutcome(success, rowsAffected, code, message);
    }

    private static JsonElement Expect(CreatioResponse answer, string entity)
    {
        if (!answer.IsSuccess)
        {
            throw answer.Failed($"DataService could not be used for {entity}; look at Creatio's error log.");
        }

        var root = answer.Json();
        return root.ValueKind == JsonValueKind.Object ? root : throw answer.NotUnderstood("not a JSON object");
    }

    private static byte[] Body(JsonObject query) => JsonSerializer.SerializeToUtf8Bytes(query, JsonNodeContext.Default.JsonObject);
}
