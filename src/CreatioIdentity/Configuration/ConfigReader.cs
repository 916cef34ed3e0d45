using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CreatioIdentity.Configuration;

/// <summary>
/// Reads typed values out of YAML nodes. Every problem is collected with its position rather than
/// thrown, so one run reports all of them; every value's position is remembered for
/// <see cref="ConfigSource"/>. A value marked secret is never quoted back in a message.
/// </summary>
internal sealed class ConfigReader(string displayPath, Func<string, string?> environment)
{
    private static readonly string[] NullWords = ["", "~", "null", "Null", "NULL"];

    private readonly List<ConfigDiagnostic> diagnostics = [];
    private readonly Dictionary<string, SourceLocation> locations = new(StringComparer.Ordinal);

    // The keys an unknown key was taken for ("did you mean"), by the path of the key: a misspelt
    // clientSecrte is reported as itself, not also as a missing clientSecret above it.
    private readonly HashSet<string> misspelt = new(StringComparer.Ordinal);

    public string DisplayPath { get; } = displayPath;

    public IReadOnlyList<ConfigDiagnostic> Errors => Sorted(DiagnosticSeverity.Error);

    public IReadOnlyList<ConfigDiagnostic> Warnings => Sorted(DiagnosticSeverity.Warning);

    public bool HasErrors => diagnostics.Exists(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);

    public ConfigSource ToSource() => new(DisplayPath, new Dictionary<string, SourceLocation>(locations, StringComparer.Ordinal));

    public SourceLocation At(YamlNode node) => At(node.Start);

    public SourceLocation At(Mark mark) => new(DisplayPath, checked((int)mark.Line), checked((int)mark.Column));

