using CreatioIdentity.Sandbox.Creatio.DataService.Tables;

namespace CreatioIdentity.Sandbox.Creatio.DataService;

/// <summary>
/// The entities DataService knows, for one query: each table is read once (a consistent snapshot),
/// and column paths such as <c>Feature.Code</c> navigate lookups from table to table.
/// </summary>
internal sealed class EntityTables
{
    private readonly Dictionary<string, IEntityTable> tables;
    private readonly Dictionary<string, IReadOnlyList<EntityRow>> snapshots = new(StringComparer.OrdinalIgnoreCase);

    public EntityTables(CreatioState state, Messages messages)
    {
        Messages = messages;
        IEntityTable[] all =
        [
            new AppFeatureTable(state.Features, messages),
            new FeatureEntityTable(state.Features, messages),
            new AdminUnitFeatureStateTable(state.Features, messages),
            new SysAdminUnitTable(state.AllAdminUnits, messages),
            new OAuthResourceTable(state.OAuthResources, messages),
            new OAuthClientAppTable(state, messages),
        ];
        tables = all.ToDictionary(table => table.Name, StringComparer.OrdinalIgnoreCase);
    }

    public Messages Messages { get; }

    /// <exception cref="DataServiceException">No entity has this name.</exception>
    public IEntityTable Find(string? name) =>
        name is not null && tables.TryGetValue(name, out var table)
            ? table
            : throw DataServiceException.NotFound(Messages.SchemaNotFound(name ?? string.Empty));

    public IReadOnlyList<EntityRow> Rows(IEntityTable table)
    {
        if (!snapshots.TryGetValue(table.Name, out var rows))
        {
            rows = table.Rows();
            snapshots[table.Name] = rows;
        }

        return rows;
    }

    /// <summary>A column path from <paramref name="root"/>: every segment but the last must be a lookup.</summary>
    /// <exception cref="DataServiceException">A segment names no column, or navigates through a column that is not a lookup.</exception>
    public ColumnPath Resolve(IEntityTable root, string? path)
    {
        var segments = (path ?? string.Empty).Split('.');
        var steps = new List<(IEntityTable Table, EntityColumn Column)>();
        var table = root;
        for (var index = 0; index < segments.Length; index++)
        {
            var column = table.Columns.FirstOrDefault(candidate => string.Equals(candidate.Name, segments[index], StringComparison.OrdinalIgnoreCase));
            var last = index == segments.Length - 1;
            if (column is null || (!last && column.Reference is null))
            {
                throw DataServiceException.NotFound(Messages.ColumnNotFound(path ?? string.Empty, root.Name));
            }

            steps.Add((table, column));
            if (!last)
            {
                table = Find(column.Reference);
            }
        }

        return new ColumnPath(this, steps);
    }
}

/// <summary>A resolved column path: reads its value from a row of the root entity.</summary>
internal sealed class ColumnPath(EntityTables tables, IReadOnlyList<(IEntityTable Table, EntityColumn Column)> steps)
{
    /// <summary>The column the path ends at.</summary>
    public EntityColumn Column => steps[^1].Column;

    public object? Read(EntityRow row)
    {
        EntityRow? current = row;
        for (var index = 0; index < steps.Count; index++)
        {
            var value = current.GetValueOrDefault(steps[index].Column.Name);
            if (index == steps.Count - 1)
            {
                return value;
            }

            if (value is not LookupValue lookup)
            {
                return null; // an empty lookup: every column behind it reads as null, as a LEFT JOIN gives
            }

            var next = tables.Find(steps[index].Column.Reference);
            current = tables.Rows(next).FirstOrDefault(candidate => candidate.Id == lookup.Value);
            if (current is null)
            {
                return null;
            }
        }

        return null;
    }
}
