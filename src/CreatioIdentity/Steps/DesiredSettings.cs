using System.Globalization;
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
        var identity = config.IdentityService;
        var list = new List<DesiredSetting>
        {
            new(OAuthSettingCodes.Url, identity.Url.OriginalString, false, "identityService.url", true),
            new(OAuthSettingCodes.ClientId, identity.ClientId, false, "identityService.clientId", true),
            new(OAuthSettingCodes.ClientSecret, identity.ClientSecret.Reveal(), true, "identityService.clientSecret", true),
        };
        list.AddRange(config.Settings.Select(setting => new DesiredSetting(setting.Key, setting.Value, false, "settings." + setting.Key, false)));
        return list;
    }

    /// <summary>
    /// Whether Creatio's stored value already is the wanted one: the same text, or the same URL up
    /// to a trailing slash and letter case of scheme and host, or the same boolean or number.
    /// </summary>
    public static bool Same(string? current, string wanted)
    {
        if (current is null)
        {
            return false;
        }

        var a = current.Trim();
        var b = wanted.Trim();
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        if (Uri.TryCreate(a, UriKind.Absolute, out var left) && Uri.TryCreate(b, UriKind.Absolute, out var right)
            && (left.Scheme is "http" or "https") && (right.Scheme is "http" or "https"))
        {
            return Uri.Compare(Trimmed(left), Trimmed(right), UriComponents.AbsoluteUri, UriFormat.SafeUnescaped, StringComparison.Ordinal) == 0;
        }

        if (bool.TryParse(a, out var leftFlag) && bool.TryParse(b, out var rightFlag))
        {
            return leftFlag == rightFlag;
        }

        return decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var leftNumber)
            && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var rightNumber)
            && leftNumber == rightNumber;
    }

    private static Uri Trimmed(Uri uri) => new(uri.AbsoluteUri.TrimEnd('/'));
}
