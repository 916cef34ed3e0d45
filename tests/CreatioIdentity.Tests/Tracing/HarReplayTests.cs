using CreatioIdentity.Checks;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.Tracing;

/// <summary>
/// A trace becomes a test: the real engine runs against a recorded HAR file played back on
/// loopback, and ends as it ended where the trace was recorded.
/// </summary>
public sealed class HarReplayTests
{
    public sealed class ARecordedTrace
    {
        [Fact]
        public async Task Should_Bring_Connect_To_The_Same_Verdict_And_Checks_As_Where_It_Was_Recorded()
        {
            // Given: connect against the sandbox, traced
            RunResult recorded;
            using var temp = new CreatioIdentity.Tests.PrivateFiles.OwnTempFolder();
            var tracePath = temp.PathOf("trace.har");
            await using (var world = await EngineRun.StartAsync())
            {
                world.TracePath = tracePath;
                recorded = await world.RunAsync("connect");
            }

            // When: the sandbox is gone; the trace answers instead
            await using var replay = await ReplayRun.StartAsync(tracePath);
            var replayed = await replay.RunAsync("connect");

            // Then
            Assert.Equal(0, recorded.ExitCode);
            Assert.True(replayed.ExitCode == recorded.ExitCode, replayed.Output);
            Assert.Equal(Verdicts(recorded), Verdicts(replayed));
            Assert.Equal(recorded.Report!.Steps.Select(step => (step.Name, step.Status)), replayed.Report!.Steps.Select(step => (step.Name, step.Status)));
            replay.Replay.AssertEveryRequestAnswered();
        }

        private static IEnumerable<(string, CheckStatus)> Verdicts(RunResult run) => run.Report!.Checks.Select(check => (check.Id, check.Status));
    }

    public sealed class AHandWrittenTrace
    {
        [Fact]
        public async Task Should_Show_A_Health_Check_With_A_Problem_As_Red_Checks_With_Creatio_s_Message()
        {
            // Given: Traces/health-check-has-problem.har, a Creatio that cannot reach its Identity Service
            await using var replay = await ReplayRun.StartAsync("health-check-has-problem.har");

            // When
            var run = await replay.RunAsync("test-connection");

            // Then
            Assert.Equal(1, run.ExitCode);
            var checks = run.Report!.Checks.ToDictionary(check => check.Id);
            Assert.Equal(CheckStatus.Pass, checks[CheckIds.SystemSettingsFilledIn].Status);
            Assert.Equal(CheckStatus.Fail, checks[CheckIds.IdentityServiceAvailable].Status);
            Assert.Contains("Creatio says: No such host is known. (identity.corp.example:443)", checks[CheckIds.IdentityServiceAvailable].Message, StringComparison.Ordinal);
            Assert.Equal(CheckStatus.Fail, checks[CheckIds.AccessTokenRetrievable].Status);
            replay.Replay.AssertEveryRequestAnswered();
        }

        [Fact]
        public async Task Should_Name_The_Request_Nothing_Was_Recorded_For_And_What_The_Trace_Answers()
        {
            // Given: a trace of a login and a health check only
            await using var replay = await ReplayRun.StartAsync("health-check-has-problem.har");

            // When: a command that asks more
            var run = await replay.RunAsync("apply-settings");

            // Then
            Assert.Equal(1, run.ExitCode);
            var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(replay.Replay.AssertEveryRequestAnswered);
            Assert.NotEmpty(replay.Replay.Unanswered);
            var unanswered = replay.Replay.Unanswered[0];
            Assert.DoesNotContain("Login", unanswered, StringComparison.Ordinal);
            Assert.Contains($"No recorded answer for:{Environment.NewLine}  {unanswered}", failure.Message, StringComparison.Ordinal);
            Assert.Contains("The trace answers:", failure.Message, StringComparison.Ordinal);
            Assert.Contains("GET /api/OAuthHealthCheck", failure.Message, StringComparison.Ordinal);
        }
    }
}
