using System.Text.Json;

namespace CreatioIdentity.Sandbox.Creatio.DataService;

/// <summary>
/// <c>DataService/json/SyncReply/SelectQuery</c> for the subset SPEC section 4 uses (the body clio's
/// <c>SelectQueryHelper</c> and <c>EnvironmentRuntimeDetectionService</c> send): columns by alias, the
/// filters of <see cref="QueryFilter"/>, rowCount and rowsOffset. Rows come in table order: the
/// sandbox does not sort. A failure is HTTP 200 with success false and an errorInfo.
/// </summary>
internal static class SelectQueryEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, CreatioState state, SandboxOptions options, Messages messages)
    {
        var body = await CreatioJson.ReadBodyAsync(request);
        try
        {
            return CreatioJson.Answer(Select(body, new EntityTables(state, messages), options.CaseSensitiveStrings));
        }
        catch (DataServiceException exception)
        {
            return CreatioJson.Answer(SelectQueryResponse.Failure(exception));
        }
    }

    private static SelectQueryResponse Select(JsonElement body, EntityTables tables, bool caseSensitive)
    {
        var table = tables.Find(body.Property("rootSchemaName").AsText());
        var columns = Columns(body, table, tables);
        var filter = QueryFilter.Parse(body.Property("filters"), table, tables, caseSensitive);

        IEnumerable<EntityRow> rows = tables.Rows(table).Where(row => filter?.Matches(row) ?? true);
        if (Number(body, "rowsOffset") is > 0 and var offset)
        {
            rows = rows.Skip(offset);
        }

        if (Number(body, "rowCount") is > 0 and var count)
        {
            rows = rows.Take(count);
        }

        var answered = rows
            .Select(row => (IReadOnlyDictionary<string, object?>)columns.ToDictionary(column => column.Key, column => column.Value.Read(row)))
            .ToList();
        var rowConfig = columns.ToDictionary(column => column.Key, column => new RowConfigItem((int)column.Value.Column.Type));
        return new SelectQueryResponse(rowConfig, answered, [], true, 0);
    }

    /// <summary>The columns by alias; allColumns adds every column of the entity under its own name.</summary>
    private static Dictionary<string, ColumnPath> Columns(JsonElement body, IEntityTable table, EntityTables tables)
    {
        var columns = new Dictionary<string, ColumnPath>(StringComparer.Ordinal);
        if (body.Property("allColumns") is { ValueKind: JsonValueKind.True })
        {
            foreach (var column in table.Columns)
            {
                columns[column.Name] = tables.Resolve(table, column.Name);
            }
        }

        if (body.Property("columns").Property("items") is not { ValueKind: JsonValueKind.Object } items)
        {
            return columns;
        }

        foreach (var item in items.EnumerateObject())
        {
            var expression = item.Value.Property("expression");
            if (expression.Property("expressionType") is not { ValueKind: JsonValueKind.Number } type || type.GetInt32() != 0)
            {
                throw DataServiceException.NotSupported(tables.Messages, $"column '{item.Name}': only column paths (expressionType 0)");
            }

            columns[item.Name] = tables.Resolve(table, expression.Property("columnPath").AsText());
        }

        return columns;
    }

    private static int Number(JsonElement body, string name) =>
        body.Property(name) is { ValueKind: JsonValueKind.Number } number && number.TryGetInt32(out var value) ? value : -1;
}
