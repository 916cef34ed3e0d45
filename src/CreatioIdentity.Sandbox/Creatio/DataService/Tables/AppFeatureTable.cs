using CreatioIdentity.Sandbox.Creatio.Features;

namespace CreatioIdentity.Sandbox.Creatio.DataService.Tables;

/// <summary>
/// AppFeature, the virtual entity behind the /0/Flags page (8.1 <c>AppFeatureSchema.FeatureToggling.cs</c>):
/// every feature with its default state (<c>State</c>), the state the application serves the user from
/// its cache (<c>StateForCurrentUser</c>) and its <c>Source</c>. An UpdateQuery writes <c>State</c>, the
/// default of a database feature only, and leaves the cache alone.
/// </summary>
internal sealed class AppFeatureTable(FeatureModel features, Messages messages) : IEntityTable
{
    public string Name => "AppFeature";

    public IReadOnlyList<EntityColumn> Columns { get; } =
    [
        EntityColumn.Id,
        new("Code", DataValueType.MediumText),
        new("Name", DataValueType.MediumText),
        new("Description", DataValueType.MaxSizeText),
        new("State", DataValueType.Boolean),
        new("StateForCurrentUser", DataValueType.Boolean),
        new("Source", DataValueType.LongText),
    ];

    public IReadOnlyList<EntityRow> Rows() =>
    [
        .. features.Features().Select(feature => new EntityRow
        {
            ["Id"] = feature.Id,
            ["Code"] = feature.Code,
            ["Name"] = feature.Name,
            ["Description"] = feature.Description,
            ["State"] = feature.DefaultState >= 1,
            ["StateForCurrentUser"] = features.Served(feature.Code),
            ["Source"] = feature.Source,
        }),
    ];

    public int Update(IReadOnlyList<EntityRow> rows, IReadOnlyDictionary<string, QueryParameter> values)
    {
        if (values.Keys.FirstOrDefault(column => !string.Equals(column, "State", StringComparison.OrdinalIgnoreCase)) is { } other)
        {
            throw DataServiceException.NotSupported(messages, $"writing AppFeature.{other}");
        }

        var state = values.Values.Single().AsBoolean() ?? throw new DataServiceException("FormatException", messages.InvalidValue("State"));

        // Checked for every row before any is written, so a refused update writes nothing (assumed: Creatio
        // refuses a feature its database does not hold; the exception type is the sandbox's guess).
        if (rows.FirstOrDefault(row => !Equals(row["Source"], FeatureSources.Database)) is { } host)
        {
            throw new DataServiceException("InvalidOperationException", messages.NotInDatabase((string)host["Code"]!, (string)host["Source"]!));
        }

        return rows.Count(row => features.UpdateDefault(row.Id, state));
    }
}
