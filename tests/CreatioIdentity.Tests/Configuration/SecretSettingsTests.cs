using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tests.Configuration;

/// <summary>settings: values that are secrets: { value: ..., secret: true }.</summary>
public sealed class SecretSettingsTests
{
    private const string ApiKey = "api-Key-of-the-portal-42";

    private static ConfigFixture Fixture()
    {
        var fixture = new ConfigFixture();
        fixture.Environment["PORTAL_API_KEY"] = ApiKey;
        return fixture;
    }

    public sealed class TheMappingForm
    {
        [Fact]
        public void Should_Read_The_Value_And_Mark_It_Secret()
        {
            // Given
            var yaml = ConfigFixture.MinimalYaml + """

                settings:
                  UsrPortalUrl: https://portal.example.com
                  UsrPortalApiKey:
                    value: ${PORTAL_API_KEY}
                    secret: true
                """;

            // When
            var config = Fixture().Parse(yaml);

            // Then
            Assert.Equal(ApiKey, config.Settings["UsrPortalApiKey"]);
            Assert.Equal(["UsrPortalApiKey"], config.SecretSettings);
            Assert.Contains(ApiKey, config.SecretValues());
            Assert.DoesNotContain("https://portal.example.com", config.SecretValues());
        }

        [Fact]
        public void Should_Take_A_Mapping_Without_Secret_As_A_Plain_Value()
        {
            // When
            var config = Fixture().Parse(ConfigFixture.MinimalYaml + "\nsettings:\n  MaxFileSize: { value: 25 }\n");

            // Then
            Assert.Equal("25", config.Settings["MaxFileSize"]);
            Assert.Empty(config.SecretSettings);
        }

        [Fact]
        public void Should_Refuse_A_Mapping_Without_Its_Value_At_Its_Line()
        {
            // When
            var exception = Fixture().Reject(ConfigFixture.MinimalYaml + "\nsettings:\n  UsrPortalApiKey: { secret: true }\n");

            // Then
            ConfigFixture.AssertError(exception, 11, 20, "settings.UsrPortalApiKey needs 'value:'");
        }

        [Fact]
        public void Should_Refuse_An_Unknown_Key_In_The_Mapping_With_A_Suggestion()
        {
            // When
            var exception = Fixture().Reject(ConfigFixture.MinimalYaml + "\nsettings:\n  UsrPortalApiKey: { value: x, secrets: true }\n");

            // Then
            ConfigFixture.AssertError(exception, 11, 32, "unknown key 'secrets'", "did you mean 'secret'?");
        }
    }

    public sealed class TheEnvironments
    {
        [Fact]
        public void Should_Keep_A_Default_Secret_Setting_Secret_When_An_Environment_Gives_Its_Own_Value()
        {
            // Given: the default says secret, prod writes a plain value over it
            var yaml = """
                version: 1
                defaults:
                  creatio: { username: "${CREATIO_USERNAME}", password: "${CREATIO_PASSWORD}" }
                  identityService: { url: https://identity.example.com, clientId: "${IDENTITY_CLIENT_ID}", clientSecret: "${IDENTITY_CLIENT_SECRET}" }
                  settings:
                    UsrPortalApiKey: { value: none, secret: true }
                environments:
                  prod:
                    creatio: { url: https://prod.example.com }
                    settings:
                      UsrPortalApiKey: ${PORTAL_API_KEY}
                """;
            var fixture = Fixture();
            var path = Path.Combine(Path.GetTempPath(), $"creatio-identity-secret-settings-{Guid.NewGuid():N}.yml");
            File.WriteAllText(path, yaml);

            // When
            ConfigSelection selection;
            try
            {
                selection = ConfigLoader.LoadSelection(path, fixture.Lookup, ["prod"]);
            }
            finally
            {
                File.Delete(path);
            }

            // Then
            var prod = Assert.Single(selection.Environments).Config!;
            Assert.Equal(ApiKey, prod.Settings["UsrPortalApiKey"]);
            Assert.Contains("UsrPortalApiKey", prod.SecretSettings);
        }
    }
}
