namespace CreatioIdentity.Tests.Configuration;

/// <summary>The schema and the loader agree on the multi-site form too.</summary>
public sealed class EnvironmentSchemaTests
{
    private const string Valid = """
        version: 1
        defaults:
          creatio:
            username: ${CREATIO_USERNAME}
          identityService:
            url: https://identity.example.com
            clientId: ${IDENTITY_CLIENT_ID}
        environments:
          dev:
            creatio:
              url: https://dev.example.com
              password: ${CREATIO_PASSWORD}
            identityService:
              clientSecret: ${IDENTITY_CLIENT_SECRET}
        """;

    public static TheoryData<string, string> InvalidDocuments() => new()
    {
        { "site keys beside environments", Valid + "\ncreatio:\n  url: https://creatio.example.com" },
        { "defaults without environments", "version: 1\ndefaults:\n  creatio:\n    username: admin" },
        { "an environment named all", Valid + "\n  all:\n    creatio:\n      url: https://all.example.com" },
        { "a name with a space", Valid + "\n  dev site:\n    creatio:\n      url: https://x.example.com" },
        { "an unknown key in an environment", Valid + "\n  qa:\n    proxy: http://proxy" },
        { "an unknown key in defaults", Valid.Replace("defaults:\n", "defaults:\n  proxy: http://proxy\n", StringComparison.Ordinal) },
        { "no environment", "version: 1\nenvironments: {}" },
    };

    [Fact]
    public void Should_Accept_A_File_With_Defaults_And_Environments()
    {
        // Given, When
        var errors = ConfigSchema.Validate(Valid);

        // Then
        Assert.True(errors.Count == 0, ConfigSchema.Describe(errors));
        Assert.NotNull(new ConfigFixture().LoadSelection(Valid, "dev").Environments.Single().Config);
    }

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void Should_Be_Rejected_By_The_Schema_And_By_The_Loader(string mistake, string yaml)
    {
        // Given, When
        var schemaErrors = ConfigSchema.Validate(yaml);
        var loaderErrors = Record.Exception(() => new ConfigFixture().LoadSelection(yaml, "dev"));

        // Then
        Assert.True(schemaErrors.Count > 0, $"the schema accepted: {mistake}");
        Assert.IsType<CreatioIdentity.Configuration.ConfigurationException>(loaderErrors);
    }
}
