using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tests.Configuration;

/// <summary>defaults: and environments:, each environment the single-site form merged over the defaults.</summary>
public sealed class EnvironmentsTests
{
    /// <summary>Line numbers in the tests count from "version: 1" as line 1.</summary>
    private const string Yaml = """
        version: 1
        defaults:
          creatio:
            runtime: netframework
            username: ${CREATIO_USERNAME}
            timeoutSeconds: 30
            tls:
              insecureSkipVerify: false
          identityService:
            url: https://identity.example.com
            clientId: ${IDENTITY_CLIENT_ID}
          features:
            OAuth20Integration: true
          settings:
            UsrShared: shared
        environments:
          dev:
            creatio:
              url: https://dev.example.com
              password: ${DEV_PASSWORD}
              timeoutSeconds: 5
            identityService:
              clientSecret: ${DEV_SECRET}
            features:
              UsrPortalIntegration: true
            settings:
              UsrOwn: dev
          prod:
            creatio:
              url: https://prod.example.com
              username: prod-admin
              password: ${PROD_PASSWORD}
            identityService:
              url: https://identity.corp.example.com
              clientSecret: ${PROD_SECRET}
            features:
              OAuth20Integration: false
        """;

    private static ConfigFixture Fixture()
    {
        var fixture = new ConfigFixture();
        fixture.Environment["DEV_PASSWORD"] = "dev-password-1";
        fixture.Environment["DEV_SECRET"] = "dev-secret-1";
        fixture.Environment["PROD_PASSWORD"] = "prod-password-1";
        fixture.Environment["PROD_SECRET"] = "prod-secret-1";
        return fixture;
    }

    /// <summary>Reads <paramref name="yaml"/> from a file of its own, which goes once it is read.</summary>
    private static T Read<T>(string yaml, Func<string, T> read)
    {
        using var temp = new CreatioIdentity.Tests.PrivateFiles.OwnTempFolder();
        var path = temp.PathOf("creatio-identity.yml");
        File.WriteAllText(path, yaml);
        return read(path);
    }

    private static ConfigSelection Load(ConfigFixture fixture, string yaml, params string[] environments) =>
        Read(yaml, path => ConfigLoader.LoadSelection(path, fixture.Lookup, environments));

    private static IdentityConfig Environment(ConfigSelection selection, string name) =>
        Assert.Single(selection.Environments, environment => environment.Name == name).Config
            ?? throw new Xunit.Sdk.XunitException($"{name} did not load: {string.Join("; ", selection.Environments.Single(environment => environment.Name == name).Errors)}");

    public sealed class TheMerge
    {
        [Fact]
        public void Should_Merge_Mappings_Key_By_Key_And_Replace_Scalars()
        {
            // Given
            var fixture = Fixture();

            // When
            var selection = Load(fixture, Yaml, "all");

            // Then: dev takes its own url, password and timeout, and the rest of creatio from the defaults
            var dev = Environment(selection, "dev");
            Assert.Equal("dev", dev.Environment);
            Assert.Equal(new Uri("https://dev.example.com"), dev.Creatio.Url);
            Assert.Equal(CreatioRuntime.NetFramework, dev.Creatio.Runtime);
            Assert.Equal("Supervisor", dev.Creatio.Username);
            Assert.Equal("dev-password-1", dev.Creatio.Password.Reveal());
            Assert.Equal(TimeSpan.FromSeconds(5), dev.Creatio.Timeout);
            Assert.Equal(new Uri("https://identity.example.com"), dev.IdentityService.Url);
            Assert.Equal("creatio", dev.IdentityService.ClientId);
            Assert.Equal("dev-secret-1", dev.IdentityService.ClientSecret.Reveal());
            Assert.Equal(new Dictionary<string, bool> { ["OAuth20Integration"] = true, ["UsrPortalIntegration"] = true }, dev.Features);
            Assert.Equal(new Dictionary<string, string> { ["UsrShared"] = "shared", ["UsrOwn"] = "dev" }, dev.Settings);

            // Then: prod replaces what it names, and keeps what it does not
            var prod = Environment(selection, "prod");
            Assert.Equal("prod-admin", prod.Creatio.Username);
            Assert.Equal(TimeSpan.FromSeconds(30), prod.Creatio.Timeout);
            Assert.Equal(new Uri("https://identity.corp.example.com"), prod.IdentityService.Url);
            Assert.Equal(new Dictionary<string, bool> { ["OAuth20Integration"] = false }, prod.Features);
            Assert.Equal(new Dictionary<string, string> { ["UsrShared"] = "shared" }, prod.Settings);
        }

