using System.Text.Json;
using CreatioIdentity.Checks;
using CreatioIdentity.GitHub;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Tests.GitHub;

public sealed class ReportEnvironmentsTests
{
    public sealed class TheOfMethod
    {
        [Fact]
        public void Should_Make_One_Environment_Named_By_Its_Host_Of_A_Single_Site_Report()
        {
            // Given
            var report = Reports.SiteAt("https://creatio.example.com:8443/", "run-1", CheckIds.CreatioLogin);

            // When
            var environment = Assert.Single(ReportEnvironments.Of(report));

            // Then
            Assert.Equal("creatio.example.com", environment.Name);
            Assert.Equal("https://creatio.example.com:8443/", environment.Creatio);
            Assert.False(environment.Ok);
            Assert.Equal([CheckIds.CreatioLogin], ReportEnvironments.RedItems(environment));
        }

        [Fact]
        public void Should_Name_A_Failed_Step_When_No_Check_Is_Red()
        {
            // Given: the step failed before it decided any check
            var environment = new EnvironmentReport("prod", false, "https://prod.example.com", [new StepResult("Preflight", StepStatus.Failed, 10, [], [], "Creatio could not be reached.")], []);

            // When
            var red = ReportEnvironments.RedItems(environment);

            // Then
            Assert.True(ReportEnvironments.IsRed(environment));
            Assert.Equal(["step:Preflight"], red);
        }
    }

    public sealed class TheEnvironmentsOfReportJson : IDisposable
    {
        private readonly string directory = Directory.CreateTempSubdirectory("creatio-identity-tests-").FullName;

        public void Dispose()
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        [Fact]
        public void Should_Be_Written_And_Read_Back_Through_The_Report_Store()
        {
            // Given
            var report = Reports.Environments(Reports.Environment("prod", CheckIds.AccessTokenRetrievable), Reports.Environment("test"));
            Directory.CreateDirectory(directory);
            using (var stream = File.Create(Path.Combine(directory, ReportStore.ReportFileName)))
            {
                ReportJson.Serialize(report, stream, toolVersion: null);
            }

            // When
            var read = ReportStore.TryRead(directory)!;
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, ReportStore.ReportFileName)));

            // Then
            Assert.False(read.Ok);
            Assert.Collection(
                read.Environments!,
                prod =>
                {
                    Assert.Equal(("prod", false, "https://prod.creatio.example.com"), (prod.Name, prod.Ok, prod.Creatio));
                    Assert.Equal(CheckStatus.Fail, prod.Checks.Single(c => c.Id == CheckIds.AccessTokenRetrievable).Status);
                    Assert.Equal("Diagnose", Assert.Single(prod.Steps).Name);
                },
                test => Assert.Equal(("test", true, CheckIds.All.Count), (test.Name, test.Ok, test.Checks.Count)));
            Assert.Equal("prod", json.RootElement.GetProperty("environments")[0].GetProperty("name").GetString());
        }

        [Fact]
        public void Should_Be_Left_Out_Of_A_Single_Site_Report()
        {
            // Given
            Directory.CreateDirectory(directory);
            using (var stream = File.Create(Path.Combine(directory, ReportStore.ReportFileName)))
            {
                ReportJson.Serialize(Reports.Site(), stream, toolVersion: null);
            }

            // When
            var read = ReportStore.TryRead(directory)!;
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, ReportStore.ReportFileName)));

            // Then
            Assert.Null(read.Environments);
            Assert.False(json.RootElement.TryGetProperty("environments", out _));
        }
    }
}
