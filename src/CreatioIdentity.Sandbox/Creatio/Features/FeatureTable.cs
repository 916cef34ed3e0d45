namespace CreatioIdentity.Sandbox.Creatio.Features;

/// <summary>Where a feature's state comes from, as the /0/Flags page (AppFeature.Source) names it.</summary>
internal static class FeatureSources
{
    public const string Database = "DbFeatureProvider";
    public const string WebConfig = "web.config";
    public const string GlobalAppSettings = "GlobalAppSettings";
}

/// <summary>One feature: a row of the Feature table, or a host switch that only AppFeature lists.</summary>
internal sealed record FeatureRow(Guid Id, string Code, string Name, string Description, int DefaultState, string Source)
{
    public bool InDatabase => Source == FeatureSources.Database;
}

/// <summary>
/// The Feature table (Id, Code, Name, Description, DefaultState: 8.1 <c>FeatureSchema.CrtBase.cs</c>) and,
/// beside it, the two host switches. Not thread-safe: <see cref="FeatureModel"/> holds the lock.
/// </summary>
internal sealed class FeatureTable
{
    public const string OAuth20Integration = "OAuth20Integration";
    public const string RefreshAccessTokenUnderLock = "RefreshAccessTokenUnderLock";
    public const string EnableOAuth20Integration = "EnableOAuth20Integration";
    public const string UseSeparateSettingsForOAuth20 = "UseSeparateSettingsForOAuth20";

    /// <summary>The Id the OAuth20 package gives it (<c>Data/Feature_OAuth20Integration</c>).</summary>
    public static readonly Guid OAuth20IntegrationId = new("f836e885-8e51-44dd-879c-37c901210874");

    /// <summary>The OAuth20Integration package's own feature, on by default (<c>Data/Feature_RefreshAccessTokenUnderLock</c>).</summary>
    public static readonly Guid RefreshAccessTokenUnderLockId = new("f2291d37-12be-4c88-b0b6-dfbe9efd8be8");

    private readonly List<FeatureRow> database =
    [
        // The package sets neither Description nor DefaultState, so the feature is off by default.
        new(OAuth20IntegrationId, OAuth20Integration, OAuth20Integration, string.Empty, 0, FeatureSources.Database),
        new(RefreshAccessTokenUnderLockId, RefreshAccessTokenUnderLock, RefreshAccessTokenUnderLock, string.Empty, 1, FeatureSources.Database),
    ];

    private readonly IReadOnlyList<FeatureRow> host;

    public FeatureTable(SandboxOptions options) =>
        // Real sites list host switches in AppFeature with ids of their own; these are the sandbox's (assumed stable).
        host =
        [
            new(new Guid("5d0c1c4e-9e42-4a8a-9a7e-0c3b8f1e7a01"), EnableOAuth20Integration, "Enable OAuth 2.0 integration", string.Empty,
                options.HostOAuthEnabled ? 1 : 0, FeatureSources.WebConfig),
            new(new Guid("5d0c1c4e-9e42-4a8a-9a7e-0c3b8f1e7a02"), UseSeparateSettingsForOAuth20, "Use separate settings for OAuth 2.0", string.Empty,
                options.UseSeparateSettingsForOAuth20 ? 1 : 0, FeatureSources.GlobalAppSettings),
        ];

    /// <summary>The rows of the Feature table only.</summary>
    public IReadOnlyList<FeatureRow> Database => [.. database];

    /// <summary>Every feature AppFeature lists: the database's and the host switches.</summary>
    public IReadOnlyList<FeatureRow> All => [.. database, .. host];

    /// <summary>By code, ignoring case as MS SQL's default collation does.</summary>
    public FeatureRow? Find(string code) =>
        All.FirstOrDefault(row => string.Equals(row.Code, code, StringComparison.OrdinalIgnoreCase));

    public FeatureRow? Find(Guid id) => All.FirstOrDefault(row => row.Id == id);

    /// <summary>Writes the default state of a database feature, adding the feature when it is missing.</summary>
    /// <exception cref="InvalidOperationException">The feature is a host switch.</exception>
    public FeatureRow SetDefault(string code, int state)
    {
        if (Find(code) is not { } row)
        {
            row = new FeatureRow(Guid.NewGuid(), code, code, string.Empty, state, FeatureSources.Database);
            database.Add(row);
            return row;
        }

        return SetDefault(row.Id, state) ?? throw new InvalidOperationException($"{code} is a host setting ({row.Source}), not a database feature.");
    }

    /// <summary>The new row, or null when no database feature has this id.</summary>
    public FeatureRow? SetDefault(Guid id, int state)
    {
        var index = database.FindIndex(row => row.Id == id);
        if (index < 0)
        {
            return null;
        }

        database[index] = database[index] with { DefaultState = state };
        return database[index];
    }
}
