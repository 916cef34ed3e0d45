using System.Text.Json;

namespace CreatioIdentity.Sandbox.Creatio.DataService;

/// <summary>
/// The subset of DataService filters the sandbox implements: groups (filterType 6, logicalOperation 0 AND
/// or 1 OR, nested) and comparisons (filterType 1, comparisonType 3 Equal or 4 NotEqual) of a column path
/// with a parameter. A filter with isEnabled false is left out; anything else is refused by name.
/// </summary>
internal abstract class QueryFilter
{
    private const int CompareFilter = 1;
    private const int GroupFilter = 6;
    private const int EqualComparison = 3;
    private const int NotEqualComparison = 4;

    public abstract bool Matches(EntityRow row);

    /// <summary>The filter, or null when there is none or none of it is enabled.</summary>
    /// <exception cref="DataServiceException">A part the sandbox does not support, or a column that does not exist.</exception>
    public static QueryFilter? Parse(JsonElement? filter, IEntityTable root, EntityTables tables, bool caseSensitive)
    {
        if (filter is not { ValueKind: JsonValueKind.Object } json || filter.Property("isEnabled") is { ValueKind: JsonValueKind.False })
        {
            return null;
        }

        if (json.Property("isNot") is { ValueKind: JsonValueKind.True })
        {
            throw DataServiceException.NotSupported(tables.Messages, "isNot filters");
        }

        var filterType = json.Property("filterType") is { ValueKind: JsonValueKind.Number } type ? type.GetInt32() : -1;
        return filterType switch
        {
            GroupFilter => ParseGroup(json, root, tables, caseSensitive),
            CompareFilter => ParseCompare(json, root, tables, caseSensitive),
            _ => throw DataServiceException.NotSupported(tables.Messages, $"filterType {filterType}"),
        };
    }

    private static Group ParseGroup(JsonElement json, IEntityTable root, EntityTables tables, bool caseSensitive)
    {
        var operation = json.Property("logicalOperation") is { ValueKind: JsonValueKind.Number } number ? number.GetInt32() : 0;
        if (operation is not (0 or 1))
        {
            throw DataServiceException.NotSupported(tables.Messages, $"logicalOperation {operation}");
        }

        var items = json.Property("items") switch
        {
            { ValueKind: JsonValueKind.Object } map => map.EnumerateObject().Select(item => item.Value).ToList(),
            { ValueKind: JsonValueKind.Array } list => list.EnumerateArray().ToList(),
            _ => [],
        };
        var filters = items.Select(item => Parse(item, root, tables, caseSensitive)).OfType<QueryFilter>().ToList();
        return new Group(operation == 1, filters);
    }

    private static Compare ParseCompare(JsonElement json, IEntityTable root, EntityTables tables, bool caseSensitive)
    {
        var comparison = json.Property("comparisonType") is { ValueKind: JsonValueKind.Number } number ? number.GetInt32() : -1;
        if (comparison is not (EqualComparison or NotEqualComparison))
        {
            throw DataServiceException.NotSupported(tables.Messages, $"comparisonType {comparison}");
        }

        var left = json.Property("leftExpression");
        if (left.Property("expressionType") is not { ValueKind: JsonValueKind.Number } leftType || leftType.GetInt32() != 0)
        {
            throw DataServiceException.NotSupported(tables.Messages, "a left expression that is not a column path");
        }

        var right = QueryParameter.From(json.Property("rightExpression"))
            ?? throw DataServiceException.NotSupported(tables.Messages, "a right expression that is not a parameter");
        var path = tables.Resolve(root, left.Property("columnPath").AsText());
        var comparer = new ValueComparer(tables.Messages, caseSensitive);
        return new Compare(path, comparison == NotEqualComparison, right, comparer);
    }

    private sealed class Group(bool or, IReadOnlyList<QueryFilter> items) : QueryFilter
    {
        public override bool Matches(EntityRow row) =>
            items.Count == 0 || (or ? items.Any(item => item.Matches(row)) : items.All(item => item.Matches(row)));
    }

    private sealed class Compare(ColumnPath path, bool notEqual, QueryParameter right, ValueComparer comparer) : QueryFilter
    {
        public override bool Matches(EntityRow row) =>
            comparer.Equal(path.Column, path.Read(row), right) is { } equal && equal != notEqual;
    }
}
