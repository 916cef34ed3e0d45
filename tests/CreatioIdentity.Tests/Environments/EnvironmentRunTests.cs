using CreatioIdentity.Checks;
using CreatioIdentity.Reporting;
using CreatioIdentity.Steps;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.Environments;

/// <summary>Several Creatio sites in one process: each its own session, report section and status.</summary>
public sealed class EnvironmentRunTests
{
    public sealed class TheConnectCommand
    {
        [Fact]
        public async Task Should_Connect_Every_Site_With_Its_Own_Credentials_And_Session()
        {
            // Given
            await using var world = await EngineRun.StartSitesAsync("dev", "test", "prod");

            // When
            var run = await world.RunSitesAsync("connect", "all");

            // Then: the exit code and one section per site, in name order
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.True(run.Report!.Ok);
            Assert.Equal(["dev", "prod", "test"], run.Report.Environments!.Select(environment => environment.Name));
            Assert.Empty(run.Report.Checks);
            Assert.All(run.Report.Environments!, environment =>
            {
                Assert.True(environment.Ok);
                Assert.Equal(world[environment.Name].CreatioUrl.AbsoluteUri, environment.Creatio);
                Assert.Equal(CheckIds.All, environment.Checks.Select(check => check.Id));
                Assert.All(environment.Checks, check => Assert.Equal(CheckStatus.Pass, check.Status));
            });

            // Then: each Creatio received its own settings and one login of its own
            foreach (var name in world.Names)
            {
                var creatio = world[name].Creatio;
                Assert.Equal(1, creatio.LoginCount);
                Assert.True(creatio.GetFeatureState("OAuth20Integration"));
                Assert.True(creatio.DefaultResourceRegistered);
                Assert.Equal(world[name].IdentityServiceUrl.AbsoluteUri, creatio.GetSetting(OAuthSettingCodes.Url));
                Assert.Equal(world[name].Options.ClientSecret, creatio.GetSetting(OAuthSettingCodes.ClientSecret));
                Assert.Single(creatio.Writes, request => request.Path.EndsWith("PostSysSettingsValues", StringComparison.Ordinal));
            }

            // Then: each site's own single-site reports
            foreach (var name in world.Names)
            {
                var own = world.ReportOf(name)!;
                Assert.True(own.Ok);
                Assert.Equal(world[name].CreatioUrl.AbsoluteUri, own.Creatio);
                Assert.Contains($"{name}/junit.xml", run.ReportFiles.Keys);
                Assert.Contains($"{name}/summary.md", run.ReportFiles.Keys);
            }
        }