        [Fact]
        public void Should_Locate_Each_Value_Where_It_Was_Written_Own_Or_Inherited()
        {
            // Given
            var fixture = Fixture();

            // When
            var dev = Environment(Load(fixture, Yaml, "dev"), "dev");

            // Then
            Assert.Equal(19, dev.Source.Locate("creatio.url").Line);
            Assert.Equal(5, dev.Source.Locate("creatio.username").Line);
            Assert.Equal(23, dev.Source.Locate("identityService.clientSecret").Line);
            Assert.Equal(11, dev.Source.Locate("identityService.clientId").Line);
        }

        [Fact]
        public void Should_Use_The_Default_Features_When_Neither_Names_Any()
        {
            // Given
            const string yaml = """
                version: 1
                environments:
                  only:
                    creatio: { url: https://only.example.com, username: admin, password: "${DEV_PASSWORD}" }
                    identityService: { url: https://id.example.com, clientId: creatio, clientSecret: "${DEV_SECRET}" }
                """;

            // When
            var only = Environment(Load(Fixture(), yaml, "only"), "only");

            // Then
            Assert.Equal(new Dictionary<string, bool> { ["OAuth20Integration"] = true }, only.Features);
            Assert.Empty(only.Warnings);
        }
    }

    public sealed class TheMergeAtItsEdges
    {
        [Fact]
        public void Should_Override_A_Default_Setting_Written_In_Another_Case_And_A_Default_Feature()
        {
            // Given: setting codes ignore case, so usrshared is the default UsrShared overridden; feature
            // codes do not (FeatureCodes), so the feature is overridden as Creatio writes it
            var yaml = Yaml.Replace("    features:\n      UsrPortalIntegration: true\n    settings:\n      UsrOwn: dev", "    features:\n      OAuth20Integration: false\n    settings:\n      usrshared: dev-only", StringComparison.Ordinal);

            // When
            var dev = Environment(Load(Fixture(), yaml, "dev"), "dev");

            // Then: one code each, with the environment's value
            Assert.Equal("dev-only", Assert.Single(dev.Settings, setting => setting.Key.Equals("UsrShared", StringComparison.OrdinalIgnoreCase)).Value);
            Assert.Single(dev.Settings);
            Assert.False(Assert.Single(dev.Features).Value);
        }

        [Fact]
        public void Should_Clear_The_Default_Settings_With_Null_And_Keep_Them_With_An_Empty_Map()
        {
            // Given
            var cleared = Yaml.Replace("    settings:\n      UsrOwn: dev", "    settings: ~", StringComparison.Ordinal);
            var kept = Yaml.Replace("    settings:\n      UsrOwn: dev", "    settings: {}", StringComparison.Ordinal);

            // When
            var devCleared = Environment(Load(Fixture(), cleared, "dev"), "dev");
            var devKept = Environment(Load(Fixture(), kept, "dev"), "dev");

            // Then: null replaces (no settings), an empty map merges (the defaults stay)
            Assert.Empty(devCleared.Settings);
            Assert.Equal(new Dictionary<string, string> { ["UsrShared"] = "shared" }, devKept.Settings);
        }

        [Fact]
        public void Should_Read_Environments_Without_Defaults()
        {
            // Given
            const string yaml = """
                version: 1
                environments:
                  a:
                    creatio: { url: https://a.example.com, username: admin, password: "${DEV_PASSWORD}" }
                    identityService: { url: https://id.example.com, clientId: creatio, clientSecret: "${DEV_SECRET}" }
                  b:
                    creatio: { url: https://b.example.com, username: admin, password: "${PROD_PASSWORD}" }
                    identityService: { url: https://id.example.com, clientId: creatio, clientSecret: "${PROD_SECRET}" }
                """;

            // When
            var selection = Load(Fixture(), yaml, "all");

            // Then
            Assert.Equal(new Uri("https://a.example.com"), Environment(selection, "a").Creatio.Url);
            Assert.Equal(new Uri("https://b.example.com"), Environment(selection, "b").Creatio.Url);
        }

        [Fact]
        public void Should_Reject_An_Empty_Environments_Map_At_Its_Line()
        {
            // Given
            const string yaml = "version: 1\ndefaults:\n  creatio:\n    username: admin\nenvironments: {}\n";

            // When
            var exception = Assert.Throws<ConfigurationException>(() => Load(Fixture(), yaml, "all"));

            // Then
            ConfigFixture.AssertError(exception, 5, 1, "environments is empty");
        }

