using CreatioIdentity.Checks;
using CreatioIdentity.Steps;

namespace CreatioIdentity.Tests.Reporting;

public sealed class ReportErrorCodeTests
{
    public sealed class TheRecordMethod
    {
        [Fact]
        public void Should_Write_The_Error_Code_And_What_Was_Not_Applied_And_Keep_Them_When_Steps_Merge()
        {
            // Given: a step that failed mid-write, then a later step process of the same run
            using var fixture = new ReportStoreFixture();
            var failed = new StepResult("ApplySettings", StepStatus.Failed, 12, [], [], "Creatio answered with HTTP 503.", ErrorCodes.HttpStatus,
                [new NotApplied("OAuth20IdentityServerUrl", "https://old.example.com", "https://identity.example.com", WriteState.Unknown)]);
            fixture.Record(failed);

            // When
            var report = fixture.Record(new StepResult("TestConnection", StepStatus.Skipped, 0, [], [], "Skipped: an earlier step failed."));

            // Then
            var step = report.Steps[0];
            Assert.Equal(ErrorCodes.HttpStatus, step.ErrorCode);
            Assert.Equal([new NotApplied("OAuth20IdentityServerUrl", "https://old.example.com", "https://identity.example.com", WriteState.Unknown)], step.NotApplied);
            using var json = fixture.ReadJson();
            var written = json.RootElement.GetProperty("steps")[0];
            Assert.Equal("http-status", written.GetProperty("errorCode").GetString());
            Assert.Equal("unknown", written.GetProperty("notApplied")[0].GetProperty("state").GetString());
            Assert.Equal("https://old.example.com", written.GetProperty("notApplied")[0].GetProperty("from").GetString());
            Assert.False(json.RootElement.GetProperty("steps")[1].TryGetProperty("errorCode", out _));
        }

        [Fact]
        public void Should_Write_The_Error_Code_Of_A_Failed_Check_Only()
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            fixture.Record(new StepResult("Preflight", StepStatus.Failed, 5, [],
                [CheckResult.Fail(CheckIds.CreatioLogin, "Creatio could not be reached.", "creatio.url", ErrorCodes.Connect), CheckResult.Pass(CheckIds.IdentityServiceDiscovery, "ok")],
                ErrorCode: ErrorCodes.Connect));

            // Then
            using var json = fixture.ReadJson();
            var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(check => check.GetProperty("id").GetString()!);
            Assert.Equal("connect", checks[CheckIds.CreatioLogin].GetProperty("errorCode").GetString());
            Assert.False(checks[CheckIds.IdentityServiceDiscovery].TryGetProperty("errorCode", out _));
        }
    }

    public sealed class TheStepTuning
    {
        [Theory]
        [InlineData(null, null, 120)]
        [InlineData("1", null, 61)]
        [InlineData("1", "10", 10)]
        [InlineData(null, "300", 300)]
        [InlineData(null, "soon", 120)]
        public void Should_Take_The_Step_Deadline_From_The_Environment(string? settle, string? deadline, int expectedSeconds)
        {
            // Given
            var environment = new Dictionary<string, string?> { [StepTuning.SettleVariable] = settle, [StepTuning.DeadlineVariable] = deadline };

            // When
            var tuning = StepTuning.FromEnvironment(name => environment.GetValueOrDefault(name));

            // Then
            Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), tuning.StepDeadline);
        }
    }
}
