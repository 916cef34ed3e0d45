using System.Reflection;
using System.Text.Json.Nodes;

namespace CreatioIdentity.Tests.Configuration;

/// <summary>
/// Dotted key paths read against schema/creatio-identity.schema.json: each segment must be one of the
/// <c>properties</c> of the schema it is in (following <c>$ref</c>, <c>anyOf</c>, <c>oneOf</c>), or an
/// entry of a mapping whose <c>additionalProperties</c> is a schema (a feature, a setting, an app).
/// </summary>
public static class SchemaKeyPaths
{
    private static readonly Lazy<JsonNode> Schema = new(() =>
        JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("schema", "creatio-identity.schema.json")))!);

    /// <summary>Where the keys of one site live: the top level, defaults:, and each environment.</summary>
    public static IReadOnlyDictionary<string, JsonNode> SiteRoots => new Dictionary<string, JsonNode>(StringComparer.Ordinal)
    {
        ["the top level"] = Schema.Value,
        ["defaults"] = Schema.Value["properties"]!["defaults"]!,
        ["an environment"] = Schema.Value["properties"]!["environments"]!["additionalProperties"]!,
    };

    /// <summary>The keys the top level of the file may hold.</summary>
    public static IReadOnlyList<string> TopLevelKeys => [.. Schema.Value["properties"]!.AsObject().Select(property => property.Key)];

    public static bool Exists(JsonNode site, string path)
    {
        JsonNode? node = site;
        foreach (var segment in path.Split('.'))
        {
            node = node is null ? null : Child(node, segment);
        }

        return node is not null;
    }

    /// <summary>Every path <paramref name="paths"/> defines: its constants, and each of its entry methods called with a sample name.</summary>
    public static IEnumerable<string> DefinedBy(Type paths)
    {
        var constants = paths.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!);
        var entries = paths.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(method => method.ReturnType == typeof(string) && method.GetParameters() is [{ ParameterType: var type }] && type == typeof(string))
            .Select(method => (string)method.Invoke(null, ["UsrSample"])!);
        return constants.Concat(entries).Concat(paths.GetNestedTypes().SelectMany(DefinedBy));
    }

    private static JsonNode? Child(JsonNode node, string key)
    {
        var schemas = Expand(node).ToList();
        return schemas.Select(schema => schema["properties"]?[key]).FirstOrDefault(found => found is not null)
            ?? schemas.Select(schema => schema["additionalProperties"]).FirstOrDefault(found => found is JsonObject);
    }

    private static IEnumerable<JsonNode> Expand(JsonNode node)
    {
        var schema = Dereference(node);
        yield return schema;
        foreach (var keyword in new[] { "anyOf", "oneOf", "allOf" })
        {
            foreach (var branch in schema[keyword]?.AsArray() ?? [])
            {
                foreach (var expanded in Expand(branch!))
                {
                    yield return expanded;
                }
            }
        }
    }

    private static JsonNode Dereference(JsonNode node)
    {
        while (node is JsonObject schema && schema["$ref"]?.GetValue<string>() is { } reference)
        {
            node = reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate(Schema.Value, (current, part) => current[part] ?? throw new InvalidOperationException($"{reference} points nowhere"));
        }

        return node;
    }
}
