using System.Diagnostics;
using CreatioIdentity.Configuration;
using CreatioIdentity.Tests.PrivateFiles;

namespace CreatioIdentity.Tests.Configuration;

/// <summary>oauthApps: the integrated applications the file declares (issue 12's contract), read before anything is written.</summary>
public sealed class OAuthAppsConfigTests
{
    private const string ErpSync = """

        oauthApps:
          erp-sync:
            applicationUrl: https://erp.example.com
            systemUser: ErpIntegration
            description: ERP nightly sync
            credentials:
              file: secrets/erp-sync.json
              githubSecret: ERP_SYNC
        """;

    public sealed class TheContract
    {
        [Fact]
        public void Should_Read_Every_Key_Of_The_Issue()
        {
            // When
            var config = new ConfigFixture().Parse(ConfigFixture.MinimalYaml + ErpSync);

            // Then
            var app = Assert.Single(config.OAuthApps.Apps);
            Assert.True(config.OAuthApps.Declared);
            Assert.False(config.OAuthApps.Prune);
            Assert.Equal("erp-sync", app.Name);
            Assert.Equal(new Uri("https://erp.example.com"), app.ApplicationUrl);
            Assert.Equal("ErpIntegration", app.SystemUser);
            Assert.False(app.TechnicalUser);
            Assert.Equal("ERP nightly sync", app.Description);
            Assert.True(app.Active);
            Assert.True(Path.IsPathRooted(app.Credentials.File));
            Assert.EndsWith(Path.Combine("secrets", "erp-sync.json"), app.Credentials.File, StringComparison.Ordinal);
            Assert.Equal(new GitHubSecretTarget("ERP_SYNC", null), app.Credentials.GitHubSecret);
        }

        [Fact]
        public void Should_Declare_Nothing_Without_The_Key()
        {
            // When
            var config = new ConfigFixture().Parse(ConfigFixture.MinimalYaml);

            // Then
            Assert.False(config.OAuthApps.Declared);
            Assert.Empty(config.OAuthApps.Apps);
        }

        [Fact]
        public void Should_Read_Prune_Technical_User_Inactive_And_An_Environments_Secret()
        {
            // When
            var config = new ConfigFixture().Parse(ConfigFixture.MinimalYaml + """

                oauthApps:
                  prune: true
                  dwh:
                    applicationUrl: https://dwh.example.com
                    technicalUser: true
                    active: false
                    credentials:
                      githubSecret: { name: DWH, environment: production }
                      pipelineVariables: DWH
                """);

            // Then
            Assert.True(config.OAuthApps.Prune);
            var app = Assert.Single(config.OAuthApps.Apps);
            Assert.True(app.TechnicalUser);
            Assert.Null(app.SystemUser);
            Assert.False(app.Active);
            Assert.Equal(new GitHubSecretTarget("DWH", "production"), app.Credentials.GitHubSecret);
            Assert.Equal("DWH", app.Credentials.PipelineVariables);
        }
    }

    public sealed class TheEnvironments
    {
        [Fact]
        public void Should_Merge_An_Environments_Apps_Over_The_Defaults_Key_By_Key()
        {
            // Given
            var yaml = """
                version: 1
                defaults:
                  identityService: { url: https://identity.example.com, clientId: c, clientSecret: "${IDENTITY_CLIENT_SECRET}" }
                  creatio: { username: u, password: "${CREATIO_PASSWORD}" }
                  oauthApps:
                    erp-sync:
                      applicationUrl: https://erp.example.com
                      systemUser: ErpIntegration
                      credentials: { pipelineVariables: ERP_SYNC }
                environments:
                  prod:
                    creatio: { url: https://prod.example.com }
                    oauthApps:
                      erp-sync: { applicationUrl: https://erp.prod.example.com }
                      dwh: { applicationUrl: https://dwh.example.com, systemUser: Dwh, credentials: { pipelineVariables: DWH } }
                """;

            // When
            var selection = new ConfigFixture().LoadSelection(yaml, "prod");

            // Then
            var config = Assert.Single(selection.Environments).Config!;
            Assert.Equal(["erp-sync", "dwh"], config.OAuthApps.Apps.Select(app => app.Name));
            Assert.Equal(new Uri("https://erp.prod.example.com"), config.OAuthApps.Apps[0].ApplicationUrl);
            Assert.Equal("ErpIntegration", config.OAuthApps.Apps[0].SystemUser);
        }
    }

    public sealed class SharedDestinations
    {
        [Fact]
        public void Should_Refuse_Two_Environments_Run_Together_That_Write_One_Credentials_File()
        {
            // Given: the app and its file under defaults:, so both sites would write the same file
            var yaml = """
                version: 1
                defaults:
                  identityService: { url: https://identity.example.com, clientId: c, clientSecret: "${IDENTITY_CLIENT_SECRET}" }
                  creatio: { username: u, password: "${CREATIO_PASSWORD}" }
                  oauthApps:
                    erp-sync:
                      applicationUrl: https://erp.example.com
                      systemUser: ErpIntegration
                      credentials: { file: /tmp/erp-sync.json }
                environments:
                  dev: { creatio: { url: https://dev.example.com } }
                  prod: { creatio: { url: https://prod.example.com } }
                """;

            // When
            var all = new ConfigFixture().LoadSelection(yaml, "all");
            var one = new ConfigFixture().LoadSelection(yaml, "prod");

            // Then
            Assert.All(all.Environments, selected => Assert.Contains(selected.Errors, error => error.Message.Contains("each site's secret would overwrite the other's", StringComparison.Ordinal)));
            Assert.Equal(9, all.Environments[0].Errors[0].Location.Line);
            Assert.NotNull(Assert.Single(one.Environments).Config);
        }
    }

