using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tests.Configuration;

/// <summary>Secrets: accepted when written literally, but with a warning, and never quoted back.</summary>
public sealed class SecretTests
{
    private const string Leaked = "hunter2";

    [Fact]
    public void Should_Warn_When_The_Password_Is_Written_Literally()
    {
        // Given
        var fixture = new ConfigFixture();
        var yaml = ConfigFixture.MinimalYaml.Replace("password: ${CREATIO_PASSWORD}", $"password: {Leaked}", StringComparison.Ordinal);

        // When
        var config = fixture.Parse(yaml);

        // Then
        Assert.Equal(Leaked, config.Creatio.Password.Reveal());
        var warning = Assert.Single(config.Warnings);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(
            "creatio-identity.yml:5:13: warning: creatio.password is written literally in the file; pass it through ${VAR} so it stays out of version control",
            warning.ToString());
    }

    [Fact]
    public void Should_Warn_When_The_Client_Secret_Is_Written_Literally()
    {
        // Given
        var fixture = new ConfigFixture();
        var yaml = ConfigFixture.MinimalYaml.Replace("clientSecret: ${IDENTITY_CLIENT_SECRET}", $"clientSecret: \"{Leaked}\"", StringComparison.Ordinal);

        // When
        var config = fixture.Parse(yaml);

        // Then
        var warning = Assert.Single(config.Warnings);
        Assert.Equal(new SourceLocation("creatio-identity.yml", 9, 17), warning.Location);
        Assert.StartsWith("identityService.clientSecret is written literally", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Not_Warn_When_Secrets_Come_From_The_Environment()
    {
        // Given
        var fixture = new ConfigFixture();

        // When
        var config = fixture.Parse(ConfigFixture.MinimalYaml);

        // Then
        Assert.Empty(config.Warnings);
    }

    [Fact]
    public void Should_Warn_When_Certificate_Checks_Are_Switched_Off()
    {
        // Given
        var fixture = new ConfigFixture();
        var yaml = ConfigFixture.MinimalYaml.Replace("  password: ${CREATIO_PASSWORD}", "  password: ${CREATIO_PASSWORD}\n  tls:\n    insecureSkipVerify: true", StringComparison.Ordinal);

        // When
        var config = fixture.Parse(yaml);

        // Then
        Assert.True(config.Creatio.Tls.InsecureSkipVerify);
        var warning = Assert.Single(config.Warnings);
        Assert.Equal(new SourceLocation("creatio-identity.yml", 7, 25), warning.Location);
        Assert.Contains("insecureSkipVerify is true", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  password: ${CREATIO_PASSWORD}", "  password: [hunter2]")]
    [InlineData("  password: ${CREATIO_PASSWORD}", "  password: hunter2${")]
    [InlineData("  password: ${CREATIO_PASSWORD}", "  password: ${hunter2-x}")]
    [InlineData("  password: ${CREATIO_PASSWORD}", "  passwd: hunter2")]
    [InlineData("  clientSecret: ${IDENTITY_CLIENT_SECRET}", "  clientSecret: {value: hunter2}")]
    [InlineData("  clientSecret: ${IDENTITY_CLIENT_SECRET}", "  clientSecret: ${hunter2!}")]
    [InlineData("url: https://creatio.example.com", "url: https://admin:hunter2@creatio.example.com")]
    [InlineData("url: https://creatio.example.com", "url: hunter2@creatio")]
    public void Should_Never_Quote_A_Secret_In_An_Error(string find, string replace)
    {
        // Given
        var fixture = new ConfigFixture();
        var yaml = ConfigFixture.MinimalYaml.Replace(find, replace, StringComparison.Ordinal);

        // When
        var exception = fixture.Reject(yaml);

        // Then
        Assert.NotEmpty(exception.Errors);
        Assert.DoesNotContain(Leaked, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Never_Quote_A_Setting_Value_With_A_Bad_Reference()
    {
        // Given
        var fixture = new ConfigFixture();

        // When
        var exception = fixture.Reject(ConfigFixture.MinimalYaml + "\nsettings:\n  UsrApiKey: ${hunter2 key}\n");

        // Then
        ConfigFixture.AssertError(exception, 11, 14, "settings.UsrApiKey");
        Assert.DoesNotContain(Leaked, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Never_Quote_A_Secret_Taken_From_The_Environment()
    {
        // Given
        var fixture = new ConfigFixture();
        fixture.Environment["CREATIO_HOST"] = Leaked;
        fixture.Environment["TIMEOUT"] = Leaked;
        var yaml = ConfigFixture.MinimalYaml
            .Replace("url: https://creatio.example.com", "url: ${CREATIO_HOST}", StringComparison.Ordinal)
            .Replace("  password: ${CREATIO_PASSWORD}", "  password: ${CREATIO_PASSWORD}\n  timeoutSeconds: ${TIMEOUT}\n  runtime: ${TIMEOUT}", StringComparison.Ordinal);

        // When
        var exception = fixture.Reject(yaml);

        // Then
        Assert.Equal(3, exception.Errors.Count);
        Assert.DoesNotContain(Leaked, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Mask_Secrets_When_The_Configuration_Is_Printed()
    {
        // Given
        var fixture = new ConfigFixture();

        // When
        var printed = fixture.Parse(ConfigFixture.CompleteYaml).ToString();

        // Then
        Assert.DoesNotContain(ConfigFixture.Password, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(ConfigFixture.ClientSecret, printed, StringComparison.Ordinal);
        Assert.Contains(Secret.Mask, printed, StringComparison.Ordinal);
    }
}
