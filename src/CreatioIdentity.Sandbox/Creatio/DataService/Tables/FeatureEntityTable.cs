using CreatioIdentity.Sandbox.Creatio.Features;

namespace CreatioIdentity.Sandbox.Creatio.DataService.Tables;

/// <summary>The Feature table itself (8.1 <c>FeatureSchema.CrtBase.cs</c>), the lookup behind <c>AdminUnitFeatureState.Feature</c>.</summary>
internal sealed class FeatureEntityTable(FeatureModel features, Messages messages) : ReadOnlyTable(messages)
{
    public override string Name => "Feature";

    public override IReadOnlyList<EntityColumn> Columns { get; } =
    [
        EntityColumn.Id,
        new("Code", DataValueType.LongText),
        new("Name", DataValueType.LongText),
        new("Description", DataValueType.MaxSizeText),
        new("DefaultState", DataValueType.Integer),
    ];

    public override IReadOnlyList<EntityRow> Rows() =>
    [
        .. features.DatabaseFeatures().Select(feature => new EntityRow
        {
            ["Id"] = feature.Id,
            ["Code"] = feature.Code,
            ["Name"] = feature.Name,
            ["Description"] = feature.Description,
            ["DefaultState"] = feature.DefaultState,
        }),
    ];
}
