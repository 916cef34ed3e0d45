using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tests.Configuration;

/// <summary>identityService.tls and identityService.tokenEndpointHosts as the file is read.</summary>
public sealed class IdentityServiceTlsConfigTests
{
    private static string WithIdentityService(string lines) =>
        ConfigFixture.MinimalYaml + "\n" + string.Join('\n', lines.Split('\n').Select(line => "  " + line));

    [Fact]
    public void Should_Keep_Each_Services_Tls_Apart()
    {
        // Given
        var fixture = new ConfigFixture();
        var yaml = ConfigFixture.MinimalYaml.Replace("  password: ${CREATIO_PASSWORD}", "  password: ${CREATIO_PASSWORD}\n  tls:\n    insecureSkipVerify: true", StringComparison.Ordinal);

        // When
        var config = fixture.Parse(yaml);

        // Then: Creatio's switch leaves the Identity Service checked, and the warning names Creatio alone
        Assert.True(config.Creatio.Tls.InsecureSkipVerify);
        Assert.Equal(TlsOptions.Default, config.IdentityService.Tls);
        var warning = Assert.Single(config.Warnings);
        Assert.StartsWith("INSECURE: creatio.tls.insecureSkipVerify is true: Creatio's certificate is not checked", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Warn_Loudly_Of_The_Identity_Services_Own_InsecureSkipVerify()
    {
        // Given
        var fixture = new ConfigFixture();

        // When
        var config = fixture.Parse(WithIdentityService("tls:\n  insecureSkipVerify: true"));

        // Then
        Assert.True(config.IdentityService.Tls.InsecureSkipVerify);
        var warning = Assert.Single(config.Warnings);
        Assert.StartsWith("INSECURE: identityService.tls.insecureSkipVerify is true: the Identity Service's certificate is not checked, so whoever sits on the network path can read the client secret", warning.Message, StringComparison.Ordinal);
        Assert.Equal((11, 25), (warning.Location.Line, warning.Location.Column));
    }

    [Theory]
    [InlineData("https://login.example.com")]
    [InlineData("login.example.com:443")]
    [InlineData("login.example.com/connect")]
    public void Should_Refuse_A_Token_Endpoint_Host_That_Is_Not_A_Host_Name(string host)
    {
        // Given
        var fixture = new ConfigFixture();

        // When
        var exception = fixture.Reject(WithIdentityService($"tokenEndpointHosts: [ok.example.com, '{host}']"));

        // Then
        ConfigFixture.AssertError(exception, 10, 40, $"identityService.tokenEndpointHosts holds '{host}', which is not a host name");
    }

    [Fact]
    public void Should_Refuse_Token_Endpoint_Hosts_That_Are_Not_A_List()
    {
        // Given
        var fixture = new ConfigFixture();

        // When
        var exception = fixture.Reject(WithIdentityService("tokenEndpointHosts: login.example.com"));

        // Then
        ConfigFixture.AssertError(exception, 10, 23, "identityService.tokenEndpointHosts must be a list of host names");
    }

    [Fact]
    public void Should_Merge_The_Identity_Services_Tls_And_Hosts_From_The_Defaults()
    {
        // Given
        var fixture = new ConfigFixture();
        using var temp = new CreatioIdentity.Tests.PrivateFiles.OwnTempFolder();
        var path = temp.PathOf("creatio-identity.yml");
        File.WriteAllText(path, """
            version: 1
            defaults:
              creatio:
                username: ${CREATIO_USERNAME}
                password: ${CREATIO_PASSWORD}
                tls:
                  caCertificate: certs/corp-root.pem
              identityService:
                clientId: ${IDENTITY_CLIENT_ID}
                clientSecret: ${IDENTITY_CLIENT_SECRET}
                tls:
                  caCertificate: certs/identity-root.pem
                tokenEndpointHosts: [login.example.com]
            environments:
              prod:
                creatio:
                  url: https://prod.example.com
                identityService:
                  url: https://identity.example.com
                  tls:
                    insecureSkipVerify: false
            """);

        // When
        var prod = Assert.Single(ConfigLoader.LoadSelection(path, fixture.Lookup, ["prod"]).Environments).Config!;

        // Then
        Assert.Equal(Path.Combine(Path.GetDirectoryName(path)!, "certs", "identity-root.pem"), prod.IdentityService.Tls.CaCertificate);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(path)!, "certs", "corp-root.pem"), prod.Creatio.Tls.CaCertificate);
        Assert.Equal(["login.example.com"], prod.IdentityService.TokenEndpointHosts);
        Assert.Empty(prod.Warnings);
    }
}