        [Theory]
        [InlineData("--target")]
        [InlineData("-e")]
        public void Should_Reject_A_Name_That_Reads_Like_A_Flag(string name)
        {
            // Given
            var yaml = Yaml + $"\n  \"{name}\":\n    creatio: {{}}\n";

            // When
            var exception = Assert.Throws<ConfigurationException>(() => Load(Fixture(), yaml, "dev"));

            // Then
            Assert.Contains(exception.Errors, error => error.Message.Contains($"environment name '{name}' must be", StringComparison.Ordinal) && error.Location.Line == 38);
        }

        [Fact]
        public void Should_Suggest_The_Key_Meant_Inside_An_Environment_At_Its_Line()
        {
            // Given: a typo in prod's own creatio section
            var yaml = Yaml.Replace("      username: prod-admin", "      usrname: prod-admin", StringComparison.Ordinal);

            // When
            var prod = Load(Fixture(), yaml, "prod").Environments.Single();

            // Then: the error is prod's own (exit 3 for prod alone), at the misspelt key
            Assert.Null(prod.Config);
            var error = Assert.Single(prod.Errors);
            Assert.Equal(31, error.Location.Line);
            Assert.StartsWith("environment 'prod': ", error.Message, StringComparison.Ordinal);
            Assert.Contains("did you mean 'username'?", error.Message, StringComparison.Ordinal);
        }
    }

    public sealed class TheSelection
    {
        [Fact]
        public void Should_Resolve_Only_The_Chosen_Environment()
        {
            // Given: prod's secrets are not set
            var fixture = Fixture();
            fixture.Environment.Remove("PROD_PASSWORD");
            fixture.Environment.Remove("PROD_SECRET");

            // When
            var selection = Load(fixture, Yaml, "dev");

            // Then
            Assert.Equal(["dev"], selection.Environments.Select(environment => environment.Name));
            Assert.NotNull(selection.Environments[0].Config);
        }

