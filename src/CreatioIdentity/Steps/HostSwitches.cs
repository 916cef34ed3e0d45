namespace CreatioIdentity.Steps;

/// <summary>
/// The OAuth switches that are host configuration, not database features (SPEC §4): read by Creatio
/// when it starts, listed on /0/Flags with a Source other than DbFeatureProvider, and never writable
/// through the feature tables. Messages name the key and the restart.
/// </summary>
public static class HostSwitches
{
    public const string EnableOAuth20Integration = "EnableOAuth20Integration";
    public const string UseSeparateSettingsForOAuth20 = "UseSeparateSettingsForOAuth20";

    private const string ConfigFiles = "Terrasoft.WebHost.dll.config on .NET, Web.config on .NET Framework";

    /// <summary>The remedy for a switch that is off, or null when <paramref name="code"/> is no known host switch.</summary>
    public static string? Remedy(string code) => code switch
    {
        _ when Is(code, EnableOAuth20Integration) =>
            $"it is the host configuration key Feature-EnableOAuth20Integration ({ConfigFiles}), which gates OAuthConfigService and bearer authentication: set it to true there and restart Creatio",
        _ when Is(code, UseSeparateSettingsForOAuth20) =>
            $"it is the host setting GlobalAppSettings.FeatureUseSeparateSettingsForOAuth20 (the appSettings key Feature-UseSeparateSettingsForOAuth20 in {ConfigFiles}); while it is off Creatio reads IdentityServerUrl, IdentityServerClientId and IdentityServerClientSecret instead of the OAuth20IdentityServer* settings: set it to true there and restart Creatio",
        _ => null,
    };

    public static IReadOnlyList<string> All { get; } = [EnableOAuth20Integration, UseSeparateSettingsForOAuth20];

    private static bool Is(string code, string name) => string.Equals(code, name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The host switches as /0/Flags lists them, read only when the health check is red, to say why.</summary>
internal static class HostSwitchStates
{
    /// <summary>Switch code to state, for the switches Creatio lists as host configuration; empty when none can be read.</summary>
    public static async Task<IReadOnlyDictionary<string, bool>> ReadAsync(StepContext context, CancellationToken cancellationToken)
    {
        try
        {
            var rows = await context.Features.ReadAsync(HostSwitches.All, cancellationToken);
            return rows
                .Where(row => !row.IsInDatabase && row.DefaultState is not null && HostSwitches.All.Contains(row.Code, StringComparer.OrdinalIgnoreCase))
                .ToDictionary(row => row.Code, row => row.DefaultState!.Value, StringComparer.OrdinalIgnoreCase);
        }
        catch (Creatio.CreatioException)
        {
            // Best effort: the health check's own verdict stands without the explanation.
            return new Dictionary<string, bool>();
        }
    }
}
