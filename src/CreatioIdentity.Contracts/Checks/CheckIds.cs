namespace CreatioIdentity.Checks;

/// <summary>The check ids of SPEC §2 (contract): reports, annotations and users rely on them.</summary>
public static class CheckIds
{
    public const string IdentityServiceDiscovery = nameof(IdentityServiceDiscovery);
    public const string ClientCredentialsToken = nameof(ClientCredentialsToken);
    public const string CreatioLogin = nameof(CreatioLogin);
    public const string FeatureEnabled = nameof(FeatureEnabled);
    public const string SettingsApplied = nameof(SettingsApplied);
    public const string SystemSettingsFilledIn = nameof(SystemSettingsFilledIn);
    public const string IdentityServiceAvailable = nameof(IdentityServiceAvailable);
    public const string AccessTokenRetrievable = nameof(AccessTokenRetrievable);
    public const string DefaultResourceRegistered = nameof(DefaultResourceRegistered);

    /// <summary>Every id, in the order a report lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        IdentityServiceDiscovery, ClientCredentialsToken, CreatioLogin, FeatureEnabled, SettingsApplied,
        SystemSettingsFilledIn, IdentityServiceAvailable, AccessTokenRetrievable, DefaultResourceRegistered,
    ];
}
