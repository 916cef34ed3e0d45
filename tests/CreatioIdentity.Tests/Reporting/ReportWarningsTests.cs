using CreatioIdentity.Reporting;
using static CreatioIdentity.Tests.Reporting.Results;

namespace CreatioIdentity.Tests.Reporting;

/// <summary>The warnings array of report.json: an addition to schema version 1, absent when there is nothing to warn about.</summary>
public sealed class ReportWarningsTests
{
    private static readonly ReportWarning Insecure = new("INSECURE: creatio.tls.insecureSkipVerify is true", "creatio-identity.yml", 8, 25);

    public sealed class TheRecordMethod
    {
        [Fact]
        public void Should_Keep_Each_Warning_Once_Across_The_Step_Processes_Of_A_Run()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            ReportStore.Record(fixture.ReportDir, fixture.Command, fixture.CreatioUrl, fixture.RunId, [Step("Validate")], [Insecure]);

            // When
            ReportStore.Record(fixture.ReportDir, fixture.Command, fixture.CreatioUrl, fixture.RunId, [Step("Preflight")], [Insecure]);

            // Then
            Assert.Equal([Insecure], ReportStore.TryRead(fixture.ReportDir)!.Warnings);
            var warning = Assert.Single(fixture.ReadJson().RootElement.GetProperty("warnings").EnumerateArray());
            Assert.Equal("INSECURE: creatio.tls.insecureSkipVerify is true", warning.GetProperty("message").GetString());
            Assert.Equal(("creatio-identity.yml", 8, 25), (warning.GetProperty("file").GetString(), warning.GetProperty("line").GetInt32(), warning.GetProperty("column").GetInt32()));
        }

        [Fact]
        public void Should_Leave_The_Array_Out_When_There_Is_No_Warning()
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            fixture.Record(Step("Validate"));

            // Then
            Assert.False(fixture.ReadJson().RootElement.TryGetProperty("warnings", out _));
        }

        [Fact]
        public void Should_Drop_The_Warnings_Of_Another_Run()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            ReportStore.Record(fixture.ReportDir, fixture.Command, fixture.CreatioUrl, "run-1", [Step("Validate")], [Insecure]);

            // When
            var report = ReportStore.Record(fixture.ReportDir, fixture.Command, fixture.CreatioUrl, "run-2", [Step("Validate")]);

            // Then
            Assert.Empty(report.Warnings);
        }
    }
}
