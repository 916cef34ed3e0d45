namespace CreatioIdentity.Sandbox.Creatio.DataService.Tables;

/// <summary>
/// OAuthClientApp (8.1 <c>OAuthClientAppSchema.OAuth20.cs</c>): the integrated applications. ClientSecret is a
/// SecureText column that reads as nothing. An UpdateQuery writes Description (which 8.1's AddClient and
/// UpdateClient do not take); every other column is written through OAuthConfigService, as the page does.
/// </summary>
internal sealed class OAuthClientAppTable(CreatioState state, Messages messages) : IEntityTable
{
    public string Name => "OAuthClientApp";

    public IReadOnlyList<EntityColumn> Columns { get; } =
    [
        EntityColumn.Id,
        new("Name", DataValueType.MediumText),
        new("ClientId", DataValueType.ShortText),
        new("ClientSecret", DataValueType.SecureText),
        new("RedirectUrl", DataValueType.MediumText),
        new("ApplicationUrl", DataValueType.MediumText),
        new("IsActive", DataValueType.Boolean),
        new("SystemUser", DataValueType.Lookup, "SysAdminUnit"),
        new("Description", DataValueType.MediumText),
    ];

    public IReadOnlyList<EntityRow> Rows()
    {
        var units = state.AllAdminUnits();
        return
        [
            .. state.OAuthClientApps.All().Select(app => new EntityRow
            {
                ["Id"] = app.Id,
                ["Name"] = app.Name,
                ["ClientId"] = app.ClientId,
                ["ClientSecret"] = null,
                ["RedirectUrl"] = app.RedirectUrl,
                ["ApplicationUrl"] = app.ApplicationUrl,
                ["IsActive"] = app.IsActive,
                ["SystemUser"] = units.FirstOrDefault(unit => unit.Id == app.SystemUserId) is { } user ? new LookupValue(user.Id, user.Name) : null,
                ["Description"] = app.Description,
            }),
        ];
    }

    public int Update(IReadOnlyList<EntityRow> rows, IReadOnlyDictionary<string, QueryParameter> values)
    {
        if (values.Keys.FirstOrDefault(column => !string.Equals(column, "Description", StringComparison.OrdinalIgnoreCase)) is { } other)
        {
            throw DataServiceException.NotSupported(messages, $"writing OAuthClientApp.{other} (the sandbox writes it through OAuthConfigService)");
        }

        var description = values.Values.Single().AsText();
        var changed = 0;
        foreach (var row in rows)
        {
            if (state.OAuthClientApps.All().FirstOrDefault(app => app.Id == row.Id) is { } app && state.OAuthClientApps.Replace(app with { Description = description }))
            {
                changed++;
            }
        }

        return changed;
    }
}
