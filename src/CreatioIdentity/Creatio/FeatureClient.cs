using CreatioIdentity.Creatio.DataService;

namespace CreatioIdentity.Creatio;

/// <summary>
/// A feature as the /0/Flags page shows it (entity AppFeature): its default state, which is what
/// "for all users" means in 8.x, the state in effect for the logged-in user (served from the
/// feature cache), and where the feature is defined.
/// </summary>
public sealed record AppFeature(Guid Id, string Code, bool? DefaultState, bool? EffectiveState, string? Source)
{
    /// <summary>The only source whose state lives in the database tables that can be written (SPEC §4).</summary>
    public const string DatabaseSource = "DbFeatureProvider";

    public bool IsInDatabase => string.Equals(Source, DatabaseSource, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A row of AdminUnitFeatureState: a user or role whose state of a feature overrides the default.</summary>
public sealed record FeatureOverride(Guid Id, string FeatureCode, string Unit, int State)
{
    public bool IsOn => State != 0;
}

/// <summary>
/// Feature toggles, read and written as clio's set-feature and the /0/Flags page do: the default
/// state through DataService on AppFeature, the per-unit overrides on AdminUnitFeatureState, and the
/// feature cache of FeatureService. FeatureService's SetFeatureStateForAllUsers and GetFeaturesInfo
/// are not used: in 8.1 (FeatureValueProvider.SafeSetAdminUnitFeatureState) the former sets the
/// existing override rows, or one row for the calling user, and never the default.
/// </summary>
public sealed class FeatureClient(CreatioSession session, DataServiceClient data)
{
    private const string AppFeatureEntity = "AppFeature";
    private const string OverrideEntity = "AdminUnitFeatureState";

    public async Task<IReadOnlyList<AppFeature>> ReadAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var rows = await data.SelectAsync(AppFeatureEntity, ["Id", "Code", "State", "StateForCurrentUser", "Source"], ByCode("Code", codes), anyFilter: true, cancellationToken);
        var features = new List<AppFeature>();
        foreach (var row in rows.Where(row => row.Id("Id") is not null && !string.IsNullOrEmpty(row.Text("Code"))))
        {
            var feature = new AppFeature(row.Id("Id")!.Value, row.Text("Code")!, row.Flag("State"), row.Flag("StateForCurrentUser"), row.Text("Source"));
            if (feature.EffectiveState is null && codes.Contains(feature.Code, StringComparer.Ordinal))
            {
                feature = feature with { EffectiveState = await EffectiveStateAsync(feature.Code, cancellationToken) };
            }

            features.Add(feature);
        }

        return features;
    }

    /// <summary>
    /// Every feature's Id and Code, unfiltered: only to find a code the Code filter missed because it is
    /// written in another letter case and the database compares text case-sensitively (PostgreSQL).
    /// </summary>
    public async Task<IReadOnlyList<AppFeature>> ReadCodesAsync(CancellationToken cancellationToken)
    {
        var rows = await data.SelectAsync(AppFeatureEntity, ["Id", "Code"], [], anyFilter: false, cancellationToken);
        return [.. rows
            .Where(row => row.Id("Id") is not null && !string.IsNullOrEmpty(row.Text("Code")))
            .Select(row => new AppFeature(row.Id("Id")!.Value, row.Text("Code")!, null, null, null))];
    }

    /// <summary>The state in effect for the logged-in user, as FeatureService serves it from the feature cache.</summary>
    public async Task<bool> EffectiveStateAsync(string code, CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(CreatioRoutes.GetFeatureState, new FeatureCodeRequest(code), CreatioJsonContext.Default.FeatureCodeRequest, cancellationToken);
        if (!answer.IsSuccess)
        {
            throw answer.Failed("The user needs the system administrator's rights to manage features.");
        }

        return answer.Result("GetFeatureStateResult").Flag("FeatureState") ?? throw answer.NotUnderstood("no FeatureState");
    }

    public async Task<IReadOnlyList<FeatureOverride>> ReadOverridesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var rows = await data.SelectAsync(OverrideEntity, ["Id", "Feature.Code", "SysAdminUnit", "FeatureState"], ByCode("Feature.Code", codes), anyFilter: true, cancellationToken);
        return [.. rows
            .Where(row => row.Id("Id") is not null)
            .Select(row => new FeatureOverride(
                row.Id("Id")!.Value,
                row.Text(DataServiceQueries.Alias("Feature.Code")) ?? string.Empty,
                row.Display("SysAdminUnit") ?? row.Id("SysAdminUnit")?.ToString() ?? "an unnamed user or role",
                row.Number("FeatureState") ?? 0))];
    }

    /// <summary>Writes the default state ("Is enabled" on /0/Flags) of one database feature; the cache is cleared separately.</summary>
    public Task<UpdateOutcome> SetDefaultStateAsync(AppFeature feature, bool enabled, CancellationToken cancellationToken) =>
        data.UpdateAsync(AppFeatureEntity, new Dictionary<string, DataValue> { ["State"] = DataValue.Flag(enabled) }, [new ColumnFilter("Id", DataValue.Id(feature.Id))], cancellationToken);

    public Task<UpdateOutcome> SetOverrideStateAsync(FeatureOverride row, bool enabled, CancellationToken cancellationToken) =>
        data.UpdateAsync(OverrideEntity, new Dictionary<string, DataValue> { ["FeatureState"] = DataValue.Number(enabled ? 1 : 0) }, [new ColumnFilter("Id", DataValue.Id(row.Id))], cancellationToken);

    /// <summary>Makes the running application serve the stored states (every feature, as the page's Clear cache button).</summary>
    public async Task ClearFeaturesCacheForAllUsersAsync(CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(CreatioRoutes.ClearFeaturesCacheForAllUsers, cancellationToken);
        if (!answer.IsSuccess)
        {
            throw answer.Failed("The user needs the system administrator's rights to manage features.");
        }

        if (answer.Body.Trim().Length > 0)
        {
            _ = answer.Json();
        }
    }

    private static List<ColumnFilter> ByCode(string column, IReadOnlyCollection<string> codes) =>
        [.. codes.Select(code => new ColumnFilter(column, DataValue.Text(code)))];
}
