using CreatioIdentity.Checks;
using CreatioIdentity.Sandbox;
using static CreatioIdentity.Tests.Integration.Variants.Variant;

namespace CreatioIdentity.Tests.Integration.Variants;

/// <summary>
/// Preflight's CreatioLogin against every answer 8.1's AuthService.svc/Login gives: the codes that let
/// the user in with a caveat, the codes that refuse, and the HTTP statuses that refuse. The password
/// was sent in each, and is never printed or written back.
/// </summary>
public static class LoginVariantTests
{
    /// <summary>Not in the console, nor in any file of the run (report.json, junit.xml, summary.md).</summary>
    private static void ShouldNotLeakThePassword(EngineRun world, RunResult run) =>
        Assert.Empty(LeakSearch.Leaks(
            [("output", run.Output), .. LeakSearch.FilesUnder(world.Directory)],
            [world.Sandbox.Options.CreatioPassword]));

    public sealed class ALoginWithACaveat
    {
        [Theory]
        [InlineData(2, "recommends changing the password of user 'Supervisor'")]
        [InlineData(5, "The password of user 'Supervisor' has expired")]
        public async Task Should_Connect_And_Warn_In_The_Output_And_In_The_Report(int code, string warning)
        {
            // Given
            await using var world = await EngineRun.StartAsync(new SandboxOptions { LoginCode = code });

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(CheckStatus.Pass, Check(run, CheckIds.CreatioLogin).Status);
            Assert.Single(run.Report!.Warnings, item => item.Message.Contains(warning, StringComparison.Ordinal));
            Assert.Contains(warning, run.Output, StringComparison.Ordinal);
            Assert.Contains("\"warnings\"", run.ReportFiles["report.json"], StringComparison.Ordinal);
            Assert.Contains(warning, run.ReportFiles["report.json"], StringComparison.Ordinal);
            Assert.Empty(ConnectedState.Problems(world.Sandbox));
            ShouldNotLeakThePassword(world, run);
        }
    }

    public sealed class ARefusedLogin
    {
        [Theory]
        [InlineData(1, "(Code 1: wrong user name or password)")]
        [InlineData(3, "for lack of a licence (Code 3")]
        [InlineData(4, "for lack of a licence (Code 4")]
        public async Task Should_Stop_At_Preflight_With_The_Reason_And_Write_Nothing(int code, string reason)
        {
            // Given: the right password, and Creatio answers HTTP 200 with this Code
            await using var world = await EngineRun.StartAsync(new SandboxOptions { LoginCode = code });

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.Equal(1, run.ExitCode);
            var login = Check(run, CheckIds.CreatioLogin);
            Assert.Equal(CheckStatus.Fail, login.Status);
            Assert.Equal(ErrorCodes.Authentication, login.ErrorCode);
            Assert.Contains(reason, login.Message, StringComparison.Ordinal);
            if (code is 3 or 4)
            {
                Assert.Contains("License manager", login.Message, StringComparison.Ordinal);
            }

            Assert.Equal(StepStatus.Failed, Step(run, "Preflight").Status);
            Assert.Empty(world.Sandbox.Creatio.Writes);
            ShouldNotLeakThePassword(world, run);
        }

        [Theory]
        [InlineData(401, "HTTP 401: the user name or the password is wrong")]
        [InlineData(403, "HTTP 403: the password must be changed")]
        public async Task Should_Take_An_Http_Refusal_As_The_User_Not_The_Url(int status, string reason)
        {
            // Given
            await using var world = await EngineRun.StartAsync(new SandboxOptions { LoginStatus = status });

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.Equal(1, run.ExitCode);
            var login = Check(run, CheckIds.CreatioLogin);
            Assert.Equal(CheckStatus.Fail, login.Status);
            Assert.Equal(ErrorCodes.Authentication, login.ErrorCode);
            Assert.Equal("creatio.password", login.ConfigPath);
            Assert.Contains(reason, login.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("site root", login.Message, StringComparison.Ordinal);
            Assert.Empty(world.Sandbox.Creatio.Writes);
            ShouldNotLeakThePassword(world, run);
        }
    }
}
