using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CreatioIdentity.Configuration;

/// <summary>One environment of the file as written: its name, its key (for positions) and its own keys.</summary>
internal sealed record EnvironmentEntry(string Name, YamlScalarNode Key, YamlNode Value);

/// <summary>
/// The multi-site form of the file: <c>defaults:</c> and <c>environments: {name: {...}}</c>. Each
/// environment is the single-site form merged over the defaults (mappings merged key by key, any
/// other value replaced) and then read by <see cref="SiteReader"/>, with a reader of its own, so
/// that its values keep the positions they were written at and one environment's problems never
/// become another's.
/// </summary>
internal static partial class EnvironmentsReader
{
    public const string DefaultsKey = "defaults";
    public const string EnvironmentsKey = "environments";

    /// <summary>The word that selects every environment of the file.</summary>
    public const string All = "all";

    public const int MaxNameLength = 64;

    public static IReadOnlyList<string> Keys { get; } = [DefaultsKey, EnvironmentsKey];

    /// <summary>Whether the file uses the multi-site form.</summary>
    public static bool IsMultiSite(YamlSection root) => root.Contains(EnvironmentsKey) || root.Contains(DefaultsKey);

    /// <summary>
    /// Checks the multi-site form's top level and reads the names in file order; nothing is
    /// resolved, so no secret needs to be set. Problems go to the reader.
    /// </summary>
    public static IReadOnlyList<EnvironmentEntry> ReadNames(ConfigReader reader, YamlSection root, out YamlSection? defaults)
    {
        foreach (var siteKey in SiteReader.Keys)
        {
            if (root.Find(siteKey) is { } misplaced)
            {
                reader.Error(misplaced.Key, $"{siteKey} belongs under {DefaultsKey}: (shared by every environment) or under one environment, now that the file has {EnvironmentsKey}:");
            }
        }

        defaults = null;
        if (root.Find(DefaultsKey) is { } defaultsEntry)
        {
            defaults = reader.Section(defaultsEntry.Value, DefaultsKey, defaultsEntry.Key, SiteReader.Keys, emptyIsAllowed: true);
        }

        if (root.Find(EnvironmentsKey) is not { } environmentsEntry)
        {
            reader.Missing(root, EnvironmentsKey, $"with {DefaultsKey}: the file needs {EnvironmentsKey}: NAME: {{...}} for each Creatio site; a single site is written without both");
            return [];
        }

        if (reader.Section(environmentsEntry.Value, EnvironmentsKey, environmentsEntry.Key, allowedKeys: null, emptyIsAllowed: false) is not { } environments)
        {
            return [];
        }

        if (environments.Entries.Count == 0)
        {
            reader.Error(environmentsEntry.Key, $"{EnvironmentsKey} is empty; name at least one Creatio site, e.g. 'prod: {{ creatio: {{ url: ... }} }}'");
            return [];
        }

        var entries = new List<EnvironmentEntry>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in environments.Entries)
        {
            // The environment's own keys are checked here, once, with their path in the message.
            if (IsNewName(reader, entry, seen)
                && reader.Section(entry.Value, $"{EnvironmentsKey}.{entry.Name}", entry.Key, SiteReader.Keys, emptyIsAllowed: true) is not null)
            {
                entries.Add(new EnvironmentEntry(entry.Name, entry.Key, entry.Value));
            }
        }

