using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CreatioIdentity.Configuration;

/// <summary>
/// Reads the YAML file into a validated <see cref="IdentityConfig"/>: every <c>${VAR}</c> resolved,
/// every key checked, every problem reported at once with file:line:column.
/// </summary>
public static class ConfigLoader
{
    /// <summary>The file read when --config is not given, from the working directory.</summary>
    public const string DefaultFileName = "creatio-identity.yml";

    public const int CurrentVersion = 1;

    private static readonly string[] RootKeys = ["version", .. SiteReader.Keys, .. EnvironmentsReader.Keys];

    /// <summary>Reads and validates the file at <paramref name="path"/>.</summary>
    /// <exception cref="ConfigurationException">The file is missing, unreadable or invalid; carries every error found.</exception>
    public static IdentityConfig Load(string path, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Parse(ConfigFile.ReadText(path), path, environment);
    }

    /// <summary>
    /// Reads the file and the sites the command line selects: the one site of a single-site file
    /// (then <paramref name="requested"/> must be empty), or the named environments of a file with
    /// <c>environments:</c> (each name, or <c>all</c>). Only the selected environments are resolved,
    /// so a CI matrix leg needs only its own secrets. An environment whose own values are wrong
    /// carries its errors instead of failing the others.
    /// </summary>
    /// <exception cref="ConfigurationException">The file, its structure or the selection is invalid.</exception>
    public static ConfigSelection LoadSelection(string path, Func<string, string?> environment, IReadOnlyCollection<string> requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var (reader, section) = ReadRoot(ConfigFile.ReadText(path), path, environment);
        if (!EnvironmentsReader.IsMultiSite(section))
        {
            if (requested.Count > 0)
            {
                throw ConfigFile.Failure(path, $"--environment {string.Join(", ", requested)} was given, but this file describes one site (it has no {EnvironmentsReader.EnvironmentsKey}:); drop --environment, or move the site under {EnvironmentsReader.EnvironmentsKey}: NAME:");
            }

            return new ConfigSelection(ReadSingleSite(reader, section, path), []);
        }

        ReadVersion(reader, section);
        var entries = EnvironmentsReader.ReadNames(reader, section, out var defaults);
        var selected = reader.HasErrors ? null : EnvironmentsReader.Select(reader, section, entries, requested);
        if (reader.HasErrors || selected is null)
        {
            throw new ConfigurationException(reader.Errors);
        }

        var baseDirectory = BaseDirectory(path);
        return new ConfigSelection(null, SharedDestinations.Refuse(RefuseSharedSites([.. selected.Select(entry => EnvironmentsReader.Read(entry, defaults, path, environment, baseDirectory))])));
    }