        [Fact]
        public async Task Should_Keep_The_Other_Sites_Green_When_One_Has_A_Wrong_Password()
        {
            // Given
            await using var world = await EngineRun.StartSitesAsync("dev", "test", "prod");
            world.Environment["TEST_CREATIO_PASSWORD"] = "not-the-password";

            // When
            var run = await world.RunSitesAsync("connect", "all");

            // Then: the run is red, and so is test alone
            Assert.Equal(1, run.ExitCode);
            Assert.False(run.Report!.Ok);
            var test = Assert.Single(run.Report.Environments!, environment => environment.Name == "test");
            Assert.False(test.Ok);
            Assert.Equal(CheckStatus.Fail, Assert.Single(test.Checks, check => check.Id == CheckIds.CreatioLogin).Status);
            Assert.Empty(world["test"].Creatio.Writes);

            // Then: dev and prod are connected, as if test did not exist
            foreach (var name in new[] { "dev", "prod" })
            {
                var section = Assert.Single(run.Report.Environments!, environment => environment.Name == name);
                Assert.True(section.Ok, name);
                Assert.All(section.Checks, check => Assert.Equal(CheckStatus.Pass, check.Status));
                Assert.Equal(world[name].Options.ClientSecret, world[name].Creatio.GetSetting(OAuthSettingCodes.ClientSecret));
                Assert.True(world[name].Creatio.DefaultResourceRegistered);
            }

            Assert.Contains("test: CreatioLogin:", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Keep_The_Other_Site_Green_When_One_Creatio_Is_Down()
        {
            // Given
            await using var world = await EngineRun.StartSitesAsync("dev", "prod");
            await world.StopAsync("dev");

            // When
            var run = await world.RunSitesAsync("connect", "all");

            // Then
            Assert.Equal(1, run.ExitCode);
            Assert.False(run.Report!.Environments!.Single(environment => environment.Name == "dev").Ok);
            var prod = run.Report.Environments!.Single(environment => environment.Name == "prod");
            Assert.True(prod.Ok, run.Output);
            Assert.True(world["prod"].Creatio.DefaultResourceRegistered);
        }

        [Fact]
        public async Task Should_Run_Only_The_Named_Environment_And_Need_Only_Its_Variables()
        {
            // Given: prod's variables are not set in this leg
            await using var world = await EngineRun.StartSitesAsync("dev", "prod");
            world.Environment.Remove("PROD_CREATIO_PASSWORD");
            world.Environment.Remove("PROD_IDENTITY_CLIENT_SECRET");

            // When
            var run = await world.RunSitesAsync("connect", "dev");

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(["dev"], run.Report!.Environments!.Select(environment => environment.Name));
            Assert.NotEmpty(world["dev"].Creatio.Writes);
            Assert.Empty(world["prod"].Creatio.Requests);
        }

        [Fact]
        public async Task Should_Never_Print_Or_Write_A_Secret_Of_Any_Site()
        {
            // Given
            await using var world = await EngineRun.StartSitesAsync("dev", "prod");
            world.Environment["PROD_IDENTITY_CLIENT_SECRET"] = "wrong-" + world["prod"].Options.ClientSecret;

            // When
            var run = await world.RunSitesAsync("connect", "all");

            // Then
            Assert.Equal(1, run.ExitCode);
            string[] secrets = [.. world.Secrets, "wrong-" + world["prod"].Options.ClientSecret];
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, run.Output, StringComparison.Ordinal);
                Assert.All(world.ReportFiles(), file => Assert.DoesNotContain(secret, file.Value, StringComparison.Ordinal));
            }
        }
    }

    public sealed class TheExitCode
    {
        [Fact]
        public async Task Should_Be_3_When_One_Site_Is_Misconfigured_And_Still_Run_The_Others()
        {
            // Given: test's password variable is unset, dev's plan has changes pending
            await using var world = await EngineRun.StartSitesAsync("dev", "test");
            world.Environment.Remove("TEST_CREATIO_PASSWORD");

            // When
            var run = await world.RunSitesAsync("plan", "all");

            // Then
            Assert.Equal(3, run.ExitCode);
            var test = run.Report!.Environments!.Single(environment => environment.Name == "test");
            Assert.Equal("Validate", Assert.Single(test.Steps).Name);
            Assert.Contains("TEST_CREATIO_PASSWORD", test.Steps[0].Error, StringComparison.Ordinal);
            Assert.Contains("environment 'test': environment variable TEST_CREATIO_PASSWORD is not set", run.Output, StringComparison.Ordinal);
            Assert.Empty(world["test"].Creatio.Requests);
            var dev = run.Report.Environments!.Single(environment => environment.Name == "dev");
            Assert.Contains(dev.Steps, step => step.Name == "Plan" && step.Changes.Count > 0);
        }

