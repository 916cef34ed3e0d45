using CreatioIdentity.Sandbox.Creatio.Features;

namespace CreatioIdentity.Sandbox.Creatio.DataService.Tables;

/// <summary>SysAdminUnit: the sandbox's user (SysAdminUnitTypeValue 4) and its roles.</summary>
internal sealed class SysAdminUnitTable(AdminUnits units, Messages messages) : ReadOnlyTable(messages)
{
    public override string Name => "SysAdminUnit";

    public override IReadOnlyList<EntityColumn> Columns { get; } =
    [
        EntityColumn.Id,
        new("Name", DataValueType.MediumText),
        new("SysAdminUnitTypeValue", DataValueType.Integer),
    ];

    public override IReadOnlyList<EntityRow> Rows() =>
    [
        .. units.All.Select(unit => new EntityRow
        {
            ["Id"] = unit.Id,
            ["Name"] = unit.Name,
            ["SysAdminUnitTypeValue"] = unit.TypeValue,
        }),
    ];
}
