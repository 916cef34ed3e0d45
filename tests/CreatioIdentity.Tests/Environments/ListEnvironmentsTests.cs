using System.Text.Json;

namespace CreatioIdentity.Tests.Environments;

/// <summary>list-environments: the CI matrix, from names alone.</summary>
public sealed class ListEnvironmentsTests : IDisposable
{
    private readonly CreatioIdentity.Tests.PrivateFiles.OwnTempFolder temp = new();

    private const string Yaml = """
        version: 1
        defaults:
          creatio:
            username: ${CREATIO_USERNAME}
        environments:
          dev:
            creatio: { url: https://dev.example.com, password: "${DEV_PASSWORD}" }
            identityService: { url: https://id.example.com, clientId: creatio, clientSecret: "${DEV_SECRET}" }
          test: {}
          prod:
            creatio: { url: https://prod.example.com, password: "${PROD_PASSWORD}" }
        """;

    public void Dispose() => temp.Dispose();

    private string Write(string yaml)
    {
        var path = temp.PathOf($"{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static (int ExitCode, string Matrix, string Messages) List(string path, string format, Dictionary<string, string?>? variables = null, params string[] environments)
    {
        var matrix = new StringWriter();
        var messages = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(messages) });
        var exitCode = CreatioIdentity.Commands.ListEnvironmentsCommand.Run(
            new CreatioIdentity.Agents.ConsoleAgent(console), name => variables?.GetValueOrDefault(name), matrix, path, format, new CreatioIdentity.Commands.RunSelection(environments));
        return (exitCode, matrix.ToString(), messages.ToString());
    }

    [Fact]
    public void Should_Print_A_GitHub_Matrix_Without_Any_Secret_Set()
    {
        // Given: no variable at all
        var path = Write(Yaml);

        // When
        var (exitCode, matrix, _) = List(path, "github");

        // Then: one line, usable through fromJSON as strategy.matrix
        Assert.Equal(0, exitCode);
        Assert.Equal("""{"environment":["dev","test","prod"]}""" + Environment.NewLine, matrix);
    }

    [Fact]
    public void Should_Print_An_Azure_Pipelines_Matrix()
    {
        // Given
        var path = Write(Yaml);

        // When
        var (exitCode, matrix, _) = List(path, "azure");

        // Then
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(matrix);
        Assert.Equal(["dev", "test", "prod"], json.RootElement.EnumerateObject().Select(property => property.Name));
        Assert.All(json.RootElement.EnumerateObject(), property => Assert.Equal(property.Name, property.Value.GetProperty("environment").GetString()));
    }

    [Fact]
    public void Should_Name_Each_Azure_Leg_As_Azure_Allows_And_Keep_The_Environment_Name_In_Its_Variable()
    {
        // Given: names the file allows but an Azure matrix leg does not ('-', '.', a leading digit), two alike once cleaned
        const string yaml = """
            version: 1
            environments:
              eu-prod: {}
              eu.prod: {}
              2024-site: {}
              Dev_1: {}
            """;
        var path = Write(yaml);

        // When
        var (exitCode, matrix, _) = List(path, "azure");

        // Then
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(matrix);
        var legs = json.RootElement.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.GetProperty("environment").GetString());
        Assert.Equal(
            new Dictionary<string, string?> { ["eu_prod"] = "eu-prod", ["eu_prod_2"] = "eu.prod", ["env_2024_site"] = "2024-site", ["Dev_1"] = "Dev_1" },
            legs);
        Assert.All(legs.Keys, leg => Assert.Matches("^[A-Za-z][A-Za-z0-9_]{0,99}$", leg));
    }

    [Fact]
    public void Should_Append_The_GitHub_Matrix_To_The_Step_Outputs_Whatever_The_Format()
    {
        // Given
        var path = Write(Yaml);
        var outputs = Write("earlier=1\n");

        // When: the Azure form asked for on standard output
        var (exitCode, _, _) = List(path, "azure", new Dictionary<string, string?> { ["GITHUB_OUTPUT"] = outputs });

        // Then
        Assert.Equal(0, exitCode);
        Assert.Equal("earlier=1\nmatrix={\"environment\":[\"dev\",\"test\",\"prod\"]}\n", File.ReadAllText(outputs));
    }

    [Fact]
    public void Should_Set_The_Azure_Matrix_As_An_Output_Variable_On_Azure_Pipelines_Whatever_The_Format()
    {
        // Given
        var path = Write(Yaml);

        // When: the default (GitHub) form on standard output
        var (exitCode, matrix, _) = List(path, "github", new Dictionary<string, string?> { ["TF_BUILD"] = "True" });

        // Then
        Assert.Equal(0, exitCode);
        Assert.Contains("##vso[task.setvariable variable=matrix;isOutput=true]{\"dev\":{\"environment\":\"dev\"}", matrix, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Narrow_The_Matrix_To_The_Named_Environments_In_File_Order()
    {
        // Given
        var path = Write(Yaml);

        // When
        var (exitCode, matrix, _) = List(path, "github", null, "prod", "dev");

        // Then
        Assert.Equal(0, exitCode);
        Assert.Equal("""{"environment":["dev","prod"]}""", matrix.Trim());
    }

    [Fact]
    public void Should_Exit_3_With_The_Closest_Name_For_An_Unknown_Environment()
    {
        // Given
        var path = Write(Yaml);

        // When
        var (exitCode, matrix, messages) = List(path, "github", null, "prd");

        // Then
        Assert.Equal(3, exitCode);
        Assert.Empty(matrix);
        Assert.Contains("did you mean 'prod'?", messages, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Exit_3_For_A_Single_Site_File()
    {
        // Given
        var path = Write(CreatioIdentity.Tests.Configuration.ConfigFixture.MinimalYaml);

        // When
        var (exitCode, matrix, messages) = List(path, "github");

        // Then
        Assert.Equal(3, exitCode);
        Assert.Empty(matrix);
        Assert.Contains("describes one site", messages, StringComparison.Ordinal);
    }
}
