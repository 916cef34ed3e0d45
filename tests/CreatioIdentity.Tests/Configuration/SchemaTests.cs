namespace CreatioIdentity.Tests.Configuration;

/// <summary>schema/creatio-identity.schema.json agrees with the loader: what one rejects, so does the other.</summary>
public sealed class SchemaTests
{
    /// <summary>A mistake, the line of the minimal file it changes ("" to append), and what that line becomes.</summary>
    public static TheoryData<string, string, string> InvalidDocuments() => new()
    {
        { "unknown top-level key", "", "proxy: http://proxy:3128" },
        { "unknown creatio key", "  password: ${CREATIO_PASSWORD}", "  password: ${CREATIO_PASSWORD}\n  usrname: admin" },
        { "unknown tls key", "  password: ${CREATIO_PASSWORD}", "  password: ${CREATIO_PASSWORD}\n  tls:\n    verify: false" },
        { "missing creatio.url", "  url: https://creatio.example.com\n", "" },
        { "missing identityService.clientSecret", "  clientSecret: ${IDENTITY_CLIENT_SECRET}", "" },
        { "version 2", "version: 1", "version: 2" },
        { "relative url", "url: https://creatio.example.com", "url: creatio.example.com" },
        { "ftp url", "url: https://identity.example.com", "url: ftp://identity.example.com" },
        { "credentials in url", "url: https://creatio.example.com", "url: https://admin:pass@creatio.example.com" },
        { "zero timeout", "  password: ${CREATIO_PASSWORD}", "  password: ${CREATIO_PASSWORD}\n  timeoutSeconds: 0" },
        { "text timeout", "  password: ${CREATIO_PASSWORD}", "  password: ${CREATIO_PASSWORD}\n  timeoutSeconds: soon" },
        { "unknown runtime", "  password: ${CREATIO_PASSWORD}", "  password: ${CREATIO_PASSWORD}\n  runtime: core" },
        { "feature state yes", "", "features:\n  OAuth20Integration: yes" },
        { "quoted boolean", "", "features:\n  OAuth20Integration: 'true'" },
        { "feature code in another letter case", "", "features:\n  oauth20integration: true" },
        { "empty username", "  username: ${CREATIO_USERNAME}", "  username: ''" },
        { "identity setting in settings", "", "settings:\n  OAuth20IdentityServerUrl: https://other.example.com" },
        { "setting without value", "", "settings:\n  UsrNothing:" },
        { "allowInsecureHttp yes", "", "allowInsecureHttp: yes" },
    };

    private static string Document(string find, string replace)
    {
        if (find.Length == 0)
        {
            return $"{ConfigFixture.MinimalYaml}\n{replace}\n";
        }

        Assert.Contains(find, ConfigFixture.MinimalYaml, StringComparison.Ordinal);
        return ConfigFixture.MinimalYaml.Replace(find, replace, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void Should_Be_Rejected_By_The_Schema_And_By_The_Loader(string mistake, string find, string replace)
    {
        // Given
        var yaml = Document(find, replace);

        // When
        var schemaErrors = ConfigSchema.Validate(yaml);
        var loaderErrors = Record.Exception(() => new ConfigFixture().Parse(yaml));

        // Then
        Assert.True(schemaErrors.Count > 0, $"the schema accepted: {mistake}");
        Assert.IsType<CreatioIdentity.Configuration.ConfigurationException>(loaderErrors);
    }

    [Fact]
    public void Should_Accept_The_Fixture_Files_The_Loader_Accepts()
    {
        // Given
        string[] documents = [ConfigFixture.MinimalYaml, ConfigFixture.CompleteYaml, "allowInsecureHttp: true\n" + ConfigFixture.MinimalYaml];

        // When
        var errors = documents.SelectMany(ConfigSchema.Validate).ToList();

        // Then
        Assert.True(errors.Count == 0, ConfigSchema.Describe(errors));
    }

    [Fact]
    public void Should_Accept_References_Where_Numbers_And_Booleans_Belong()
    {
        // Given
        var yaml = ConfigFixture.MinimalYaml.Replace(
            "  password: ${CREATIO_PASSWORD}",
            "  password: ${CREATIO_PASSWORD}\n  timeoutSeconds: ${TIMEOUT}\n  runtime: ${RUNTIME}\n  tls:\n    insecureSkipVerify: ${SKIP_VERIFY}",
            StringComparison.Ordinal) + "\nfeatures:\n  OAuth20Integration: ${FEATURE_ON}\n";

        // When
        var errors = ConfigSchema.Validate(yaml);

        // Then
        Assert.True(errors.Count == 0, ConfigSchema.Describe(errors));
    }
}
