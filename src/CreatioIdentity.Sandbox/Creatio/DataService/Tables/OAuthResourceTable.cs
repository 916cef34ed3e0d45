using CreatioIdentity.Sandbox.Creatio.OAuthConfig;

namespace CreatioIdentity.Sandbox.Creatio.DataService.Tables;

/// <summary>OAuthResource (8.1 <c>OAuthResourceSchema.OAuth20.cs</c>): the default resource is the row with IsDefault.</summary>
internal sealed class OAuthResourceTable(OAuthResources resources, Messages messages) : ReadOnlyTable(messages)
{
    public override string Name => "OAuthResource";

    public override IReadOnlyList<EntityColumn> Columns { get; } =
    [
        EntityColumn.Id,
        new("Name", DataValueType.MediumText),
        new("DisplayName", DataValueType.MediumText),
        new("IsDefault", DataValueType.Boolean),
    ];

    public override IReadOnlyList<EntityRow> Rows() =>
    [
        .. resources.All().Select(resource => new EntityRow
        {
            ["Id"] = resource.Id,
            ["Name"] = resource.Name,
            ["DisplayName"] = resource.DisplayName,
            ["IsDefault"] = resource.IsDefault,
        }),
    ];
}
