using System.Text;
using System.Text.Json;
using CreatioIdentity.Agents;
using CreatioIdentity.Configuration;

namespace CreatioIdentity.Commands;

/// <summary>
/// `list-environments` (Cake target ListEnvironments): the environments of the file as a CI
/// matrix, so that the CI engine already in use fans out. Only names are read, so no secret has to
/// be set. GitHub Actions: <c>{"environment":["dev","prod"]}</c> for
/// <c>strategy.matrix: ${{ fromJSON(...) }}</c>; Azure Pipelines (<c>--format azure</c>):
/// <c>{"dev":{"environment":"dev"},...}</c> for <c>strategy.matrix: $[ ... ]</c> (a leg name
/// Azure would refuse, such as <c>eu-prod</c>, is written <c>eu_prod</c>; the variable keeps the name).
/// </summary>
public static class ListEnvironmentsCommand
{
    public const string GitHubFormat = "github";
    public const string AzureFormat = "azure";

    /// <summary>The key the matrix is published under: the step output (GitHub) or output variable (Azure).</summary>
    public const string OutputName = "matrix";

    /// <summary>
    /// Writes the matrix as one line of JSON to <paramref name="output"/>. On GitHub Actions
    /// (GITHUB_OUTPUT set) it is also appended to the step outputs as <c>matrix</c>; on Azure
    /// Pipelines (TF_BUILD set) it is also set as the output variable <c>matrix</c>; so that
    /// the next job reads it whatever else the step printed (Cake's own log, for instance). Each
    /// runner gets its own form whatever --format says (that one is for standard output).
    /// </summary>
    public static int Run(IBuildAgent agent, Func<string, string?> environment, TextWriter output, string configPath, string format, RunSelection selection)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(selection);

        IReadOnlyList<string> names;
        try
        {
            names = ConfigLoader.ReadEnvironmentNames(configPath);
        }
        catch (ConfigurationException exception)
        {
            foreach (var error in exception.Errors)
            {
                agent.Error(error.Message, error.Location);
            }

            return ExitCodes.InvalidConfiguration;
        }

        if (names.Count == 0)
        {
            agent.Error($"{configPath} describes one site (it has no environments:), so there is no matrix to fan out; run the target directly, or describe the sites under environments:.");
            return ExitCodes.InvalidConfiguration;
        }

        if (Select(agent, names, selection.Environments) is not { } selected)
        {
            return ExitCodes.InvalidConfiguration;
        }

        var json = format == AzureFormat ? AzureMatrix(selected) : GitHubMatrix(selected);
        output.WriteLine(json);

        if (environment("GITHUB_OUTPUT") is { Length: > 0 } outputFile)
        {
            File.AppendAllText(outputFile, $"{OutputName}={GitHubMatrix(selected)}\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        if (Protocol.CiSystems.IsAzurePipelines(environment))
        {
            output.WriteLine($"##vso[task.setvariable variable={OutputName};isOutput=true]{AzureMatrix(selected)}");
        }

        return ExitCodes.Ok;
    }

    public static string GitHubMatrix(IReadOnlyList<string> names) => Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("environment");
        foreach (var name in names)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>
    /// Azure's matrix: one leg per environment, named after it, with the variable
    /// <c>environment</c> holding the real name.
    /// </summary>
    public static string AzureMatrix(IReadOnlyList<string> names) => Json(writer =>
    {
        writer.WriteStartObject();
        var legs = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            writer.WriteStartObject(AzureLegName(name, legs));
            writer.WriteString("environment", name);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    });

    /// <summary>
    /// Azure Pipelines refuses a matrix leg whose name is not letters, digits and '_' starting with
    /// a letter (at most 100 characters), so <c>eu-prod</c> becomes <c>eu_prod</c> and <c>2024</c>
    /// <c>env_2024</c>; a name that two environments would share gets a number.
    /// </summary>
    private static string AzureLegName(string name, HashSet<string> taken)
    {
        var leg = new StringBuilder(name.Length + 4);
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            leg.Append("env_");
        }

        foreach (var character in name)
        {
            leg.Append(char.IsAsciiLetterOrDigit(character) || character == '_' ? character : '_');
        }

        var candidate = leg.ToString();
        for (var number = 2; !taken.Add(candidate); number++)
        {
            candidate = $"{leg}_{number}";
        }

        return candidate;
    }

    /// <summary>Every name (none given, or all), else the given ones in file order; an unknown one is an error with the closest name.</summary>
    private static List<string>? Select(IBuildAgent agent, IReadOnlyList<string> names, IReadOnlyList<string> requested)
    {
        if (requested.Count == 0 || requested.Any(name => string.Equals(name, EnvironmentsReader.All, StringComparison.OrdinalIgnoreCase)))
        {
            return [.. names];
        }

        var unknown = requested.Where(name => !names.Contains(name, StringComparer.Ordinal)).ToList();
        foreach (var name in unknown)
        {
            var suggestion = KeySuggestion.Closest(name, names);
            agent.Error($"--environment '{name}' is not an environment of this file, which describes {string.Join(", ", names)}{(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")}");
        }

        return unknown.Count > 0 ? null : [.. names.Where(requested.Contains)];
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