    /// <summary>
    /// Two chosen environments on one Creatio site (the same URL, e.g. a copied entry whose url
    /// was not changed) would run against it at the same time and overwrite each other's Identity
    /// Service settings; which of them is meant cannot be known, so neither runs (exit 3 for
    /// both, at their creatio.url). Sites on one host under different paths are different sites.
    /// </summary>
    private static List<EnvironmentConfig> RefuseSharedSites(List<EnvironmentConfig> environments)
    {
        var shared = environments
            .Where(selected => selected.Config is not null)
            .GroupBy(selected => SiteKey(selected.Config!.Creatio.Url), StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .SelectMany(group => group.Select(selected => (selected.Name, Others: group.Where(other => other.Name != selected.Name).Select(other => other.Name).ToList())))
            .ToDictionary(pair => pair.Name, pair => pair.Others, StringComparer.Ordinal);
        if (shared.Count == 0)
        {
            return environments;
        }

        return
        [
            .. environments.Select(selected => selected.Config is { } config && shared.TryGetValue(selected.Name, out var others)
                ? new EnvironmentConfig(selected.Name, null,
                [
                    new ConfigDiagnostic(
                        DiagnosticSeverity.Error,
                        config.Source.Locate(ConfigPaths.Creatio.Url),
                        $"environment '{selected.Name}': creatio.url is the same Creatio site as environment {string.Join(", ", others.Select(other => $"'{other}'"))} ({SiteKey(config.Creatio.Url)}); " +
                        "run together they would overwrite each other's Identity Service settings, so neither runs. Give each environment its own creatio.url, or remove the copy"),
                ])
                : selected),
        ];
    }

    /// <summary>One Creatio site: scheme, host, port and path, without the trailing slash, query or credentials.</summary>
    private static string SiteKey(Uri url) =>
        $"{url.Scheme}://{url.IdnHost}:{url.Port}{url.AbsolutePath.TrimEnd('/')}";

    /// <summary>
    /// The environment names of the file in file order, empty for a single-site file. Resolves no
    /// <c>${VAR}</c>: listing the CI matrix needs no secret.
    /// </summary>
    /// <exception cref="ConfigurationException">The file or its structure is invalid.</exception>
    public static IReadOnlyList<string> ReadEnvironmentNames(string path)
    {
        var (reader, section) = ReadRoot(ConfigFile.ReadText(path), path, _ => null);
        if (!EnvironmentsReader.IsMultiSite(section))
        {
            return [];
        }

        ReadVersion(reader, section);
        var entries = EnvironmentsReader.ReadNames(reader, section, out _);
        return reader.HasErrors ? throw new ConfigurationException(reader.Errors) : [.. entries.Select(entry => entry.Name)];
    }

    /// <summary>Validates YAML text; <paramref name="displayPath"/> names it in messages and anchors relative paths.</summary>
    /// <exception cref="ConfigurationException">The text is invalid; carries every error found.</exception>
    public static IdentityConfig Parse(string yamlText, string displayPath, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentException.ThrowIfNullOrEmpty(displayPath);
        ArgumentNullException.ThrowIfNull(environment);

        var (reader, section) = ReadRoot(yamlText, displayPath, environment);
        if (EnvironmentsReader.IsMultiSite(section))
        {
            var names = ReadEnvironmentNamesOrNone(reader, section);
            throw ConfigFile.Failure(displayPath, $"this file describes several Creatio sites ({string.Join(", ", names)}); choose with --environment NAME (repeatable) or --environment {EnvironmentsReader.All}");
        }

        return ReadSingleSite(reader, section, displayPath);
    }

    private static (ConfigReader Reader, YamlSection Root) ReadRoot(string yamlText, string displayPath, Func<string, string?> environment)
    {
        if (yamlText.Length > ConfigText.MaxBytes)
        {
            throw ConfigFile.Failure(displayPath, ConfigFile.TooLarge(yamlText.Length));
        }

        if (ConfigText.FindHiddenCharacter(yamlText, displayPath) is { } hidden)
        {
            throw new ConfigurationException([hidden]);
        }

        var reader = new ConfigReader(displayPath, environment);
        var root = ReadDocument(yamlText, reader);
        var section = reader.Section(root, path: string.Empty, anchor: root, RootKeys, emptyIsAllowed: false);
        if (section is null)
        {
            throw new ConfigurationException(reader.Errors);
        }

        return (reader, section);
    }

    private static IEnumerable<string> ReadEnvironmentNamesOrNone(ConfigReader reader, YamlSection section) =>
        EnvironmentsReader.ReadNames(reader, section, out _).Select(entry => entry.Name);

    private static IdentityConfig ReadSingleSite(ConfigReader reader, YamlSection section, string displayPath)
    {
        var version = ReadVersion(reader, section);
        var site = SiteReader.Read(reader, section, BaseDirectory(displayPath));
        if (reader.HasErrors || site is null)
        {
            throw new ConfigurationException(reader.Errors);
        }

        return new IdentityConfig(version, site.Creatio, site.IdentityService, site.Features, site.Settings, reader.ToSource())
        {
            Warnings = reader.Warnings,
            AllowInsecureHttp = site.AllowInsecureHttp,
            SecretSettings = site.SecretSettings,
            OAuthApps = site.OAuthApps,
        };
    }

    private static YamlNode ReadDocument(string yamlText, ConfigReader reader)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(yamlText), skipComments: true);
        try
        {
            stream.Load(new GuardedParser(new Parser(scanner)));
        }
        catch (RefusedYamlException exception)
        {
            throw new ConfigurationException([new ConfigDiagnostic(DiagnosticSeverity.Error, reader.At(exception.Start), exception.Message)]);
        }
        catch (YamlException exception)
        {
            // YamlDotNet places a tab in the indentation vaguely (often at the mapping that holds it); the tab itself is the news.
            throw new ConfigurationException(
            [
                ConfigText.FindIndentationTab(yamlText, reader.DisplayPath, untilLine: checked((int)exception.Start.Line) + 1)
                    ?? new ConfigDiagnostic(DiagnosticSeverity.Error, reader.At(exception.Start), $"the file is not valid YAML: {exception.Message}"),
            ]);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException)
        {
            // Some malformed input trips YamlDotNet's scanner without a YamlException; where it stopped is the best position there is.
            throw new ConfigurationException(
            [
                ConfigText.FindIndentationTab(yamlText, reader.DisplayPath, untilLine: checked((int)scanner.CurrentPosition.Line) + 1)
                    ?? new ConfigDiagnostic(DiagnosticSeverity.Error, reader.At(scanner.CurrentPosition), "the file is not valid YAML near here (check brackets, quotes and indentation)"),
            ]);
        }

        if (stream.Documents.Count > 1)
        {
            throw new ConfigurationException(
            [
                new ConfigDiagnostic(DiagnosticSeverity.Error, reader.At(stream.Documents[1].RootNode), "the file holds more than one YAML document ('---'); keep one"),
            ]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            throw ConfigFile.Failure(reader.DisplayPath, "the configuration file is empty; it needs at least version, creatio and identityService");
        }

        return stream.Documents[0].RootNode;
    }

    private static int ReadVersion(ConfigReader reader, YamlSection root)
    {
        if (root.Find("version") is not { } entry)
        {
            reader.Missing(root, "version", $"write 'version: {CurrentVersion}' at the top of the file");
            return CurrentVersion;
        }

        var value = reader.Scalar(entry.Value, "version", secret: false, $"the number {CurrentVersion}");
        if (value is not null
            && (value.IsQuoted || !int.TryParse(value.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version != CurrentVersion))
        {
            reader.Error(entry.Value, $"version must be {CurrentVersion}, the only version this tool reads{ConfigReader.Written(value, secret: false)}");
        }

        return CurrentVersion;
    }

    /// <summary>Where relative paths in the file start from: the file's own folder.</summary>
    private static string BaseDirectory(string displayPath)
    {
        try
        {
            return Path.GetDirectoryName(Path.GetFullPath(displayPath)) ?? Directory.GetCurrentDirectory();
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return Directory.GetCurrentDirectory();
        }
    }
}
