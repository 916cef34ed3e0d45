using System.Text.Json.Nodes;

namespace CreatioIdentity.Creatio.DataService;

/// <summary>
/// The JSON bodies of DataService's SelectQuery and UpdateQuery, in the shape Creatio's own client
/// and clio send (clio SelectQueryHelper.BuildSelectQuery, UserThemeApplier.BuildUpdateBody): columns
/// keyed by alias, a filter group of "column = parameter" comparisons.
/// </summary>
internal static class DataServiceQueries
{
    private const int FilterGroup = 6;
    private const int CompareFilter = 1;
    private const int Equal = 3;
    private const int ColumnExpression = 0;
    private const int ParameterExpression = 2;
    private const int SelectOperation = 0;
    private const int UpdateOperation = 2;

    /// <param name="anyFilter">True joins the filters with OR (one query for several codes); false with AND.</param>
    public static JsonObject Select(string entity, IEnumerable<string> columns, IReadOnlyList<ColumnFilter> filters, bool anyFilter)
    {
        var items = new JsonObject();
        foreach (var column in columns)
        {
            items[Alias(column)] = new JsonObject { ["expression"] = Column(column) };
        }

        return new JsonObject
        {
            ["rootSchemaName"] = entity,
            ["operationType"] = SelectOperation,
            ["allColumns"] = false,
            ["isDistinct"] = false,
            ["ignoreDisplayValues"] = false,
            ["rowCount"] = -1,
            ["rowsOffset"] = -1,
            ["isPageable"] = false,
            ["columns"] = new JsonObject { ["items"] = items },
            ["filters"] = Filters(filters, anyFilter),
        };
    }

    public static JsonObject Update(string entity, IReadOnlyDictionary<string, DataValue> values, IReadOnlyList<ColumnFilter> filters)
    {
        var items = new JsonObject();
        foreach (var (column, value) in values)
        {
            items[column] = Parameter(value);
        }

        return new JsonObject
        {
            ["rootSchemaName"] = entity,
            ["operationType"] = UpdateOperation,
            ["isForceUpdate"] = false,
            ["columnValues"] = new JsonObject { ["items"] = items },
            ["filters"] = Filters(filters, anyFilter: false),
        };
    }

    private static JsonObject Filters(IReadOnlyList<ColumnFilter> filters, bool anyFilter)
    {
        var items = new JsonObject();
        for (var index = 0; index < filters.Count; index++)
        {
            items["f" + index] = new JsonObject
            {
                ["filterType"] = CompareFilter,
                ["comparisonType"] = Equal,
                ["isEnabled"] = true,
                ["trimDateTimeParameterToDate"] = false,
                ["leftExpression"] = Column(filters[index].ColumnPath),
                ["rightExpression"] = Parameter(filters[index].Value),
            };
        }

        return new JsonObject
        {
            ["filterType"] = FilterGroup,
            ["isEnabled"] = true,
            ["trimDateTimeParameterToDate"] = false,
            ["logicalOperation"] = anyFilter ? 1 : 0,
            ["items"] = items,
        };
    }

    /// <summary>The key a column is read back under: its path without dots (Feature.Code is FeatureCode).</summary>
    public static string Alias(string path) => path.Replace(".", string.Empty, StringComparison.Ordinal);

    private static JsonObject Column(string path) => new() { ["expressionType"] = ColumnExpression, ["columnPath"] = path };

    private static JsonObject Parameter(DataValue value) => new()
    {
        ["expressionType"] = ParameterExpression,
        ["parameter"] = new JsonObject { ["dataValueType"] = (int)value.Type, ["value"] = value.Value?.DeepClone() },
    };
}
