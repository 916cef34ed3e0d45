using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tests.Configuration;

/// <summary>The world a configuration test needs: an environment of its own and a file name to report.</summary>
public sealed class ConfigFixture
{
    public const string Password = "pa55-Word-of-the-user";
    public const string ClientSecret = "client-Secret-of-creatio";

    /// <summary>A file that uses every key, as line numbers in the tests count them.</summary>
    public const string CompleteYaml = """
        version: 1
        creatio:
          url: https://creatio.example.com
          runtime: netframework
          username: ${CREATIO_USERNAME}
          password: ${CREATIO_PASSWORD}
          timeoutSeconds: 45
          tls:
            caCertificate: certs/corp-root.pem
            insecureSkipVerify: false
        identityService:
          url: https://identity.example.com
          clientId: ${IDENTITY_CLIENT_ID}
          clientSecret: ${IDENTITY_CLIENT_SECRET}
          tls:
            caCertificate: certs/identity-root.pem
          tokenEndpointHosts: [login.example.com]
        features:
          OAuth20Integration: true
          UsrPortalIntegration: false
        settings:
          SomeCode: some value
          Number: 5
        """;

    /// <summary>Only the required keys.</summary>
    public const string MinimalYaml = """
        version: 1
        creatio:
          url: https://creatio.example.com
          username: ${CREATIO_USERNAME}
          password: ${CREATIO_PASSWORD}
        identityService:
          url: https://identity.example.com
          clientId: ${IDENTITY_CLIENT_ID}
          clientSecret: ${IDENTITY_CLIENT_SECRET}
        """;

    /// <summary>The minimal file with one piece of text replaced (which must be in it).</summary>
    public static string MinimalWith(string find, string replace)
    {
        Assert.Contains(find, MinimalYaml, StringComparison.Ordinal);
        return MinimalYaml.Replace(find, replace, StringComparison.Ordinal);
    }

    public ConfigFixture()
    {
        Environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CREATIO_USERNAME"] = "Supervisor",
            ["CREATIO_PASSWORD"] = Password,
            ["IDENTITY_CLIENT_ID"] = "creatio",
            ["IDENTITY_CLIENT_SECRET"] = ClientSecret,
        };
    }

    public Dictionary<string, string> Environment { get; }

    public string DisplayPath { get; set; } = "creatio-identity.yml";

    public IdentityConfig Parse(string yaml) => ConfigLoader.Parse(yaml, DisplayPath, Lookup);

    public IdentityConfig Load(string path) => ConfigLoader.Load(path, Lookup);

    /// <summary>Writes the text to a file of its own and selects <paramref name="environments"/> from it.</summary>
    public ConfigSelection LoadSelection(string yaml, params string[] environments)
    {
        using var temp = new CreatioIdentity.Tests.PrivateFiles.OwnTempFolder();
        var path = temp.PathOf(DisplayPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return ConfigLoader.LoadSelection(path, Lookup, environments);
    }

    public ConfigurationException Reject(string yaml) => Assert.Throws<ConfigurationException>(() => Parse(yaml));

    public string? Lookup(string name) => Environment.GetValueOrDefault(name);

    /// <summary>Asserts one error at line:column whose message holds every fragment; shows all errors otherwise.</summary>
    public static ConfigDiagnostic AssertError(ConfigurationException exception, int line, int column, params string[] fragments)
    {
        var found = exception.Errors.FirstOrDefault(error =>
            error.Location.Line == line
            && error.Location.Column == column
            && fragments.All(fragment => error.Message.Contains(fragment, StringComparison.Ordinal)));
        Assert.True(found is not null, $"no error at {line}:{column} containing [{string.Join("], [", fragments)}]; errors were:{System.Environment.NewLine}{exception.Message}");
        Assert.Equal(DiagnosticSeverity.Error, found.Severity);
        return found;
    }
}
