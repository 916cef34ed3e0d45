namespace CreatioIdentity.Sandbox.Creatio.Features;

/// <summary>A row of AdminUnitFeatureState: the state of one feature for one user or role.</summary>
internal sealed record OverrideRow(Guid Id, Guid FeatureId, Guid UnitId, int State);

/// <summary>
/// The AdminUnitFeatureState table (8.1 <c>AdminUnitFeatureStateSchema.CrtBase.cs</c>). Not thread-safe:
/// <see cref="FeatureModel"/> holds the lock.
/// </summary>
internal sealed class FeatureOverrides
{
    private readonly List<OverrideRow> rows = [];

    public IReadOnlyList<OverrideRow> All => [.. rows];

    public IReadOnlyList<OverrideRow> For(Guid featureId) => [.. rows.Where(row => row.FeatureId == featureId)];

    /// <summary>Sets the unit's row for the feature, adding one when there is none.</summary>
    public OverrideRow Set(Guid featureId, Guid unitId, int state, Guid? id = null)
    {
        var index = rows.FindIndex(row => row.FeatureId == featureId && row.UnitId == unitId);
        if (index < 0)
        {
            var added = new OverrideRow(id ?? Guid.NewGuid(), featureId, unitId, state);
            rows.Add(added);
            return added;
        }

        rows[index] = rows[index] with { State = state };
        return rows[index];
    }

    /// <summary>False when no row has this id.</summary>
    public bool Update(Guid id, int state)
    {
        var index = rows.FindIndex(row => row.Id == id);
        if (index < 0)
        {
            return false;
        }

        rows[index] = rows[index] with { State = state };
        return true;
    }

    public void RemoveFor(Guid featureId) => rows.RemoveAll(row => row.FeatureId == featureId);
}
