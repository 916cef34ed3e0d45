using Json.Schema;

namespace CreatioIdentity.Tests.Configuration;

/// <summary>schema/creatio-identity.schema.json, built once (its $id may be registered only once per process).</summary>
public static class ConfigSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(RepositoryRoot.Combine("schema", "creatio-identity.schema.json")));

    /// <summary>The schema's complaints about a YAML document; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(string yaml)
    {
        var instance = YamlJson.Convert(yaml);
        var results = Schema.Value.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        return
        [
            .. (results.Details ?? [])
                .Prepend(results)
                .Where(detail => detail.Errors is not null)
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}")),
            "(invalid)",
        ];
    }

    public static string Describe(IEnumerable<string> errors) => string.Join(Environment.NewLine, errors);
}