        [Fact]
        public async Task Should_Be_3_And_Touch_Neither_When_Two_Sites_Point_At_One_Creatio()
        {
            // Given: prod's url was copied from dev's and never changed; test is a site of its own
            await using var world = await EngineRun.StartSitesAsync("dev", "test", "prod");
            world.Environment["PROD_CREATIO_URL"] = world["dev"].CreatioUrl.AbsoluteUri.TrimEnd('/');
            world.Environment["PROD_CREATIO_PASSWORD"] = world["dev"].Options.CreatioPassword;

            // When
            var run = await world.RunSitesAsync("connect", "all");

            // Then: neither dev nor prod ran, so the one Creatio received nothing; test connected
            Assert.Equal(3, run.ExitCode);
            Assert.Empty(world["dev"].Creatio.Requests);
            Assert.Empty(world["prod"].Creatio.Requests);
            foreach (var name in new[] { "dev", "prod" })
            {
                var site = run.Report!.Environments!.Single(environment => environment.Name == name);
                Assert.False(site.Ok);
                Assert.Contains("is the same Creatio site as environment", Assert.Single(site.Steps).Error, StringComparison.Ordinal);
            }

            Assert.True(run.Report!.Environments!.Single(environment => environment.Name == "test").Ok);
            Assert.Contains("environment 'prod': creatio.url is the same Creatio site as environment 'dev'", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Be_1_Over_2_When_One_Site_Is_Red_And_Another_Has_Changes_Pending()
        {
            // Given
            await using var world = await EngineRun.StartSitesAsync("dev", "test");
            world.Environment["TEST_CREATIO_PASSWORD"] = "not-the-password";

            // When
            var run = await world.RunSitesAsync("plan", "all");

            // Then
            Assert.Equal(1, run.ExitCode);
        }

        [Fact]
        public async Task Should_Be_2_When_Every_Site_Is_Reachable_And_One_Has_Changes_Pending()
        {
            // Given: dev already connected, test fresh
            await using var world = await EngineRun.StartSitesAsync("dev", "test");
            Assert.Equal(0, (await world.RunSitesAsync("connect", "dev")).ExitCode);

            // When
            var run = await world.RunSitesAsync("plan", "all");

            // Then
            Assert.Equal(2, run.ExitCode);
            Assert.All(run.Report!.Environments!.Single(environment => environment.Name == "dev").Steps, step => Assert.Empty(step.Changes));
        }
    }

    public sealed class TheParallelBound
    {
        [Fact]
        public async Task Should_Run_One_Site_After_The_Other_With_Parallel_1()
        {
            // Given
            await using var world = await EngineRun.StartSitesAsync("dev", "prod");

            // When
            var run = await world.RunSitesAsync("preflight", parallel: 1, "all");

            // Then: the second site's first request comes after the first site's last one
            Assert.Equal(0, run.ExitCode);
            var spans = world.Names
                .Select(name => (First: world[name].Creatio.Requests.Min(request => request.At), Last: world[name].Creatio.Requests.Max(request => request.At)))
                .OrderBy(span => span.First)
                .ToList();
            Assert.True(spans[0].Last <= spans[1].First, "the two sites overlapped although --parallel 1");
        }

        [Fact]
        public async Task Should_Show_Each_Site_As_One_Block_Even_When_They_Run_Together()
        {
            // Given
            await using var world = await EngineRun.StartSitesAsync("dev", "test", "prod");

            // When
            var run = await world.RunSitesAsync("connect", parallel: 3, "all");

            // Then: every line about a site lies between its own title and the next title
            Assert.Equal(0, run.ExitCode);
            var lines = run.Output.Split('\n');
            foreach (var name in world.Names)
            {
                var title = Array.FindIndex(lines, line => line == $"── {name}");
                Assert.True(title >= 0, run.Output);
                var next = Array.FindIndex(lines, title + 1, line => line.StartsWith("──", StringComparison.Ordinal));
                var block = lines[title..(next < 0 ? lines.Length : next)];
                var mentions = Enumerable.Range(0, lines.Length)
                    .Where(index => lines[index].Contains(Path.Combine(world.ReportDir, name, ReportStore.ReportFileName), StringComparison.Ordinal)
                        || lines[index].Contains($"Logged in to {world[name].CreatioUrl}", StringComparison.Ordinal))
                    .ToList();
                Assert.Equal(2, mentions.Count);
                Assert.All(mentions, index => Assert.InRange(index, title, next < 0 ? lines.Length : next));
                Assert.StartsWith($"{name}: Creatio Identity Service: connected", block[1], StringComparison.Ordinal);
                Assert.Contains(block, line => line.StartsWith("Preflight", StringComparison.Ordinal));
                Assert.Contains(block, line => line.StartsWith("Diagnose", StringComparison.Ordinal));
            }
        }
    }
}