    public void Error(YamlNode node, string message) => diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Error, At(node), message));

    public void Warning(YamlNode node, string message) => diagnostics.Add(new ConfigDiagnostic(DiagnosticSeverity.Warning, At(node), message));

    public void Remember(string keyPath, YamlNode node) => locations[keyPath] = At(node);

    /// <summary>
    /// Checks that <paramref name="node"/> is a mapping, and, when <paramref name="allowedKeys"/> is
    /// given, that it holds no other keys. An empty value (<c>settings:</c>) is an empty mapping when
    /// <paramref name="emptyIsAllowed"/>. Returns null after reporting when the node is no mapping.
    /// </summary>
    public YamlSection? Section(YamlNode node, string path, YamlNode anchor, IReadOnlyList<string>? allowedKeys, bool emptyIsAllowed)
    {
        if (emptyIsAllowed && IsNull(node))
        {
            return new YamlSection(path, anchor, []);
        }

        if (node is not YamlMappingNode mapping)
        {
            var expected = allowedKeys is null ? "code: value pairs" : $"the keys {string.Join(", ", allowedKeys)}";
            Error(node, $"{Describe(path)} must be a mapping of {expected}, not {KindOf(node)}");
            return null;
        }

        List<YamlSection.Entry> entries = [];
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name } scalarKey)
            {
                Error(key, $"a key in {Describe(path)} must be a plain name");
                continue;
            }

            if (allowedKeys is not null && !allowedKeys.Contains(name, StringComparer.Ordinal))
            {
                var suggestion = KeySuggestion.Closest(name, allowedKeys);
                var hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
                if (suggestion is not null)
                {
                    misspelt.Add(path.Length == 0 ? suggestion : $"{path}.{suggestion}");
                }

                Error(key, $"unknown key '{name}' in {Describe(path)} (allowed: {string.Join(", ", allowedKeys)}){hint}");
                continue;
            }

            entries.Add(new YamlSection.Entry(name, scalarKey, value));
        }

        return new YamlSection(path, anchor, entries);
    }

    /// <summary>
    /// Reports a required key that is absent, at the key that opened its mapping; unless an unknown key
    /// of the same mapping was already reported as its misspelling, which says all there is to say.
    /// </summary>
    public void Missing(YamlSection section, string name, string expected)
    {
        if (!misspelt.Contains(section.PathOf(name)))
        {
            Error(section.Anchor, $"{section.PathOf(name)} is required ({expected})");
        }
    }

    /// <summary>The scalar's text with every <c>${VAR}</c> resolved; null after reporting a problem.</summary>
    public ResolvedScalar? Scalar(YamlNode node, string keyPath, bool secret, string expected)
    {
        Remember(keyPath, node);
        if (node is not YamlScalarNode scalar)
        {
            Error(node, $"{keyPath} must be {expected}, not {KindOf(node)}");
            return null;
        }

        var raw = scalar.Value ?? string.Empty;
        var interpolation = EnvironmentInterpolator.Interpolate(raw, environment);
        foreach (var problem in interpolation.Problems)
        {
            Error(node, InterpolationMessages.Describe(problem, keyPath, secret));
        }

        if (interpolation.Problems.Count > 0)
        {
            return null;
        }

        var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
        return new ResolvedScalar(
            scalar,
            interpolation.Value,
            interpolation.References,
            IsNull: plain && !interpolation.HasReferences && NullWords.Contains(raw, StringComparer.Ordinal),
            IsQuoted: !plain && !interpolation.HasReferences);
    }

    /// <summary>
    /// A non-empty text value; null after reporting when absent (and required), empty or not a scalar.
    /// <paramref name="hint"/> says what belongs there, for the "required" and "empty" messages.
    /// </summary>
    public ResolvedScalar? Text(YamlSection section, string name, bool required, bool secret, string hint, string kind = "a text value")
    {
        var keyPath = section.PathOf(name);
        if (section.Find(name) is not { } entry)
        {
            if (required)
            {
                Missing(section, name, hint);
            }

            return null;
        }

        if (Scalar(entry.Value, keyPath, secret, kind) is not { } value)
        {
            return null;
        }

        if (value.IsNull || string.IsNullOrWhiteSpace(value.Text))
        {
            var because = value.References.Count > 0
                ? $"; environment variable {string.Join(", ", value.References)} is set but empty"
                : string.Empty;
            Error(entry.Value, $"{keyPath} must not be empty ({hint}){because}");
            return null;
        }

        return value;
    }

    /// <summary>A section nested in <paramref name="parent"/>; null when absent (reported if required) or not a mapping.</summary>
    public YamlSection? Child(YamlSection parent, string name, IReadOnlyList<string>? allowedKeys, bool required, string hint)
    {
        if (parent.Find(name) is not { } entry)
        {
            if (required)
            {
                Missing(parent, name, hint);
            }

            return null;
        }

        var path = parent.PathOf(name);
        Remember(path, entry.Key);
        return Section(entry.Value, path, entry.Key, allowedKeys, emptyIsAllowed: !required);
    }

    /// <summary>An absolute http(s) URL without credentials in it. URLs are never quoted back: one may hold a password.</summary>
    public Uri? Url(YamlSection section, string name, string hint, string credentialKeys)
    {
        if (Text(section, name, required: true, secret: false, hint, kind: "an absolute http or https URL") is not { } value)
        {
            return null;
        }

        var keyPath = section.PathOf(name);
        if (!Uri.TryCreate(value.Text.Trim(), UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host) || url.IsFile || url.IsUnc)
        {
            Error(value.Node, $"{keyPath} must be an absolute http or https URL such as https://host.example.com; a relative path or a bare host name is not enough");
            return null;
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            Error(value.Node, $"{keyPath} must use http or https, not {url.Scheme}");
            return null;
        }

        if (url.UserInfo.Length > 0)
        {
            Error(value.Node, $"{keyPath} must not carry a user name or password; put them in {credentialKeys}");
            return null;
        }

        return url;
    }

    public bool? Boolean(YamlSection section, string name, bool secret = false)
    {
        const string Expected = "true or false";
        if (section.Find(name) is not { } entry || Scalar(entry.Value, section.PathOf(name), secret, Expected) is not { } value)
        {
            return null;
        }

        if (!value.IsQuoted && bool.TryParse(value.Text.Trim(), out var result))
        {
            return result;
        }

        Error(entry.Value, $"{section.PathOf(name)} must be {Expected}{Written(value, secret)}");
        return null;
    }

    public int? PositiveInteger(YamlSection section, string name, string unit)
    {
        var expected = $"a positive whole number of {unit}";
        if (section.Find(name) is not { } entry || Scalar(entry.Value, section.PathOf(name), secret: false, expected) is not { } value)
        {
            return null;
        }

        if (!value.IsQuoted
            && int.TryParse(value.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var result)
            && result > 0)
        {
            return result;
        }

        Error(entry.Value, $"{section.PathOf(name)} must be {expected}{Written(value, secret: false)}");
        return null;
    }

    /// <summary>One of a fixed set of words, written exactly.</summary>
    public T? Choice<T>(YamlSection section, string name, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var expected = $"one of {string.Join(", ", choices.Keys)}";
        if (section.Find(name) is not { } entry || Scalar(entry.Value, section.PathOf(name), secret: false, expected) is not { } value)
        {
            return null;
        }

        if (choices.TryGetValue(value.Text.Trim(), out var result))
        {
            return result;
        }

        var suggestion = KeySuggestion.Closest(value.Text.Trim(), choices.Keys);
        var hint = suggestion is null || value.References.Count > 0 ? string.Empty : $"; did you mean '{suggestion}'?";
        Error(entry.Value, $"{section.PathOf(name)} must be {expected}{Written(value, secret: false)}{hint}");
        return null;
    }

    /// <summary>Quotes what was written, unless it is a secret or came from the environment (which may hold one).</summary>
    internal static string Written(ResolvedScalar value, bool secret) =>
        secret || value.References.Count > 0 ? string.Empty : $", not {(value.IsQuoted ? "the quoted text " : string.Empty)}'{value.Text}'";

    private static string Describe(string path) => path.Length == 0 ? "the top level of the file" : path;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar && NullWords.Contains(scalar.Value ?? string.Empty, StringComparer.Ordinal);

    private static string KindOf(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "an empty value",
        _ => "a single value",
    };

    private List<ConfigDiagnostic> Sorted(DiagnosticSeverity severity) =>
    [
        .. diagnostics
            .Where(diagnostic => diagnostic.Severity == severity)
            .OrderBy(diagnostic => diagnostic.Location.Line)
            .ThenBy(diagnostic => diagnostic.Location.Column),
    ];
}
