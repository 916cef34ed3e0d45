using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tests.Configuration;

/// <summary>Every example in the repository is a file users copy: it must pass the schema and the loader.</summary>
public sealed class ExampleFilesTests
{
    private const string SchemaLine = "# yaml-language-server: $schema=../schema/creatio-identity.schema.json";

    /// <summary>A user's repository (examples/consumer/) has no schema/ folder: it names the published schema.</summary>
    private const string PublishedSchemaLine = "# yaml-language-server: $schema=https://raw.githubusercontent.com/creatio-identity/creatio-identity/v1/schema/creatio-identity.schema.json";

    public static TheoryData<string> Examples() => [.. ExampleNames()];

    /// <summary>
    /// Every *.yml under examples/, relative to the repository root with forward slashes; but for
    /// examples/github/, which holds workflows (.ci/run lints those), not configuration files.
    /// </summary>
    private static List<string> ExampleNames() =>
    [
        .. Directory.GetFiles(RepositoryRoot.Combine("examples"), "*.yml", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepositoryRoot.FullPath, file).Replace('\\', '/'))
            .Where(name => !name.StartsWith("examples/github/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>A plausible value for every variable an example names: URLs for *_URL, text otherwise.</summary>
    private static string? DummyEnvironment(string name) =>
        name.EndsWith("_URL", StringComparison.Ordinal) ? "https://sandbox.example.com:5001" : $"dummy-{name.ToLowerInvariant()}";

    [Theory]
    [MemberData(nameof(Examples))]
    public void Should_Validate_Against_The_Schema(string example)
    {
        // Given
        var yaml = File.ReadAllText(RepositoryRoot.Combine(example));

        // When
        var errors = ConfigSchema.Validate(yaml);

        // Then
        Assert.True(errors.Count == 0, $"{example} does not match the schema:{Environment.NewLine}{ConfigSchema.Describe(errors)}");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Should_Load_Without_Errors_Or_Warnings(string example)
    {
        // Given
        var path = RepositoryRoot.Combine(example);

        // When: every environment of a multi-site example
        var selection = ConfigLoader.LoadSelection(path, DummyEnvironment, ConfigLoader.ReadEnvironmentNames(path).Count > 0 ? ["all"] : []);
        var configs = selection.HasEnvironments
            ? selection.Environments.Select(environment => environment.Config ?? throw new ConfigurationException(environment.Errors)).ToList()
            : [selection.Site!];

        // Then
        Assert.All(configs, config => Assert.Equal(ConfigLoader.CurrentVersion, config.Version));
        Assert.All(configs, config => Assert.Empty(config.Warnings));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Should_Point_Editors_At_The_Schema_On_Its_First_Line(string example)
    {
        // Given
        var path = RepositoryRoot.Combine(example);

        // When
        var firstLine = File.ReadLines(path).First();

        // Then
        Assert.Equal(example.StartsWith("examples/consumer/", StringComparison.Ordinal) ? PublishedSchemaLine : SchemaLine, firstLine);
    }

    [Fact]
    public void Should_Ship_The_Sandbox_Production_And_Minimal_Examples()
    {
        // Given, When
        var examples = ExampleNames();

        // Then
        Assert.Subset(examples.ToHashSet(), new HashSet<string>(["examples/sandbox.yml", "examples/production.yml", "examples/minimal.yml", "examples/environments.yml", "examples/oauth-apps.yml"]));
    }

    [Fact]
    public void Should_Take_Everything_Of_The_Sandbox_Example_From_The_Environment()
    {
        // Given
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SANDBOX_CREATIO_URL"] = "http://127.0.0.1:5080",
            ["SANDBOX_IDENTITY_URL"] = "http://127.0.0.1:5090",
            ["CREATIO_USERNAME"] = "Supervisor",
            ["CREATIO_PASSWORD"] = "sandbox-password",
            ["IDENTITY_CLIENT_ID"] = "creatio",
            ["IDENTITY_CLIENT_SECRET"] = "sandbox-secret",
        };

        // When
        var config = ConfigLoader.Load(RepositoryRoot.Combine("examples", "sandbox.yml"), environment.GetValueOrDefault);

        // Then
        Assert.Equal(new Uri("http://127.0.0.1:5080"), config.Creatio.Url);
        Assert.Equal(CreatioRuntime.Auto, config.Creatio.Runtime);
        Assert.Equal("Supervisor", config.Creatio.Username);
        Assert.Equal("sandbox-password", config.Creatio.Password.Reveal());
        Assert.Equal(TimeSpan.FromSeconds(30), config.Creatio.Timeout);
        Assert.Equal(new Uri("http://127.0.0.1:5090"), config.IdentityService.Url);
        Assert.Equal("creatio", config.IdentityService.ClientId);
        Assert.Equal("sandbox-secret", config.IdentityService.ClientSecret.Reveal());
        Assert.Equal(new Dictionary<string, bool> { ["OAuth20Integration"] = true }, config.Features);
    }

    [Fact]
    public void Should_Name_Every_Variable_The_Sandbox_Example_Needs_When_None_Is_Set()
    {
        // Given
        var path = RepositoryRoot.Combine("examples", "sandbox.yml");

        // When
        var exception = Assert.Throws<ConfigurationException>(() => ConfigLoader.Load(path, _ => null));

        // Then
        Assert.Equal(
            ["SANDBOX_CREATIO_URL", "CREATIO_USERNAME", "CREATIO_PASSWORD", "SANDBOX_IDENTITY_URL", "IDENTITY_CLIENT_ID", "IDENTITY_CLIENT_SECRET"],
            exception.Errors.Select(error => error.Message.Split(' ')[2]));
    }
}
