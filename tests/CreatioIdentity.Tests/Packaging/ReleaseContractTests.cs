using System.Text.Json;
using System.Text.RegularExpressions;
using CreatioIdentity.Tests.Integration;
using YamlDotNet.RepresentationModel;

namespace CreatioIdentity.Tests.Packaging;

/// <summary>
/// What a release promises in files, checked on every commit: one version in the action, the Azure
/// template and the CHANGELOG; the schema at the URL users' files name; every third-party action
/// pinned to a commit; a description the Marketplace accepts.
/// </summary>
public sealed partial class ReleaseContractTests
{
    private static string Root => EngineRun.RepositoryRoot;

    [Fact]
    public void Should_Install_The_Version_The_Changelog_Releases_Next()
    {
        // Given
        var action = Mapping(Yaml("action.yml"), "inputs", "version");
        var azure = ((YamlSequenceNode)Yaml(Path.Combine("azure-pipelines", "creatio-identity.yml"))["parameters"])
            .Cast<YamlMappingNode>().Single(parameter => parameter["name"].ToString() == "version");
        var changelog = ChangelogVersion().Match(File.ReadAllText(Path.Combine(Root, "CHANGELOG.md")));

        // Then
        Assert.True(changelog.Success, "CHANGELOG.md has no '## [X.Y.Z]' section");
        Assert.Equal(changelog.Groups[1].Value, action["default"].ToString());
        Assert.Equal(changelog.Groups[1].Value, azure["default"].ToString());
    }

    [Fact]
    public void Should_Publish_The_Schema_At_The_Url_Users_Files_Name()
    {
        // Given
        var version = Mapping(Yaml("action.yml"), "inputs", "version")["default"].ToString();
        var url = $"https://raw.githubusercontent.com/creatio-identity/creatio-identity/v{version.Split('.')[0]}/schema/creatio-identity.schema.json";
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "schema", "creatio-identity.schema.json")));

        // Then: the raw file at the major tag, which the release moves
        Assert.Equal(url, schema.RootElement.GetProperty("$id").GetString());
        Assert.Contains($"# yaml-language-server: $schema={url}", File.ReadAllText(Path.Combine(Root, "examples", "consumer", "creatio-identity.yml")), StringComparison.Ordinal);
        Assert.Contains($"# yaml-language-server: $schema={url}", File.ReadAllText(Path.Combine(Root, "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Pin_Every_Third_Party_Action_To_A_Commit_With_Its_Version()
    {
        // Given
        var files = Directory.EnumerateFiles(Root, "action.yml").Select(file => Path.GetRelativePath(Root, file))
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, ".github", "workflows"), "*.yml").Select(file => Path.GetRelativePath(Root, file)))
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "examples", "github"), "*.yml").Select(file => Path.GetRelativePath(Root, file)));

        // When
        var uses = files.SelectMany(file => File.ReadLines(Path.Combine(Root, file))
                .Select(line => UsesLine().Match(line))
                .Where(match => match.Success)
                .Select(match => (File: file, Action: match.Groups[1].Value, Comment: match.Groups[2].Value)))
            .Where(use => !use.Action.StartsWith("./", StringComparison.Ordinal) && !use.Action.StartsWith("creatio-identity/creatio-identity@", StringComparison.Ordinal))
            .ToList();

        // Then
        Assert.NotEmpty(uses);
        Assert.All(uses, use => Assert.Matches(@"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$", use.Action));
        Assert.All(uses, use => Assert.Matches(@"^# v\d+\.\d+\.\d+$", use.Comment));
    }

    [Fact]
    public void Should_Describe_The_Action_Within_The_Marketplace_Limit()
    {
        // Then
        var description = Yaml("action.yml")["description"].ToString();
        Assert.InRange(description.Length, 1, 125);
    }

    private static YamlMappingNode Yaml(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => (YamlMappingNode)current[key]);

    [GeneratedRegex(@"^## \[(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)\]", RegexOptions.Multiline)]
    private static partial Regex ChangelogVersion();

    [GeneratedRegex(@"^\s*(?:-\s+)?uses:\s+(\S+)\s*(#.*)?$")]
    private static partial Regex UsesLine();
}
