using CreatioIdentity.Sandbox.Creatio.Features;

namespace CreatioIdentity.Sandbox.Creatio.DataService.Tables;

/// <summary>
/// AdminUnitFeatureState (8.1 <c>AdminUnitFeatureStateSchema.CrtBase.cs</c>): one row per user or role that
/// overrides a feature's default. An UpdateQuery writes <c>FeatureState</c> and leaves the cache alone.
/// </summary>
internal sealed class AdminUnitFeatureStateTable(FeatureModel features, Messages messages) : IEntityTable
{
    public string Name => "AdminUnitFeatureState";

    public IReadOnlyList<EntityColumn> Columns { get; } =
    [
        EntityColumn.Id,
        new("Feature", DataValueType.Lookup, "Feature"),
        new("SysAdminUnit", DataValueType.Lookup, "SysAdminUnit"),
        new("FeatureState", DataValueType.Integer),
    ];

    public IReadOnlyList<EntityRow> Rows()
    {
        var byId = features.Features().ToDictionary(feature => feature.Id);
        return
        [
            .. features.Overrides().Select(row => new EntityRow
            {
                ["Id"] = row.Id,
                ["Feature"] = byId.TryGetValue(row.FeatureId, out var feature) ? new LookupValue(feature.Id, feature.Name) : null,
                ["SysAdminUnit"] = features.Units.Find(row.UnitId) is { } unit ? new LookupValue(unit.Id, unit.Name) : null,
                ["FeatureState"] = row.State,
            }),
        ];
    }

    public int Update(IReadOnlyList<EntityRow> rows, IReadOnlyDictionary<string, QueryParameter> values)
    {
        if (values.Keys.FirstOrDefault(column => !string.Equals(column, "FeatureState", StringComparison.OrdinalIgnoreCase)) is { } other)
        {
            throw DataServiceException.NotSupported(messages, $"writing AdminUnitFeatureState.{other}");
        }

        var state = values.Values.Single().AsInteger() ?? throw new DataServiceException("FormatException", messages.InvalidValue("FeatureState"));
        return rows.Count(row => features.UpdateOverride(row.Id, state));
    }
}
