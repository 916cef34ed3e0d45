using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tests.Configuration;

/// <summary>Details of reading a file that a user meets once in a while: each is what a mutant of the readers changed unnoticed.</summary>
public sealed class ReadingDetailsTests
{
    public sealed class TheCreatioWaits
    {
        [Fact]
        public void Should_Take_The_Health_Check_Timeout_And_The_Feature_Window_As_Written()
        {
            // Given
            var yaml = ConfigFixture.MinimalWith("  password: ${CREATIO_PASSWORD}\n", "  password: ${CREATIO_PASSWORD}\n  healthCheckTimeoutSeconds: 7\n  featureConfirmSeconds: 11\n");

            // When
            var config = new ConfigFixture().Parse(yaml);

            // Then
            Assert.Equal((TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(11)), (config.Creatio.HealthCheckTimeout, config.Creatio.FeatureConfirmWindow));
        }

        [Fact]
        public void Should_Wait_The_Defaults_When_Nothing_Is_Written()
        {
            // Given, When
            var config = new ConfigFixture().Parse(ConfigFixture.MinimalYaml);

            // Then
            Assert.Equal(
                (TimeSpan.FromSeconds(CreatioOptions.DefaultHealthCheckTimeoutSeconds), TimeSpan.FromSeconds(CreatioOptions.DefaultFeatureConfirmSeconds)),
                (config.Creatio.HealthCheckTimeout, config.Creatio.FeatureConfirmWindow));
        }
    }

    public sealed class AnEmptyValue
    {
        [Fact]
        public void Should_Say_Which_Variable_Is_Set_But_Empty()
        {
            // Given
            var fixture = new ConfigFixture();
            fixture.Environment["IDENTITY_CLIENT_ID"] = string.Empty;

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalYaml);

            // Then
            ConfigFixture.AssertError(exception, 8, 13, "identityService.clientId must not be empty", "; environment variable IDENTITY_CLIENT_ID is set but empty");
        }

        [Fact]
        public void Should_Name_No_Variable_When_The_File_Wrote_The_Value_Empty()
        {
            // Given
            var fixture = new ConfigFixture();

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith("clientId: ${IDENTITY_CLIENT_ID}", "clientId: \"\""));

            // Then
            var error = ConfigFixture.AssertError(exception, 8, 13, "identityService.clientId must not be empty");
            Assert.DoesNotContain("environment variable", error.Message, StringComparison.Ordinal);
        }
    }

    public sealed class AChoiceFromTheEnvironment
    {
        [Fact]
        public void Should_Neither_Quote_Nor_Correct_A_Value_A_Variable_Gave()
        {
            // Given: a variable may hold a secret, so its value is not repeated, not even as a suggestion
            var fixture = new ConfigFixture();
            fixture.Environment["CREATIO_RUNTIME"] = "netframwork";

            // When
            var exception = fixture.Reject(ConfigFixture.MinimalWith("  username:", "  runtime: ${CREATIO_RUNTIME}\n  username:"));

            // Then
            var error = ConfigFixture.AssertError(exception, 4, 12, "creatio.runtime must be");
            Assert.DoesNotContain("netframwork", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("did you mean", error.Message, StringComparison.Ordinal);
        }
    }

    public sealed class TheErrorOrder
    {
        [Fact]
        public void Should_List_Errors_Of_One_Line_From_Left_To_Right()
        {
            // Given: three mistakes on one line
            var fixture = new ConfigFixture();
            var yaml = ConfigFixture.MinimalWith(
                "identityService:\n  url: https://identity.example.com\n  clientId: ${IDENTITY_CLIENT_ID}\n  clientSecret: ${IDENTITY_CLIENT_SECRET}",
                "identityService: {url: \"\", clientId: \"\", clientSecret: \"\"}");

            // When
            var exception = fixture.Reject(yaml);

            // Then
            var columns = exception.Errors.Where(error => error.Location.Line == 6).Select(error => error.Location.Column).ToList();
            Assert.True(columns.Count >= 2, exception.Message);
            Assert.Equal(columns.Order(), columns);
        }
    }

    public sealed class TheEnvironmentChoice
    {
        /// <summary>The minimal file's site under an environment name, at a Creatio URL of its own.</summary>
        private static string Site(string name) =>
            $"  {name}:\n" + string.Concat(ConfigFixture.MinimalWith("https://creatio.example.com", $"https://{name}.creatio.example.com")
                .Split('\n').Skip(1).Select(line => $"    {line}\n"));

        private static string Environments(params string[] names) => "version: 1\nenvironments:\n" + string.Concat(names.Select(Site));

        [Fact]
        public void Should_Take_Every_Environment_When_All_Is_One_Of_The_Names_Asked_For()
        {
            // Given, When
            var selection = new ConfigFixture().LoadSelection(Environments("only", "other"), "only", "ALL");

            // Then
            Assert.Equal(["only", "other"], selection.Environments.Select(environment => environment.Name));
        }

        [Fact]
        public void Should_Name_A_Single_Environment_In_The_Singular()
        {
            // Given
            var yaml = Environments("only");

            // When
            var exception = Assert.Throws<ConfigurationException>(() => new ConfigFixture().LoadSelection(yaml, "prod"));

            // Then
            Assert.Contains("which describes the environment only", exception.Message, StringComparison.Ordinal);
        }
    }
}