    public sealed class TheBadInput
    {
        [Fact]
        public void Should_Refuse_An_Invalid_Url_At_Its_Line()
        {
            // When
            var exception = new ConfigFixture().Reject(ConfigFixture.MinimalYaml + ErpSync.Replace("https://erp.example.com", "erp.example.com", StringComparison.Ordinal));

            // Then
            ConfigFixture.AssertError(exception, 12, 21, "oauthApps.erp-sync.applicationUrl must be an absolute http or https URL");
        }

        [Fact]
        public void Should_Refuse_Two_Names_That_Differ_Only_In_Letter_Case()
        {
            // When
            var exception = new ConfigFixture().Reject(ConfigFixture.MinimalYaml + """

                oauthApps:
                  erp-sync: { applicationUrl: https://a.example.com, systemUser: A, credentials: { pipelineVariables: A } }
                  ERP-Sync: { applicationUrl: https://b.example.com, systemUser: B, credentials: { pipelineVariables: B } }
                """);

            // Then
            ConfigFixture.AssertError(exception, 12, 3, "oauthApps.ERP-Sync repeats the app 'erp-sync'");
        }

        [Fact]
        public void Should_Refuse_An_App_Without_A_User()
        {
            // When
            var exception = new ConfigFixture().Reject(ConfigFixture.MinimalYaml + "\noauthApps:\n  erp-sync: { applicationUrl: https://a.example.com, credentials: { pipelineVariables: A } }\n");

            // Then
            ConfigFixture.AssertError(exception, 11, 3, "needs the user the app acts as");
        }

        [Fact]
        public void Should_Refuse_An_App_Whose_Secret_Would_Go_Nowhere()
        {
            // When
            var exception = new ConfigFixture().Reject(ConfigFixture.MinimalYaml + "\noauthApps:\n  erp-sync:\n    applicationUrl: https://a.example.com\n    systemUser: A\n    credentials: {}\n");

            // Then
            ConfigFixture.AssertError(exception, 14, 5, "names no destination", "shows a new secret once");
        }

        [Fact]
        public void Should_Refuse_Two_Apps_Writing_One_File()
        {
            // When
            var exception = new ConfigFixture().Reject(ConfigFixture.MinimalYaml + """

                oauthApps:
                  erp-sync: { applicationUrl: https://a.example.com, systemUser: A, credentials: { file: secrets/one.json } }
                  dwh: { applicationUrl: https://b.example.com, systemUser: B, credentials: { file: secrets/one.json } }
                """);

            // Then
            ConfigFixture.AssertError(exception, 12, 3, "erp-sync and dwh share credentials.file");
        }
    }

    public sealed class TheCredentialsFile
    {
        private static void Git(string folder, params string[] arguments)
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var git = Process.Start(start)!;
            git.WaitForExit();
            Assert.Equal(0, git.ExitCode);
        }

        private static string Yaml(string file) =>
            ConfigFixture.MinimalYaml + $"\noauthApps:\n  erp-sync:\n    applicationUrl: https://a.example.com\n    systemUser: A\n    credentials:\n      file: {file}\n";

        [Fact]
        public void Should_Refuse_A_File_In_A_Git_Work_Tree_That_Git_Does_Not_Ignore()
        {
            // Given
            using var temp = new OwnTempFolder();
            Git(temp.Root, "init", "-q");
            var fixture = new ConfigFixture { DisplayPath = temp.PathOf("creatio-identity.yml") };

            // When
            var exception = fixture.Reject(Yaml("secrets/erp-sync.json"));

            // Then
            ConfigFixture.AssertError(exception, 15, 13, "git does not ignore it", ".gitignore");
            Assert.False(Directory.Exists(temp.PathOf("secrets")));
        }

        [Fact]
        public void Should_Accept_A_File_Git_Ignores()
        {
            // Given
            using var temp = new OwnTempFolder();
            Git(temp.Root, "init", "-q");
            File.WriteAllText(temp.PathOf(".gitignore"), "secrets/\n");
            var fixture = new ConfigFixture { DisplayPath = temp.PathOf("creatio-identity.yml") };

            // When
            var config = fixture.Parse(Yaml("secrets/erp-sync.json"));

            // Then
            Assert.Equal(temp.PathOf("secrets", "erp-sync.json"), config.OAuthApps.Apps[0].Credentials.File);
        }

        [Fact]
        public void Should_Accept_A_File_Outside_Any_Work_Tree()
        {
            // Given
            using var temp = new OwnTempFolder();
            var fixture = new ConfigFixture { DisplayPath = temp.PathOf("creatio-identity.yml") };

            // When
            var config = fixture.Parse(Yaml("secrets/erp-sync.json"));

            // Then
            Assert.Single(config.OAuthApps.Apps);
        }
    }
}
