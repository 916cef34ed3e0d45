using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tests.Configuration;

public sealed class ConfigLoaderTests
{
    public sealed class TheParseMethod
    {
        [Fact]
        public void Should_Read_Every_Value_Of_A_Complete_File()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var config = fixture.Parse(ConfigFixture.CompleteYaml);

            // Then
            Assert.Equal(1, config.Version);
            Assert.Equal(new Uri("https://creatio.example.com"), config.Creatio.Url);
            Assert.Equal(CreatioRuntime.NetFramework, config.Creatio.Runtime);
            Assert.Equal("Supervisor", config.Creatio.Username);
            Assert.Equal(ConfigFixture.Password, config.Creatio.Password.Reveal());
            Assert.Equal(TimeSpan.FromSeconds(45), config.Creatio.Timeout);
            Assert.False(config.Creatio.Tls.InsecureSkipVerify);
            Assert.Equal(new Uri("https://identity.example.com"), config.IdentityService.Url);
            Assert.Equal("creatio", config.IdentityService.ClientId);
            Assert.Equal(ConfigFixture.ClientSecret, config.IdentityService.ClientSecret.Reveal());
            Assert.Equal(Path.GetFullPath("certs/identity-root.pem"), config.IdentityService.Tls.CaCertificate);
            Assert.False(config.IdentityService.Tls.InsecureSkipVerify);
            Assert.Equal(["login.example.com"], config.IdentityService.TokenEndpointHosts);
            Assert.Equal(new Dictionary<string, bool> { ["OAuth20Integration"] = true, ["UsrPortalIntegration"] = false }, config.Features);
            Assert.Equal(new Dictionary<string, string> { ["SomeCode"] = "some value", ["Number"] = "5" }, config.Settings);
            Assert.Empty(config.Warnings);
        }

        [Fact]
        public void Should_Apply_The_Defaults_When_Optional_Keys_Are_Absent()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var config = fixture.Parse(ConfigFixture.MinimalYaml);

