using CreatioIdentity.Sandbox.Creatio.Features;

namespace CreatioIdentity.Sandbox.Creatio.DataService.Tables;

/// <summary>SysAdminUnit: the sandbox's user (SysAdminUnitTypeValue 4), its roles, and the users integrated applications act as.</summary>
internal sealed class SysAdminUnitTable(Func<IReadOnlyList<AdminUnit>> units, Messages messages) : ReadOnlyTable(messages)
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
        .. units().Select(unit => new EntityRow
        {
            ["Id"] = unit.Id,
            ["Name"] = unit.Name,
            ["SysAdminUnitTypeValue"] = unit.TypeValue,
        }),
    ];
}