        return entries;
    }

    /// <summary>Whether the environment's name can name a report folder and a CI matrix entry, and is not taken yet; reported when not.</summary>
    private static bool IsNewName(ConfigReader reader, YamlSection.Entry entry, Dictionary<string, string> seen)
    {
        var name = entry.Name;
        if (!NamePattern().IsMatch(name))
        {
            reader.Error(entry.Key, $"environment name '{name}' must be 1 to {MaxNameLength} letters, digits, '-', '_' or '.', starting with a letter or digit (it names a report folder and a CI matrix entry)");
            return false;
        }

        if (string.Equals(name, All, StringComparison.OrdinalIgnoreCase))
        {
            reader.Error(entry.Key, $"'{name}' cannot name an environment: --environment {All} selects every environment");
            return false;
        }

        if (seen.TryGetValue(name, out var first))
        {
            reader.Error(entry.Key, $"environment '{name}' repeats '{first}' (names ignore case: they become folder names)");
            return false;
        }

        seen[name] = name;
        return true;
    }

    /// <summary>
    /// The environments <paramref name="requested"/> names (each name, or <see cref="All"/>), in
    /// file order; an unknown name is an error at the environments: key, with the closest name.
    /// </summary>
    public static IReadOnlyList<EnvironmentEntry>? Select(ConfigReader reader, YamlSection root, IReadOnlyList<EnvironmentEntry> entries, IReadOnlyCollection<string> requested)
    {
        var anchor = root.Find(EnvironmentsKey)?.Key ?? root.Anchor;
        var names = entries.Select(entry => entry.Name).ToList();
        if (requested.Count == 0)
        {
            reader.Error(anchor, $"the file describes {Describe(names)}; choose with --environment NAME (repeatable) or --environment {All}");
            return null;
        }

        if (requested.Any(name => string.Equals(name, All, StringComparison.OrdinalIgnoreCase)))
        {
            return entries;
        }

        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in requested)
        {
            if (names.Contains(name, StringComparer.Ordinal))
            {
                wanted.Add(name);
                continue;
            }

            var suggestion = KeySuggestion.Closest(name, names);
            var hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
            reader.Error(anchor, $"--environment '{name}' is not an environment of this file, which describes {Describe(names)}{hint}");
        }

        return reader.HasErrors ? null : [.. entries.Where(entry => wanted.Contains(entry.Name))];
    }

    /// <summary>
    /// Reads one environment merged over the defaults with a reader of its own: its messages are
    /// prefixed with its name, its positions are where each value was written (the environment's
    /// key, or the default it inherited).
    /// </summary>
    public static EnvironmentConfig Read(EnvironmentEntry entry, YamlSection? defaults, string displayPath, Func<string, string?> environment, string baseDirectory)
    {
        var reader = new ConfigReader(displayPath, environment);
        var merged = Merge(defaults?.Entries ?? [], SiteEntries(entry.Value), StringComparer.Ordinal, site: true);
        var section = new YamlSection(string.Empty, entry.Key, merged);
        var site = SiteReader.Read(reader, section, baseDirectory);
        var prefix = $"environment '{entry.Name}': ";
        if (reader.HasErrors || site is null)
        {
            return new EnvironmentConfig(entry.Name, null, [.. reader.Errors.Select(error => error with { Message = prefix + error.Message })]);
        }

        var config = new IdentityConfig(ConfigLoader.CurrentVersion, site.Creatio, site.IdentityService, site.Features, site.Settings, reader.ToSource())
        {
            Environment = entry.Name,
            AllowInsecureHttp = site.AllowInsecureHttp,
            SecretSettings = site.SecretSettings,
            OAuthApps = site.OAuthApps,
            Warnings = [.. reader.Warnings.Select(warning => warning with { Message = prefix + warning.Message })],
        };
        return new EnvironmentConfig(entry.Name, config, []);
    }

    /// <summary>
    /// The sections whose keys are Creatio codes, which ignore case: an environment's
    /// <c>usrshared</c> overrides the default <c>UsrShared</c> rather than repeating it.
    /// </summary>
    private static readonly HashSet<string> CodeSections = new(StringComparer.Ordinal) { "features", "settings" };

    /// <summary>Mappings merge key by key (the environment's key wins its position); any other value replaces.</summary>
    internal static YamlNode Merge(YamlNode inherited, YamlNode own) => Merge(inherited, own, StringComparer.Ordinal);

    private static YamlNode Merge(YamlNode inherited, YamlNode own, StringComparer keys) => (inherited, own) switch
    {
        (YamlMappingNode defaults, YamlMappingNode overrides) =>
            new YamlMappingNode(Merge(Pairs(defaults), Pairs(overrides), keys, site: false).Select(entry => new KeyValuePair<YamlNode, YamlNode>(entry.Key, entry.Value))),

        // A plain value over a setting's { value, secret } sets its value and keeps it secret: an
        // environment's own value of a secret setting must not come out in clear.
        (YamlMappingNode setting, YamlScalarNode value) when setting.Children.ContainsKey(SettingsReader.ValueKey) && !IsNull(value) =>
            new YamlMappingNode(setting.Children.Select(pair => pair.Key is YamlScalarNode { Value: SettingsReader.ValueKey } ? new KeyValuePair<YamlNode, YamlNode>(pair.Key, value) : pair)),
        _ => own,
    };

    private static bool IsNull(YamlScalarNode node) => node.Style == YamlDotNet.Core.ScalarStyle.Plain && node.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <param name="site">The site's own keys, whose features: and settings: hold codes.</param>
    private static List<YamlSection.Entry> Merge(IReadOnlyList<YamlSection.Entry> inherited, List<YamlSection.Entry> own, StringComparer keys, bool site)
    {
        var merged = new List<YamlSection.Entry>(inherited.Count + own.Count);
        foreach (var entry in inherited)
        {
            var children = site && CodeSections.Contains(entry.Name) ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            merged.Add(own.FirstOrDefault(mine => keys.Equals(mine.Name, entry.Name)) is { } mine
                ? mine with { Value = Merge(entry.Value, mine.Value, children) }
                : entry);
        }

        merged.AddRange(own.Where(mine => !inherited.Any(entry => keys.Equals(entry.Name, mine.Name))));
        return merged;
    }

    private static List<YamlSection.Entry> Pairs(YamlMappingNode mapping) =>
    [
        .. mapping.Children
            .Where(pair => pair.Key is YamlScalarNode { Value.Length: > 0 })
            .Select(pair => new YamlSection.Entry(((YamlScalarNode)pair.Key).Value!, (YamlScalarNode)pair.Key, pair.Value)),
    ];

    /// <summary>The site keys of an environment; an empty value (<c>dev:</c>) inherits everything.</summary>
    private static List<YamlSection.Entry> SiteEntries(YamlNode value) =>
        value is YamlMappingNode mapping ? [.. Pairs(mapping).Where(entry => SiteReader.Keys.Contains(entry.Name))] : [];

    private static string Describe(List<string> names) =>
        names.Count == 1 ? $"the environment {names[0]}" : $"the environments {string.Join(", ", names)}";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

/// <summary>One selected environment: its configuration, or the problems that keep it from running (exit 3 for it alone).</summary>
public sealed record EnvironmentConfig(string Name, IdentityConfig? Config, IReadOnlyList<ConfigDiagnostic> Errors);

/// <summary>
/// What the command line selected from a file: the one site of a single-site file
/// (<see cref="Site"/>), or the chosen environments of a multi-site file, in file order.
/// </summary>
public sealed record ConfigSelection(IdentityConfig? Site, IReadOnlyList<EnvironmentConfig> Environments)
{
    public bool HasEnvironments => Site is null;
}
