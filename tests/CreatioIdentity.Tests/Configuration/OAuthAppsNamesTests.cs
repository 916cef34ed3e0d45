using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tests.Configuration;

/// <summary>The names oauthApps: gives: an app's (Creatio's column) and a GitHub secret's (GitHub's rule).</summary>
public sealed class OAuthAppsNamesTests
{
    private static string App(string name, string secret) => ConfigFixture.MinimalYaml + $"""

        oauthApps:
          {name}:
            applicationUrl: https://erp.example.com
            systemUser: ErpIntegration
            credentials:
              githubSecret: {secret}
        """;

    public sealed class TheAppName
    {
        [Fact]
        public void Should_Take_A_Name_Of_Exactly_250_Characters()
        {
            // Given
            var name = new string('a', OAuthAppsReader.MaxNameLength);

            // When
            var config = new ConfigFixture().Parse(App(name, "ERP_SYNC"));

            // Then
            Assert.Equal(name, Assert.Single(config.OAuthApps.Apps).Name);
        }

        [Fact]
        public void Should_Refuse_A_Name_Longer_Than_Creatio_Stores()
        {
            // Given
            var name = new string('a', OAuthAppsReader.MaxNameLength + 1);

            // When
            var exception = new ConfigFixture().Reject(App(name, "ERP_SYNC"));

            // Then
            ConfigFixture.AssertError(exception, 11, 3, "an app name is at most 250 characters", "this one has 251");
        }
    }

    public sealed class TheSecretName
    {
        [Theory]
        [InlineData("GITHUB_ERP")]
        [InlineData("github_erp")]
        [InlineData("1ERP")]
        [InlineData("ERP-SYNC")]
        public void Should_Refuse_A_Name_GitHub_Refuses(string secret)
        {
            // Given, When
            var exception = new ConfigFixture().Reject(App("erp", secret));

            // Then
            ConfigFixture.AssertError(exception, 15, 21, "oauthApps.erp.credentials.githubSecret must be", $"'{secret}' is not");
        }

        [Theory]
        [InlineData("ERP_SYNC")]
        [InlineData("_erp2")]
        [InlineData("MY_GITHUB_ERP")]
        public void Should_Take_A_Name_GitHub_Takes(string secret)
        {
            // Given, When
            var config = new ConfigFixture().Parse(App("erp", secret));

            // Then
            Assert.Equal(secret, Assert.Single(config.OAuthApps.Apps).Credentials.GitHubSecret?.Name);
        }
    }
}
