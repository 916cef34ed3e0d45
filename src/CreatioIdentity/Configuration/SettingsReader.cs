using YamlDotNet.RepresentationModel;

namespace CreatioIdentity.Configuration;

/// <summary>The values under settings:, and which of them are secrets.</summary>
internal sealed record SiteSettings(IReadOnlyDictionary<string, string> Values, IReadOnlySet<string> Secrets);

/// <summary>
/// Reads settings:, code to value. A value is written as it is (<c>UsrPortal: https://…</c>), or
/// as a mapping that says it is a secret (<c>UsrApiKey: { value: ${API_KEY}, secret: true }</c>):
/// a secret is masked in every output and never shown as a change.
/// </summary>
internal static class SettingsReader
{
    public const string ValueKey = "value";
    public const string SecretKey = "secret";

    private static readonly string[] EntryKeys = [ValueKey, SecretKey];

    /// <summary>The settings the identityService section writes; setting them twice would race.</summary>
    private static readonly Dictionary<string, string> ReservedSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["OAuth20IdentityServerUrl"] = ConfigPaths.IdentityService.Url,
        ["OAuth20IdentityServerClientId"] = ConfigPaths.IdentityService.ClientId,
        ["OAuth20IdentityServerClientSecret"] = ConfigPaths.IdentityService.ClientSecret,
    };

    /// <summary>Null when anything was wrong; every problem is in the reader.</summary>
    public static SiteSettings? Read(ConfigReader reader, YamlSection site)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var secrets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!site.Contains("settings"))
        {
            return new SiteSettings(values, secrets);
        }

        if (reader.Child(site, "settings", allowedKeys: null, required: false, "setting code: value") is not { } section)
        {
            return null;
        }

        var valid = true;
        foreach (var entry in section.Entries)
        {
            var keyPath = section.PathOf(entry.Name);
            var (value, secret) = entry.Value is YamlMappingNode ? ReadEntry(reader, entry, keyPath) : (ReadValue(reader, entry.Value, keyPath), false);
            if (ReservedSettings.TryGetValue(entry.Name, out var owner))
            {
                reader.Error(entry.Key, $"{keyPath} is written from {owner}; remove it from {section.Path}");
                valid = false;
            }

            valid &= value is not null && SiteReader.IsNew(reader, values, entry, section, "setting");
            if (value is not null)
            {
                values[entry.Name] = value;
                if (secret)
                {
                    secrets.Add(entry.Name);
                }
            }
        }

        return valid ? new SiteSettings(values, secrets) : null;
    }

    private static (string? Value, bool Secret) ReadEntry(ConfigReader reader, YamlSection.Entry entry, string keyPath)
    {
        if (reader.Section(entry.Value, keyPath, entry.Key, EntryKeys, emptyIsAllowed: false) is not { } mapping)
        {
            return (null, false);
        }

        var secret = reader.Boolean(mapping, SecretKey) ?? false;
        if (mapping.Find(ValueKey) is not { } value)
        {
            reader.Error(entry.Value, $"{keyPath} needs '{ValueKey}:', the value to write");
            return (null, secret);
        }

        return (ReadValue(reader, value.Value, mapping.PathOf(ValueKey)), secret);
    }

    private static string? ReadValue(ConfigReader reader, YamlNode node, string keyPath)
    {
        // A setting may hold a secret of its own, so its value is treated as one in messages.
        var value = reader.Scalar(node, keyPath, secret: true, "a single value (text, number or true/false), or { value: ..., secret: true }");
        if (value is { IsNull: true })
        {
            reader.Error(node, $"{keyPath} has no value; write '' for an empty text");
            return null;
        }

        return value?.Text;
    }
}
