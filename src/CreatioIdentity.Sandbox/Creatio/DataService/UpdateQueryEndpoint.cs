using System.Text.Json;

namespace CreatioIdentity.Sandbox.Creatio.DataService;

/// <summary>
/// <c>DataService/json/SyncReply/UpdateQuery</c> (the body of clio's <c>UserThemeApplier.BuildUpdateBody</c>):
/// column values given as parameters, rows chosen by the filters of <see cref="QueryFilter"/>. A failure is
/// HTTP 200 with rowsAffected -1, success false and an errorInfo; it writes nothing.
/// </summary>
internal static class UpdateQueryEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, CreatioState state, SandboxOptions options, Messages messages)
    {
        var body = await CreatioJson.ReadBodyAsync(request);
        try
        {
            return CreatioJson.Answer(Update(body, new EntityTables(state, messages), options.CaseSensitiveStrings));
        }
        catch (DataServiceException exception)
        {
            return CreatioJson.Answer(UpdateQueryResponse.Failure(exception));
        }
    }

    private static UpdateQueryResponse Update(JsonElement body, EntityTables tables, bool caseSensitive)
    {
        var table = tables.Find(body.Property("rootSchemaName").AsText());
        var values = Values(body, table, tables);

        // Assumed: the sandbox will not update a whole table at once, whatever Creatio would do.
        var filter = QueryFilter.Parse(body.Property("filters"), table, tables, caseSensitive)
            ?? throw DataServiceException.NotSupported(tables.Messages, "an UpdateQuery without filters");
        var rows = tables.Rows(table).Where(filter.Matches).ToList();
        return new UpdateQueryResponse(table.Update(rows, values), 0, true);
    }

    private static Dictionary<string, QueryParameter> Values(JsonElement body, IEntityTable table, EntityTables tables)
    {
        var values = new Dictionary<string, QueryParameter>(StringComparer.OrdinalIgnoreCase);
        if (body.Property("columnValues").Property("items") is { ValueKind: JsonValueKind.Object } items)
        {
            foreach (var item in items.EnumerateObject())
            {
                // Resolve first: an unknown column is ItemNotFoundException, as it is in a SelectQuery.
                if (item.Name.Contains('.', StringComparison.Ordinal) || tables.Resolve(table, item.Name).Column.Name == "Id")
                {
                    throw DataServiceException.NotSupported(tables.Messages, $"writing column '{item.Name}'");
                }

                values[item.Name] = QueryParameter.From(item.Value)
                    ?? throw DataServiceException.NotSupported(tables.Messages, $"a value for '{item.Name}' that is not a parameter");
            }
        }

        return values.Count > 0 ? values : throw DataServiceException.NotSupported(tables.Messages, "an UpdateQuery without column values");
    }
}
