namespace CreatioIdentity.Tests.Configuration;

/// <summary>Each mistake the loader catches, reported at the line and column it is about.</summary>
public sealed class ValidationTests
{
    public sealed class TheVersionKey
    {
        [Fact]
        public void Should_Report_A_Version_Other_Than_1()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith("version: 1", "version: 2"));

            // Then
            ConfigFixture.AssertError(exception, 1, 10, "version must be 1", "not '2'");
        }

        [Fact]
        public void Should_Report_A_Quoted_Version()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith("version: 1", "version: \"1\""));

            // Then
            ConfigFixture.AssertError(exception, 1, 10, "version must be 1", "quoted");
        }

        [Fact]
        public void Should_Report_A_Missing_Version_At_The_Top_Of_The_File()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith("version: 1\n", "# no version\n"));

            // Then
            ConfigFixture.AssertError(exception, 2, 1, "version is required", "version: 1");
        }
    }

    public sealed class UnknownKeys
    {
        [Fact]
        public void Should_Report_Line_And_Column_Of_Unknown_Key_And_Suggest_The_Close_One()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith("  username:", "  usrname:"));

            // Then
            var error = ConfigFixture.AssertError(exception, 4, 3, "unknown key 'usrname' in creatio", "did you mean 'username'?");
            Assert.Contains("allowed: url, runtime, username, password, timeoutSeconds, healthCheckTimeoutSeconds, featureConfirmSeconds, tls", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("identityservice:", "identityService")]
        [InlineData("feature:", "features")]
        [InlineData("Settings:", "settings")]
        public void Should_Suggest_The_Top_Level_Key_That_Was_Meant(string written, string meant)
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject($"{ConfigFixture.MinimalYaml}\n{written}\n");

            // Then
            ConfigFixture.AssertError(exception, 10, 1, "the top level of the file", $"did you mean '{meant}'?");
        }

        [Fact]
        public void Should_Report_A_Misspelt_Required_Key_Alone_Not_Also_As_Missing()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith("  clientSecret:", "  clientSecrte:"));

            // Then: the cause, not its knock-on "identityService.clientSecret is required" at line 6
            var error = Assert.Single(exception.Errors);
            Assert.Equal((9, 3), (error.Location.Line, error.Location.Column));
            Assert.StartsWith("unknown key 'clientSecrte' in identityService", error.Message, StringComparison.Ordinal);
            Assert.EndsWith("did you mean 'clientSecret'?", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Report_A_Misspelt_Required_Section_Alone_Not_Also_As_Missing()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith("identityService:", "identitySevice:"));

            // Then
            var error = Assert.Single(exception.Errors);
            Assert.Equal((6, 1), (error.Location.Line, error.Location.Column));
            Assert.Contains("did you mean 'identityService'?", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Still_Report_A_Missing_Key_That_No_Unknown_Key_Was_Meant_For()
        {
            // Given: clientSecret left out, and an unknown key close to no allowed one
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith("  clientSecret: ${IDENTITY_CLIENT_SECRET}", "  proxy: http://proxy:3128"));

            // Then
            ConfigFixture.AssertError(exception, 9, 3, "unknown key 'proxy' in identityService");
            ConfigFixture.AssertError(exception, 6, 1, "identityService.clientSecret is required");
        }

        [Fact]
        public void Should_List_The_Allowed_Keys_When_Nothing_Is_Close()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalYaml + "\nproxy: http://proxy:3128\n");

            // Then
            var error = ConfigFixture.AssertError(exception, 10, 1, "unknown key 'proxy'", "allowed: version, creatio, identityService, features, settings");
            Assert.DoesNotContain("did you mean", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Report_An_Unknown_Key_Under_Tls()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith("  password: ${CREATIO_PASSWORD}", "  password: ${CREATIO_PASSWORD}\n  tls:\n    insecureSkipVerfy: true"));

            // Then
            ConfigFixture.AssertError(exception, 7, 5, "unknown key 'insecureSkipVerfy' in creatio.tls", "did you mean 'insecureSkipVerify'?");
        }
    }

    public sealed class RequiredKeys
    {
        [Theory]
        [InlineData("  url: https://creatio.example.com\n", 2, 1, "creatio.url is required")]
        [InlineData("  username: ${CREATIO_USERNAME}\n", 2, 1, "creatio.username is required")]
        [InlineData("  password: ${CREATIO_PASSWORD}\n", 2, 1, "creatio.password is required")]
        [InlineData("  url: https://identity.example.com\n", 6, 1, "identityService.url is required")]
        [InlineData("  clientId: ${IDENTITY_CLIENT_ID}\n", 6, 1, "identityService.clientId is required")]
        [InlineData("  clientSecret: ${IDENTITY_CLIENT_SECRET}", 6, 1, "identityService.clientSecret is required")]
        public void Should_Report_A_Missing_Required_Key_At_Its_Section(string removed, int line, int column, string expected)
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith(removed, string.Empty));

            // Then
            Assert.Single(exception.Errors);
            ConfigFixture.AssertError(exception, line, column, expected);
        }

        [Fact]
        public void Should_Report_A_Missing_Section_At_The_Top_Of_The_File()
        {
            // Given
            var fixture = new ConfigFixture();
            const string Yaml = """
                version: 1
                creatio:
                  url: https://creatio.example.com
                  username: ${CREATIO_USERNAME}
                  password: ${CREATIO_PASSWORD}
                """;

            // When
            var exception = fixture.Reject(Yaml);

            // Then
            ConfigFixture.AssertError(exception, 1, 1, "identityService is required", "url, clientId, clientSecret");
        }

        [Theory]
        [InlineData("  username: ${CREATIO_USERNAME}", "  username: ''", 4, 13, "creatio.username must not be empty")]
        [InlineData("  username: ${CREATIO_USERNAME}", "  username:", 4, 12, "creatio.username must not be empty")]
        [InlineData("  clientId: ${IDENTITY_CLIENT_ID}", "  clientId: \"  \"", 8, 13, "identityService.clientId must not be empty")]
        [InlineData("  url: https://identity.example.com", "  url: ~", 7, 8, "identityService.url must not be empty")]
        public void Should_Report_An_Empty_Required_Value(string find, string replace, int line, int column, string expected)
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith(find, replace));

            // Then
            ConfigFixture.AssertError(exception, line, column, expected);
        }

        [Fact]
        public void Should_Report_A_Section_That_Is_Not_A_Mapping()
        {
            // Given
            var fixture = new ConfigFixture();
            const string Yaml = """
                version: 1
                creatio: https://creatio.example.com
                identityService:
                  - https://identity.example.com
                """;

            // When
            var exception = fixture.Reject(Yaml);

            // Then
            ConfigFixture.AssertError(exception, 2, 10, "creatio must be a mapping of the keys url, runtime", "not a single value");
            ConfigFixture.AssertError(exception, 4, 3, "identityService must be a mapping", "not a list");
        }

        [Fact]
        public void Should_Report_A_Top_Level_That_Is_Not_A_Mapping()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject("- version: 1\n");

            // Then
            ConfigFixture.AssertError(exception, 1, 1, "the top level of the file must be a mapping");
        }
    }

    public sealed class Urls
    {
        [Theory]
        [InlineData("creatio.example.com", "must be an absolute http or https URL")]
        [InlineData("/0/ServiceModel", "must be an absolute http or https URL")]
        [InlineData("ftp://creatio.example.com", "must use http or https, not ftp")]
        [InlineData("file:///etc/creatio", "must be an absolute http or https URL")]
        [InlineData("https://admin:Admin123@creatio.example.com", "must not carry a user name or password; put them in creatio.username and creatio.password")]
        public void Should_Report_A_Creatio_Url_That_Is_Not_An_Absolute_Http_Url(string url, string expected)
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith("url: https://creatio.example.com", $"url: {url}"));

            // Then
            var error = ConfigFixture.AssertError(exception, 3, 8, $"creatio.url {expected}");
            Assert.DoesNotContain(url, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Point_Identity_Service_Credentials_At_Client_Id_And_Secret()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith("url: https://identity.example.com", "url: http://client:secret@identity.example.com"));

            // Then
            ConfigFixture.AssertError(exception, 7, 8, "identityService.url must not carry", "identityService.clientId and identityService.clientSecret");
        }

        [Fact]
        public void Should_Accept_Http_For_A_Local_Site()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var config = fixture.Parse(ConfigFixture.MinimalWith("url: https://creatio.example.com", "url: http://localhost:5000"));

            // Then
            Assert.Equal(new Uri("http://localhost:5000"), config.Creatio.Url);
        }
    }

    public sealed class Types
    {
        [Theory]
        [InlineData("0", "not '0'")]
        [InlineData("-5", "not '-5'")]
        [InlineData("1.5", "not '1.5'")]
        [InlineData("soon", "not 'soon'")]
        [InlineData("\"30\"", "not the quoted text '30'")]
        [InlineData("99999999999", "not '99999999999'")]
        public void Should_Report_A_Timeout_That_Is_Not_A_Positive_Integer(string timeout, string expected)
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith("  password: ${CREATIO_PASSWORD}", $"  password: ${{CREATIO_PASSWORD}}\n  timeoutSeconds: {timeout}"));

            // Then
            ConfigFixture.AssertError(exception, 6, 19, "creatio.timeoutSeconds must be a positive whole number of seconds", expected);
        }

        [Theory]
        [InlineData("core", "not 'core'")]
        [InlineData("NetFramework", "did you mean 'netframework'?")]
        [InlineData("netframwork", "did you mean 'netframework'?")]
        public void Should_Report_A_Runtime_Other_Than_Auto_Net_Or_NetFramework(string runtime, string expected)
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith("  url: https://creatio.example.com", $"  url: https://creatio.example.com\n  runtime: {runtime}"));

            // Then
            ConfigFixture.AssertError(exception, 4, 12, "creatio.runtime must be one of auto, net, netframework", expected);
        }

        [Theory]
        [InlineData("yes")]
        [InlineData("1")]
        [InlineData("on")]
        [InlineData("'true'")]
        public void Should_Report_A_Feature_State_That_Is_Not_A_Boolean(string state)
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject($"{ConfigFixture.MinimalYaml}\nfeatures:\n  OAuth20Integration: {state}\n");

            // Then
            ConfigFixture.AssertError(exception, 11, 23, "features.OAuth20Integration must be true or false");
        }

        [Fact]
        public void Should_Report_An_InsecureSkipVerify_That_Is_Not_A_Boolean()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith("  password: ${CREATIO_PASSWORD}", "  password: ${CREATIO_PASSWORD}\n  tls:\n    insecureSkipVerify: sometimes"));

            // Then
            ConfigFixture.AssertError(exception, 7, 25, "creatio.tls.insecureSkipVerify must be true or false", "not 'sometimes'");
        }

        [Fact]
        public void Should_Report_A_Setting_Without_A_Single_Value()
        {
            // Given
            var fixture = new ConfigFixture();
            const string Settings = """

                settings:
                  UsrList: [a, b]
                  UsrNothing:
                """;

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalYaml + Settings);

            // Then
            ConfigFixture.AssertError(exception, 11, 12, "settings.UsrList must be a single value", "not a list");
            ConfigFixture.AssertError(exception, 12, 14, "settings.UsrNothing has no value", "''");
        }

        [Fact]
        public void Should_Report_A_Setting_The_Identity_Service_Section_Writes()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalYaml + "\nsettings:\n  OAuth20IdentityServerClientId: other\n");

            // Then
            ConfigFixture.AssertError(exception, 11, 3, "settings.OAuth20IdentityServerClientId is written from identityService.clientId");
        }

        [Fact]
        public void Should_Report_A_Feature_Listed_Twice_In_Different_Case()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalYaml + "\nfeatures:\n  UsrPortalSync: true\n  usrportalsync: false\n");

            // Then
            ConfigFixture.AssertError(exception, 12, 3, "features.usrportalsync repeats feature code 'UsrPortalSync' in other letter case: feature codes are case-sensitive, so keep only the one written as Creatio's /0/Flags page shows it");
        }

        [Theory]
        [InlineData("oauth20integration")]
        [InlineData("OAUTH20INTEGRATION")]
        [InlineData("OAuth20integration")]
        public void Should_Refuse_The_Oauth_Feature_Code_In_Another_Letter_Case(string written)
        {
            // Given: Creatio looks a feature up by its exact code (FeatureCodes)
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalYaml + $"\nfeatures:\n  {written}: true\n");

            // Then
            var error = ConfigFixture.AssertError(exception, 11, 3, $"features.{written}: feature codes are case-sensitive (Creatio looks a feature up by its exact code); write 'OAuth20Integration'");
            Assert.Equal(error, Assert.Single(exception.Errors));
        }
    }

    public sealed class NamesWithoutBraces
    {
        [Fact]
        public void Should_Refuse_A_Shell_Reference_And_Show_How_To_Write_It()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith("  username: ${CREATIO_USERNAME}", "  username: $CREATIO_USERNAME"));

            // Then
            var error = ConfigFixture.AssertError(exception, 4, 13, "'$CREATIO_USERNAME' in creatio.username takes no environment variable: write '${CREATIO_USERNAME}' to take it, or '$$CREATIO_USERNAME' for the text '$CREATIO_USERNAME'");
            Assert.Equal(error, Assert.Single(exception.Errors));
        }

        [Fact]
        public void Should_Not_Quote_A_Secret_With_A_Dollar_In_It()
        {
            // Given: a password written literally, with a '$' before letters
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith("  password: ${CREATIO_PASSWORD}", "  password: Hunter$ecret"));

            // Then
            var error = ConfigFixture.AssertError(exception, 5, 13, "a '$' followed by a name in creatio.password takes no environment variable: write ${NAME} to take one, or '$$' for a literal '$'");
            Assert.DoesNotContain("ecret", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Take_A_Literal_Dollar_Written_Twice()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var config = fixture.Parse(ConfigFixture.MinimalWith("  password: ${CREATIO_PASSWORD}", "  password: Hunter$$ecret"));

            // Then
            Assert.Equal("Hunter$ecret", config.Creatio.Password.Reveal());
        }

        [Fact]
        public void Should_Take_A_Password_With_Dollars_Through_A_Variable()
        {
            // Given
            var fixture = new ConfigFixture();
            fixture.Environment["CREATIO_PASSWORD"] = "Hunter$ecret$$";

            // When
            var config = fixture.Parse(ConfigFixture.MinimalYaml);

            // Then
            Assert.Equal("Hunter$ecret$$", config.Creatio.Password.Reveal());
        }
    }

    public sealed class Syntax
    {
        [Fact]
        public void Should_Report_Malformed_Yaml_With_YamlDotNets_Position_And_Reason()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject("version: 1\ncreatio:\n  url: a: b\n");

            // Then
            var error = Assert.Single(exception.Errors);
            ConfigFixture.AssertError(exception, 3, 9, "the file is not valid YAML", "mapping");
            Assert.Equal("creatio-identity.yml", error.Location.File);
        }

        [Fact]
        public void Should_Report_Several_Documents_In_One_File()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalYaml + "\n---\nversion: 1\n");

            // Then
            ConfigFixture.AssertError(exception, 11, 1, "more than one YAML document");
        }
    }
}
