namespace CreatioIdentity.OAuthApps;

/// <summary>
/// How an app says that creatio-identity created it: a marker at the end of its description, the one free-text
/// column an administrator sees on the app's page. Only apps that carry it are ever updated by name, pruned or
/// rotated; an app made by hand is never touched. 8.1's AddClient ignores a description, so the marker is
/// written with DataService right after the app is created.
/// </summary>
public static class ManagedMarker
{
    public const string Text = "[managed by creatio-identity]";

    /// <summary>The description to store: the declared one, then the marker.</summary>
    public static string Compose(string? description) =>
        string.IsNullOrWhiteSpace(description) ? Text : $"{description.Trim()} {Text}";

    /// <summary>Whether a stored description carries the marker, and the declared part before it.</summary>
    public static (bool Managed, string? Description) Parse(string? stored)
    {
        var text = stored?.TrimEnd() ?? string.Empty;
        if (!text.EndsWith(Text, StringComparison.Ordinal))
        {
            return (false, string.IsNullOrWhiteSpace(stored) ? null : stored.Trim());
        }

        var declared = text[..^Text.Length].Trim();
        return (true, declared.Length == 0 ? null : declared);
    }
}
