namespace CreatioIdentity.Tests.Configuration;

/// <summary>${VAR} as the loader applies it: in every scalar value, with positions in errors.</summary>
public sealed class InterpolationTests
{
    [Fact]
    public void Should_Resolve_A_Reference_Embedded_In_A_Value()
    {
        // Given
        var fixture = new ConfigFixture();
        fixture.Environment["CREATIO_HOST"] = "creatio.example.com";
        var yaml = ConfigFixture.MinimalYaml.Replace("url: https://creatio.example.com", "url: https://${CREATIO_HOST}/site", StringComparison.Ordinal);

        // When
        var config = fixture.Parse(yaml);

        // Then
        Assert.Equal(new Uri("https://creatio.example.com/site"), config.Creatio.Url);
    }

    [Fact]
    public void Should_Resolve_References_In_Numbers_And_Booleans()
    {
        // Given
        var fixture = new ConfigFixture();
        fixture.Environment["TIMEOUT"] = "90";
        fixture.Environment["SKIP"] = "false";
        const string Options = """

            features:
              OAuth20Integration: ${SKIP}
            """;
        var yaml = ConfigFixture.MinimalYaml.Replace("  password: ${CREATIO_PASSWORD}", "  password: ${CREATIO_PASSWORD}\n  timeoutSeconds: ${TIMEOUT}", StringComparison.Ordinal) + Options;

        // When
        var config = fixture.Parse(yaml);

        // Then
        Assert.Equal(TimeSpan.FromSeconds(90), config.Creatio.Timeout);
        Assert.False(config.Features["OAuth20Integration"]);
    }

    [Fact]
    public void Should_Write_A_Literal_Opening_For_Dollar_Dollar_Brace()
    {
        // Given
        var fixture = new ConfigFixture();
        const string Settings = """

            settings:
              UsrTemplate: "Hello $${UserName}"
            """;

        // When
        var config = fixture.Parse(ConfigFixture.MinimalYaml + Settings);

        // Then
        Assert.Equal("Hello ${UserName}", config.Settings["UsrTemplate"]);
    }

    [Fact]
    public void Should_Name_The_Unset_Variable_With_File_Line_And_Column()
    {
        // Given
        var fixture = new ConfigFixture();
        fixture.Environment.Remove("CREATIO_PASSWORD");

        // When
        var exception = fixture.Reject(ConfigFixture.MinimalYaml);

        // Then
        var error = Assert.Single(exception.Errors);
        Assert.Equal("creatio-identity.yml:5:13: error: environment variable CREATIO_PASSWORD is not set (creatio.password)", error.ToString());
    }

    [Theory]
    [InlineData("$(CREATIO_PASSWORD)", "CREATIO_PASSWORD")]
    [InlineData("$(Creatio.Password)", "Creatio.Password")]
    public void Should_Refuse_An_Azure_Pipelines_Macro_Left_Unexpanded_In_A_Variable(string value, string macro)
    {
        // Given: Azure Pipelines leaves `env: CREATIO_PASSWORD: $(CREATIO_PASSWORD)` as that text when the pipeline has no such variable
        var fixture = new ConfigFixture();
        fixture.Environment["CREATIO_PASSWORD"] = value;

        // When
        var exception = fixture.Reject(ConfigFixture.MinimalYaml);

        // Then: a configuration error (exit 3) at the line, naming the variable and the Azure variable to define
        var error = Assert.Single(exception.Errors);
        Assert.Equal(
            $"creatio-identity.yml:5:13: error: environment variable CREATIO_PASSWORD holds '$({macro})', an Azure Pipelines variable that does not exist (creatio.password): define the pipeline variable {macro} (as a secret, for a password), or map the step's env: to one that exists",
            error.ToString());
    }

    [Theory]
    [InlineData("$(not a macro)")]
    [InlineData("pa$(ss)word")]
    [InlineData("$()")]
    public void Should_Take_A_Value_That_Only_Looks_Like_A_Macro(string value)
    {
        // Given
        var fixture = new ConfigFixture();
        fixture.Environment["CREATIO_PASSWORD"] = value;

        // When
        var config = fixture.Parse(ConfigFixture.MinimalYaml);

        // Then
        Assert.Equal(value, config.Creatio.Password.Reveal());
    }

    [Fact]
    public void Should_Report_Every_Unset_Variable()
    {
        // Given
        var fixture = new ConfigFixture();
        fixture.Environment.Clear();

        // When
        var exception = fixture.Reject(ConfigFixture.MinimalYaml);

        // Then
        Assert.Equal(
            ["CREATIO_USERNAME", "CREATIO_PASSWORD", "IDENTITY_CLIENT_ID", "IDENTITY_CLIENT_SECRET"],
            exception.Errors.Select(error => error.Message.Split(' ')[2]));
    }

    [Fact]
    public void Should_Say_When_A_Required_Variable_Is_Set_But_Empty()
    {
        // Given
        var fixture = new ConfigFixture();
        fixture.Environment["IDENTITY_CLIENT_ID"] = "";

        // When
        var exception = fixture.Reject(ConfigFixture.MinimalYaml);

        // Then
        ConfigFixture.AssertError(exception, 8, 13, "identityService.clientId must not be empty", "IDENTITY_CLIENT_ID is set but empty");
    }

    [Theory]
    [InlineData("https://${CREATIO_HOST", "without a closing '}'")]
    [InlineData("https://${CREATIO-HOST}", "'${CREATIO-HOST}' in creatio.url does not name an environment variable")]
    [InlineData("https://${}", "does not name an environment variable")]
    public void Should_Report_A_Malformed_Reference_At_Its_Value(string url, string expected)
    {
        // Given
        var fixture = new ConfigFixture();
        var yaml = ConfigFixture.MinimalYaml.Replace("url: https://creatio.example.com", $"url: {url}", StringComparison.Ordinal);

        // When
        var exception = fixture.Reject(yaml);

        // Then
        ConfigFixture.AssertError(exception, 3, 8, expected);
    }

    [Theory]
    [InlineData("GITHUB_TOKEN", "the GitHub job's token")]
    [InlineData("GH_TOKEN", "a GitHub token")]
    [InlineData("ACTIONS_RUNTIME_TOKEN", "the GitHub Actions runner's token")]
    [InlineData("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "the GitHub Actions token that requests OIDC tokens")]
    [InlineData("SYSTEM_ACCESSTOKEN", "the Azure Pipelines job's token")]
    [InlineData("CREATIO_IDENTITY_SESSION_KEY", "the key that seals this run's Creatio session")]
    [InlineData("CREATIO_IDENTITY_GITHUB_SECRETS_TOKEN", "the token that writes GitHub Actions secrets")]
    [InlineData("github_token", "the GitHub job's token")]
    public void Should_Refuse_A_Reference_To_A_Ci_Token_Or_The_Session_Key_Even_When_Set(string variable, string what)
    {
        // Given: the variable is set, as it is on a CI runner
        var fixture = new ConfigFixture();
        fixture.Environment[variable] = "ghs_the-token-itself";
        var yaml = ConfigFixture.MinimalYaml.Replace("clientSecret: ${IDENTITY_CLIENT_SECRET}", $"clientSecret: ${{{variable}}}", StringComparison.Ordinal);

        // When
        var exception = fixture.Reject(yaml);

        // Then: a configuration error at the value, naming the variable and why, never its value
        ConfigFixture.AssertError(exception, 9, 17, $"identityService.clientSecret may not read environment variable {variable}: it is {what}");
        Assert.DoesNotContain("ghs_the-token-itself", exception.Message, StringComparison.Ordinal);
    }
}
