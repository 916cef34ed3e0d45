using CreatioIdentity.Configuration;

namespace CreatioIdentity.Steps;

/// <summary>The codes under which Creatio keeps the Identity Service connection (SPEC §4).</summary>
public static class OAuthSettingCodes
{
    public const string Url = "OAuth20IdentityServerUrl";
    public const string ClientId = "OAuth20IdentityServerClientId";
    public const string ClientSecret = "OAuth20IdentityServerClientSecret";
}

/// <summary>One system setting the configuration wants, and where in the file it was asked for.</summary>
public sealed record DesiredSetting(string Code, string Value, bool IsSecret, string ConfigPath, bool IsConnection);

public static class DesiredSettings
{
    /// <summary>The three connection settings first, then settings: in file order.</summary>
    public static IReadOnlyList<DesiredSetting> From(IdentityConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var identity = config.IdentityService;
        var list = new List<DesiredSetting>
        {
            new(OAuthSettingCodes.Url, identity.Url.OriginalString, false, ConfigPaths.IdentityService.Url, true),
            new(OAuthSettingCodes.ClientId, identity.ClientId, false, ConfigPaths.IdentityService.ClientId, true),
            new(OAuthSettingCodes.ClientSecret, identity.ClientSecret.Reveal(), true, ConfigPaths.IdentityService.ClientSecret, true),
        };
        list.AddRange(config.Settings.Select(setting => new DesiredSetting(setting.Key, setting.Value, config.SecretSettings.Contains(setting.Key), ConfigPaths.Settings.Entry(setting.Key), false)));
        return list;
    }
}