            // Then
            Assert.Equal(CreatioRuntime.Auto, config.Creatio.Runtime);
            Assert.Equal(TimeSpan.FromSeconds(30), config.Creatio.Timeout);
            Assert.Equal(TlsOptions.Default, config.Creatio.Tls);
            Assert.Equal(new Dictionary<string, bool> { ["OAuth20Integration"] = true }, config.Features);
            Assert.Empty(config.Settings);
        }

        [Theory]
        [InlineData("features: {}")]
        [InlineData("features:")]
        public void Should_Turn_On_No_Feature_When_Features_Is_Written_Empty(string features)
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var config = fixture.Parse($"{ConfigFixture.MinimalYaml}\n{features}\nsettings:\n");

            // Then
            Assert.Empty(config.Features);
            Assert.Empty(config.Settings);
        }

        [Fact]
        public void Should_Keep_Setting_Values_As_Written_Text()
        {
            // Given
            var fixture = new ConfigFixture();
            const string Settings = """

                settings:
                  Count: 0012
                  Enabled: true
                  Empty: ''
                  Quoted: "a: b"
                """;

            // When
            var config = fixture.Parse(ConfigFixture.MinimalYaml + Settings);

            // Then
            Assert.Equal(new Dictionary<string, string> { ["Count"] = "0012", ["Enabled"] = "true", ["Empty"] = "", ["Quoted"] = "a: b" }, config.Settings);
        }

        [Fact]
        public void Should_Remember_Where_Every_Value_And_Section_Is()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var source = fixture.Parse(ConfigFixture.CompleteYaml).Source;

            // Then
            Assert.Equal("creatio-identity.yml", source.Path);
            Assert.Equal(new SourceLocation("creatio-identity.yml", 1, 10), source.Find("version"));
            Assert.Equal(new SourceLocation("creatio-identity.yml", 2, 1), source.Find("creatio"));
            Assert.Equal(new SourceLocation("creatio-identity.yml", 3, 8), source.Find("creatio.url"));
            Assert.Equal(new SourceLocation("creatio-identity.yml", 4, 12), source.Find("creatio.runtime"));
            Assert.Equal(new SourceLocation("creatio-identity.yml", 6, 13), source.Find("creatio.password"));
            Assert.Equal(new SourceLocation("creatio-identity.yml", 7, 19), source.Find("creatio.timeoutSeconds"));
            Assert.Equal(new SourceLocation("creatio-identity.yml", 8, 3), source.Find("creatio.tls"));
            Assert.Equal(new SourceLocation("creatio-identity.yml", 10, 25), source.Find("creatio.tls.insecureSkipVerify"));
            Assert.Equal(new SourceLocation("creatio-identity.yml", 11, 1), source.Find("identityService"));
            Assert.Equal(new SourceLocation("creatio-identity.yml", 14, 17), source.Find("identityService.clientSecret"));
            Assert.Equal(new SourceLocation("creatio-identity.yml", 16, 20), source.Find("identityService.tls.caCertificate"));
            Assert.Equal(new SourceLocation("creatio-identity.yml", 17, 3), source.Find("identityService.tokenEndpointHosts"));
            Assert.Equal(new SourceLocation("creatio-identity.yml", 18, 1), source.Find("features"));
            Assert.Equal(new SourceLocation("creatio-identity.yml", 19, 23), source.Find("features.OAuth20Integration"));
            Assert.Equal(new SourceLocation("creatio-identity.yml", 21, 1), source.Find("settings"));
            Assert.Equal(new SourceLocation("creatio-identity.yml", 22, 13), source.Find("settings.SomeCode"));
        }

        [Fact]
        public void Should_Locate_A_Defaulted_Key_At_Its_Nearest_Written_Parent()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var source = fixture.Parse(ConfigFixture.MinimalYaml).Source;

            // Then
            Assert.Null(source.Find("creatio.runtime"));
            Assert.Equal(new SourceLocation("creatio-identity.yml", 2, 1), source.Locate("creatio.runtime"));
            Assert.Equal(new SourceLocation("creatio-identity.yml", 1, 1), source.Locate("features.OAuth20Integration"));
        }

        [Fact]
        public void Should_Take_The_CA_Certificate_Relative_To_The_Folder_Of_The_File()
        {
            // Given
            var fixture = new ConfigFixture { DisplayPath = Path.Combine(Path.GetTempPath(), "pipeline", "creatio-identity.yml") };

            // When
            var config = fixture.Parse(ConfigFixture.CompleteYaml);

            // Then
            Assert.Equal(Path.Combine(Path.GetTempPath(), "pipeline", "certs", "corp-root.pem"), config.Creatio.Tls.CaCertificate);
        }

        [Fact]
        public void Should_Report_Every_Error_In_Order_Not_Only_The_First()
        {
            // Given
            var fixture = new ConfigFixture();
            const string Yaml = """
                version: 1
                creatio:
                  url: creatio.example.com
                  username: ${CREATIO_USERNAME}
                  password: ${CREATIO_PASSWORD}
                  timeoutSeconds: soon
                identityService:
                  url: https://identity.example.com
                  clientId: ${IDENTITY_CLIENT_ID}
                features:
                  OAuth20Integration: yes
                """;

            // When
            var exception = fixture.Reject(Yaml);

            // Then
            Assert.Equal(
                ["3:8", "6:19", "7:1", "11:23"],
                exception.Errors.Select(error => $"{error.Location.Line}:{error.Location.Column}"));
        }
    }

    public sealed class TheLoadMethod : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("creatio-identity-config-").FullName;

        public void Dispose() => Directory.Delete(folder, recursive: true);

        [Fact]
        public void Should_Read_The_File_And_Report_It_By_Its_Path()
        {
            // Given
            var fixture = new ConfigFixture();
            var path = Path.Combine(folder, "creatio-identity.yml");
            File.WriteAllText(path, ConfigFixture.MinimalYaml);

            // When
            var config = fixture.Load(path);

            // Then
            Assert.Equal(path, config.Source.Path);
            Assert.Equal(new SourceLocation(path, 3, 8), config.Source.Find("creatio.url"));
        }

        [Fact]
        public void Should_Say_How_To_Pass_The_File_When_It_Is_Missing()
        {
            // Given
            var fixture = new ConfigFixture();
            var path = Path.Combine(folder, "absent.yml");

            // When
            var exception = Assert.Throws<ConfigurationException>(() => fixture.Load(path));

            // Then
            var error = Assert.Single(exception.Errors);
            Assert.Equal(path, error.Location.File);
            Assert.Contains("not found", error.Message, StringComparison.Ordinal);
            Assert.Contains("--config", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("")]
        [InlineData("# nothing configured yet\n")]
        [InlineData("---\n")]
        public void Should_Reject_An_Empty_File(string text)
        {
            // Given
            var fixture = new ConfigFixture();
            var path = Path.Combine(folder, "creatio-identity.yml");
            File.WriteAllText(path, text);

            // When
            var exception = Assert.Throws<ConfigurationException>(() => fixture.Load(path));

            // Then
            var error = Assert.Single(exception.Errors);
            Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Reject_Malformed_Yaml_At_The_Position_YamlDotNet_Gives()
        {
            // Given
            var fixture = new ConfigFixture();
            var path = Path.Combine(folder, "creatio-identity.yml");
            File.WriteAllText(path, "version: 1\ncreatio:\n  url: [https://creatio.example.com\n  username: x\n");

            // When
            var exception = Assert.Throws<ConfigurationException>(() => fixture.Load(path));

            // Then
            var error = Assert.Single(exception.Errors);
            Assert.Equal(path, error.Location.File);
            Assert.Equal(4, error.Location.Line);
            Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Reject_A_Key_Written_Twice()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalYaml + "\nversion: 1\n");

            // Then
            ConfigFixture.AssertError(exception, 10, 1, "the key 'version' is written twice", "first at line 1");
        }
    }
}
