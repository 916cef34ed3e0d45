using CreatioIdentity.Checks;
using CreatioIdentity.Commands;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Tests.Commands;

public sealed class RunVerdictTests
{
    public sealed class TheExitCodeMethod
    {
        [Fact]
        public void Should_Say_Changes_Are_Pending_When_A_Plan_Lists_Changes()
        {
            // Given
            StepResult[] results = [new("Plan", StepStatus.Unchanged, 1, [new Change("feature", "off", "on")], [])];

            // When
            var exitCode = RunVerdict.ExitCode(Alone("plan"), results);

            // Then
            Assert.Equal(ExitCodes.ChangesPending, exitCode);
        }

        [Fact]
        public void Should_Succeed_When_Apply_Made_Changes()
        {
            // Given
            StepResult[] results = [new("ApplySettings", StepStatus.Changed, 1, [new Change("url", null, "https://is")], [])];

            // When
            var exitCode = RunVerdict.ExitCode(Alone("apply-settings"), results);

            // Then
            Assert.Equal(ExitCodes.Ok, exitCode);
        }

        [Fact]
        public void Should_Be_Invalid_Configuration_When_Only_The_File_Can_Fix_The_Failure()
        {
            // Given: an --app the file does not declare
            StepResult[] results = [new("RotateSecrets", StepStatus.Failed, 1, [], [], "no app 'crm'", ErrorCodes.Configuration)];

            // When
            var exitCode = RunVerdict.ExitCode(Alone("rotate-secrets"), results);

            // Then
            Assert.Equal(ExitCodes.InvalidConfiguration, exitCode);
        }

        [Fact]
        public void Should_Fail_When_A_Red_Check_Reports_The_Configuration_Failure()
        {
            // Given
            StepResult[] results = [new("Preflight", StepStatus.Failed, 1, [], [CheckResult.Fail("identity-service-reachable", "down")], "down", ErrorCodes.Configuration)];

            // When
            var exitCode = RunVerdict.ExitCode(Alone("preflight"), results);

            // Then
            Assert.Equal(ExitCodes.Failed, exitCode);
        }
    }

    public sealed class TheIsFinalMethod
    {
        [Theory]
        [InlineData("diagnose", StepStatus.Unchanged, false)]
        [InlineData("diagnose", StepStatus.Failed, true)]
        [InlineData("oauth-apps", StepStatus.Unchanged, true)]
        public void Should_End_The_Run_At_The_Targets_Last_Process_Or_At_A_Failure(string command, StepStatus status, bool final)
        {
            // Given: a process of the connect target
            var run = Run.Start(EngineCommands.Find(command)!, "reports",
                RunTests.Environment((SessionCache.RunIdVariable, "run-1"), (CommandRunner.TargetVariable, "connect")), tracePath: null);
            StepResult[] results = [new(command, status, 1, [], [])];

            // When
            var isFinal = RunVerdict.IsFinal(run, results);

            // Then
            Assert.Equal(final, isFinal);
        }
    }

    private static Run Alone(string command) => Run.Start(EngineCommands.Find(command)!, "reports", RunTests.Environment(), tracePath: null);
}
