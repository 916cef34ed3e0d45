using System.Xml.Linq;
using CreatioIdentity.Checks;
using CreatioIdentity.Reporting;
using static CreatioIdentity.Tests.Reporting.Results;

namespace CreatioIdentity.Tests.Reporting;

/// <summary>The report of a multi-site run: the single-site fields, plus one section per environment.</summary>
public sealed class EnvironmentReportTests
{
    private static EnvironmentReport Section(string name, bool ok)
    {
        var login = ok ? CheckResult.Pass(CheckIds.CreatioLogin, "Logged in.") : CheckResult.Fail(CheckIds.CreatioLogin, "Refused.");
        return new(name, ok, $"https://{name}.example.com/", [ok ? Step("Preflight", StepStatus.Unchanged, login) : Failed("Preflight", "Creatio refused the login.", login)], [login]);
    }

    public sealed class TheRecordEnvironmentsMethod
    {
        [Fact]
        public void Should_Write_The_Sections_In_Name_Order_And_Be_Ok_Only_When_Every_One_Is()
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            var report = ReportStore.RecordEnvironments(fixture.ReportDir, "monitor", "run-42", [Section("prod", ok: false), Section("dev", ok: true)]);

            // Then
            Assert.False(report.Ok);
            using var json = fixture.ReadJson();
            var root = json.RootElement;
            Assert.False(root.GetProperty("ok").GetBoolean());
            Assert.Equal("monitor", root.GetProperty("command").GetString());
            Assert.Equal(string.Empty, root.GetProperty("creatio").GetString());
            Assert.Equal(0, root.GetProperty("checks").GetArrayLength());
            var environments = root.GetProperty("environments").EnumerateArray().ToList();
            Assert.Equal(["dev", "prod"], environments.Select(environment => environment.GetProperty("name").GetString()));
            Assert.True(environments[0].GetProperty("ok").GetBoolean());
            Assert.Equal("https://prod.example.com/", environments[1].GetProperty("creatio").GetString());
            Assert.Equal("fail", environments[1].GetProperty("checks")[0].GetProperty("status").GetString());
            Assert.Equal("failed", environments[1].GetProperty("steps")[0].GetProperty("status").GetString());
        }

        [Fact]
        public void Should_Keep_The_Other_Environments_Of_The_Same_Run()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            ReportStore.RecordEnvironments(fixture.ReportDir, "connect", "run-42", [Section("dev", ok: false), Section("prod", ok: true)]);

            // When
            var report = ReportStore.RecordEnvironments(fixture.ReportDir, "connect", "run-42", [Section("dev", ok: true)]);

            // Then
            Assert.True(report.Ok);
            Assert.Equal(["dev", "prod"], ReportStore.TryRead(fixture.ReportDir)!.Environments!.Select(environment => environment.Name));
        }

        [Fact]
        public void Should_Start_Afresh_For_Another_Run()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            ReportStore.RecordEnvironments(fixture.ReportDir, "connect", "run-41", [Section("prod", ok: false)]);

            // When
            var report = ReportStore.RecordEnvironments(fixture.ReportDir, "connect", "run-42", [Section("dev", ok: true)]);

            // Then
            Assert.Equal(["dev"], report.Environments!.Select(environment => environment.Name));
        }

        [Fact]
        public void Should_Write_One_Test_Suite_Per_Environment()
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            ReportStore.RecordEnvironments(fixture.ReportDir, "connect", "run-42", [Section("dev", ok: true), Section("prod", ok: false)]);

            // Then
            var junit = XDocument.Load(Path.Combine(fixture.ReportDir, ReportStore.JUnitFileName));
            var suites = junit.Root!.Elements("testsuite").ToList();
            Assert.Equal(["creatio-identity.dev", "creatio-identity.prod"], suites.Select(suite => (string)suite.Attribute("name")!));
            Assert.Equal("1", (string)junit.Root.Attribute("failures")!);
            Assert.Equal("creatio-identity.prod.checks", (string)suites[1].Element("testcase")!.Attribute("classname")!);
            Assert.NotNull(suites[1].Element("testcase")!.Element("failure"));
        }

        [Fact]
        public void Should_Write_An_Overview_And_A_Section_Per_Environment_Into_The_Summary()
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            ReportStore.RecordEnvironments(fixture.ReportDir, "monitor", "run-42", [Section("dev", ok: true), Section("prod", ok: false)]);

            // Then
            var summary = File.ReadAllText(Path.Combine(fixture.ReportDir, ReportStore.SummaryFileName));
            Assert.StartsWith("## Creatio Identity Service: 1 of 2 environments not connected (prod) ❌", summary, StringComparison.Ordinal);
            Assert.Contains("| dev | ✅ ok | `https://dev.example.com/` | – |", summary, StringComparison.Ordinal);
            Assert.Contains("| prod | ❌ not ok | `https://prod.example.com/` | CreatioLogin |", summary, StringComparison.Ordinal);
            Assert.True(summary.IndexOf("### dev:", StringComparison.Ordinal) < summary.IndexOf("### prod:", StringComparison.Ordinal));
            Assert.Contains("#### Checks", summary, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Read_Back_What_It_Wrote()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            ReportStore.RecordEnvironments(fixture.ReportDir, "connect", "run-42", [Section("dev", ok: true), Section("prod", ok: false)]);

            // When
            var read = ReportStore.TryRead(fixture.ReportDir)!;

            // Then
            Assert.Equal(2, read.Environments!.Count);
            Assert.Equal("Refused.", read.Environments![1].Checks.Single().Message);
            Assert.Equal(StepStatus.Failed, read.Environments![1].Steps.Single().Status);
        }

        [Fact]
        public void Should_Leave_Environments_Out_Of_A_Single_Site_Report()
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            fixture.Record(Step("Diagnose"));

            // Then
            using var json = fixture.ReadJson();
            Assert.False(json.RootElement.TryGetProperty("environments", out _));
        }
    }
}