        [Fact]
        public void Should_Keep_One_Environments_Errors_To_Itself()
        {
            // Given
            var fixture = Fixture();
            fixture.Environment.Remove("PROD_SECRET");

            // When
            var selection = Load(fixture, Yaml, "all");

            // Then
            Assert.NotNull(selection.Environments.Single(environment => environment.Name == "dev").Config);
            var prod = selection.Environments.Single(environment => environment.Name == "prod");
            Assert.Null(prod.Config);
            var error = Assert.Single(prod.Errors);
            Assert.Equal(35, error.Location.Line);
            Assert.StartsWith("environment 'prod': environment variable PROD_SECRET is not set", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Point_An_Inherited_Error_At_The_Default()
        {
            // Given: a default that every environment inherits is wrong
            var fixture = Fixture();
            var yaml = Yaml.Replace("    timeoutSeconds: 30", "    timeoutSeconds: soon", StringComparison.Ordinal);

            // When
            var prod = Load(fixture, yaml, "prod").Environments.Single();

            // Then
            var error = Assert.Single(prod.Errors);
            Assert.Equal(6, error.Location.Line);
            Assert.Contains("creatio.timeoutSeconds must be a positive whole number", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Refuse_Two_Chosen_Environments_On_One_Creatio_Site_And_Run_The_Rest()
        {
            // Given: qa is a copy of dev whose url was not changed (written a little differently)
            var yaml = Yaml + """

                  qa:
                    creatio:
                      url: HTTPS://DEV.example.com:443/
                      password: ${DEV_PASSWORD}
                    identityService:
                      clientSecret: ${DEV_SECRET}
                """;

            // When
            var selection = Load(Fixture(), yaml, "all");

            // Then: neither dev nor qa runs, each told at its own url; prod runs
            var dev = selection.Environments.Single(environment => environment.Name == "dev");
            var qa = selection.Environments.Single(environment => environment.Name == "qa");
            Assert.Null(dev.Config);
            Assert.Null(qa.Config);
            Assert.Equal(19, Assert.Single(dev.Errors).Location.Line);
            Assert.Equal(40, Assert.Single(qa.Errors).Location.Line);
            Assert.Contains("environment 'dev': creatio.url is the same Creatio site as environment 'qa'", dev.Errors[0].Message, StringComparison.Ordinal);
            Assert.Contains("as environment 'dev'", qa.Errors[0].Message, StringComparison.Ordinal);
            Assert.NotNull(Environment(selection, "prod"));
        }

        [Fact]
        public void Should_Take_Two_Sites_On_One_Host_Under_Different_Paths_As_Two_Sites()
        {
            // Given: two on-site Creatio applications under one IIS host
            var yaml = Yaml
                .Replace("url: https://dev.example.com", "url: https://creatio.example.com/dev", StringComparison.Ordinal)
                .Replace("url: https://prod.example.com", "url: https://creatio.example.com/prod", StringComparison.Ordinal);

            // When
            var selection = Load(Fixture(), yaml, "all");

            // Then
            Assert.NotNull(Environment(selection, "dev"));
            Assert.NotNull(Environment(selection, "prod"));
        }

        [Fact]
        public void Should_Name_The_Environments_When_None_Is_Chosen()
        {
            // Given, When
            var exception = Assert.Throws<ConfigurationException>(() => Load(Fixture(), Yaml));

            // Then
            ConfigFixture.AssertError(exception, 16, 1, "the environments dev, prod", "--environment NAME", "--environment all");
        }

        [Fact]
        public void Should_Suggest_The_Closest_Name_For_An_Unknown_One()
        {
            // Given, When
            var exception = Assert.Throws<ConfigurationException>(() => Load(Fixture(), Yaml, "prd"));

            // Then
            ConfigFixture.AssertError(exception, 16, 1, "--environment 'prd' is not an environment", "did you mean 'prod'?");
        }

        [Fact]
        public void Should_Refuse_An_Environment_For_A_Single_Site_File()
        {
            // Given, When
            var exception = Assert.Throws<ConfigurationException>(() => Load(new ConfigFixture(), ConfigFixture.MinimalYaml, "prod"));

            // Then
            ConfigFixture.AssertError(exception, 1, 1, "--environment prod was given, but this file describes one site");
        }

        [Fact]
        public void Should_Load_A_Single_Site_File_Without_Environment_As_Before()
        {
            // Given, When
            var selection = Load(new ConfigFixture(), ConfigFixture.MinimalYaml);

            // Then
            Assert.False(selection.HasEnvironments);
            Assert.Null(selection.Site!.Environment);
            Assert.Equal(new Uri("https://creatio.example.com"), selection.Site.Creatio.Url);
        }

        [Fact]
        public void Should_Tell_The_Single_Site_Loader_To_Choose_An_Environment()
        {
            // Given, When
            var exception = new ConfigFixture().Reject(Yaml);

            // Then
            Assert.Contains("several Creatio sites (dev, prod); choose with --environment NAME", exception.Message, StringComparison.Ordinal);
        }
    }

    public sealed class TheStructure
    {
        [Theory]
        [InlineData("  all:\n    creatio: {}", "'all' cannot name an environment")]
        [InlineData("  dev site:\n    creatio: {}", "environment name 'dev site' must be")]
        [InlineData("  DEV:\n    creatio: {}", "environment 'DEV' repeats 'dev'")]
        [InlineData("  qa:\n    proxy: http://proxy", "unknown key 'proxy' in environments.qa")]
        public void Should_Reject_A_Bad_Environment_Entry(string entry, string fragment)
        {
            // Given
            var yaml = Yaml + "\n" + entry + "\n";

            // When
            var exception = Assert.Throws<ConfigurationException>(() => Load(Fixture(), yaml, "dev"));

            // Then
            Assert.Contains(exception.Errors, error => error.Message.Contains(fragment, StringComparison.Ordinal));
        }

        [Fact]
        public void Should_Reject_Site_Keys_At_The_Top_Beside_Environments()
        {
            // Given
            var yaml = Yaml + "\nsettings:\n  UsrStray: x\n";

            // When
            var exception = Assert.Throws<ConfigurationException>(() => Load(Fixture(), yaml, "dev"));

            // Then
            ConfigFixture.AssertError(exception, 38, 1, "settings belongs under defaults:");
        }

        [Fact]
        public void Should_Reject_Defaults_Without_Environments()
        {
            // Given
            const string yaml = "version: 1\ndefaults:\n  creatio:\n    username: admin\n";

            // When
            var exception = Assert.Throws<ConfigurationException>(() => Load(Fixture(), yaml, "dev"));

            // Then
            Assert.Contains(exception.Errors, error => error.Message.Contains("environments is required", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_List_The_Names_Without_Any_Variable_Set()
        {
            // Given, When
            var names = Read(Yaml, ConfigLoader.ReadEnvironmentNames);

            // Then
            Assert.Equal(["dev", "prod"], names);
        }
    }
}
