using CreatioIdentity.Checks;
using CreatioIdentity.Sandbox;
using static CreatioIdentity.Tests.Integration.Variants.Variant;

namespace CreatioIdentity.Tests.Integration.Variants;

/// <summary>
/// TestConnection and Diagnose against the health checks real sites have: none at all (before 8.1.2
/// and 8.3.2), one that hangs while Creatio waits on the Identity Service, one that reports a problem
/// no flag explains, and one that speaks Russian.
/// </summary>
public static class HealthCheckVariantTests
{
    private const string HealthCheck = "api/OAuthHealthCheck";

    private static readonly string[] HealthChecks = [CheckIds.SystemSettingsFilledIn, CheckIds.IdentityServiceAvailable, CheckIds.AccessTokenRetrievable];

    public sealed class ASiteWithoutTheHealthCheck
    {
        [Fact]
        public async Task Should_Turn_The_Three_Health_Checks_Red_And_Name_The_Versions_That_Have_It()
        {
            // Given: api/OAuthHealthCheck answers 404
            await using var world = await EngineRun.StartAsync(new SandboxOptions { HealthCheckAvailable = false });

            // When
            var run = await world.RunAsync("connect");

            // Then: never green, since the connection cannot be proven
            Assert.Equal(1, run.ExitCode);
            Assert.False(run.Report!.Ok);
            Assert.All(HealthChecks, id =>
            {
                var check = Check(run, id);
                Assert.Equal(CheckStatus.Fail, check.Status);
                Assert.Contains("8.1.2", check.Message, StringComparison.Ordinal);
                Assert.Contains("8.3.2", check.Message, StringComparison.Ordinal);
            });
            Assert.Equal(StepStatus.Failed, Step(run, "TestConnection").Status);

            // Then: Diagnose run alone says the same, and registers nothing on an unproven connection
            var diagnose = await world.RunAsync("diagnose");
            Assert.Equal(1, diagnose.ExitCode);
            Assert.All(HealthChecks, id => Assert.Equal(CheckStatus.Fail, Check(diagnose, id).Status));
            Assert.Equal(0, RequestsTo(world, "AddDefaultResource"));
        }
    }

    public sealed class ACreatioThatWaitsOnAnUnreachableIdentityService
    {
        [Fact]
        public async Task Should_Say_Creatio_Did_Not_Answer_In_Time_Blame_The_Network_And_Ask_Once_Per_Step()
        {
            // Given: Creatio waits 4 s on the Identity Service it cannot reach; the runner allows 1 s
            await using var world = await EngineRun.StartAsync(new SandboxOptions
            {
                CreatioCanReachIdentityService = false,
                UnreachableHealthDelay = TimeSpan.FromSeconds(4),
            });
            var config = Config(world, creatio: "healthCheckTimeoutSeconds: 1");

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            Assert.Equal(1, run.ExitCode);
            var available = Check(run, CheckIds.IdentityServiceAvailable);
            Assert.Equal(CheckStatus.Fail, available.Status);
            Assert.Equal(ErrorCodes.Timeout, available.ErrorCode);
            Assert.Contains("Creatio did not answer its health check within 1 s", available.Message, StringComparison.Ordinal);
            Assert.Contains("while the runner reached it", available.Message, StringComparison.Ordinal);
            Assert.Contains("network between the Creatio host", available.Message, StringComparison.Ordinal);
            Assert.Equal(StepStatus.Failed, Step(run, "TestConnection").Status);
            Assert.Equal(ErrorCodes.Timeout, Step(run, "TestConnection").ErrorCode);
            Assert.Equal(1, RequestsTo(world, HealthCheck));

            // Then: Diagnose on its own asks once too, never again after a timeout
            world.Sandbox.Creatio.ClearRecord();
            var diagnose = await world.RunAsync("diagnose", config);
            Assert.Equal(1, diagnose.ExitCode);
            Assert.Equal(ErrorCodes.Timeout, Check(diagnose, CheckIds.IdentityServiceAvailable).ErrorCode);
            Assert.Equal(1, RequestsTo(world, HealthCheck));
        }

        [Fact]
        public async Task Should_Blame_The_Network_Without_A_Timeout_When_Creatio_Answers_Within_The_Limit()
        {
            // Given: Creatio waits half a second, the runner allows 3 s
            await using var world = await EngineRun.StartAsync(new SandboxOptions
            {
                CreatioCanReachIdentityService = false,
                UnreachableHealthDelay = TimeSpan.FromSeconds(0.5),
            });
            var config = Config(world, creatio: "healthCheckTimeoutSeconds: 3");

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            Assert.Equal(1, run.ExitCode);
            var available = Check(run, CheckIds.IdentityServiceAvailable);
            Assert.Equal(CheckStatus.Fail, available.Status);
            Assert.Null(available.ErrorCode);
            Assert.Contains("Creatio could not reach the Identity Service", available.Message, StringComparison.Ordinal);
            Assert.Contains("while the runner reached it", available.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("did not answer", available.Message, StringComparison.Ordinal);
            Assert.NotEqual(ErrorCodes.Timeout, Step(run, "TestConnection").ErrorCode);
        }
    }

    public sealed class AProblemNoFlagExplains
    {
        [Fact]
        public async Task Should_Fail_The_Step_With_Creatios_Message()
        {
            // Given: HasProblem with every flag green, and a Message
            await using var world = await EngineRun.StartAsync(new SandboxOptions { UnexplainedHealthProblem = true });

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.Equal(1, run.ExitCode);
            var step = Step(run, "TestConnection");
            Assert.Equal(StepStatus.Failed, step.Status);
            Assert.Equal(ErrorCodes.CheckFailed, step.ErrorCode);
            Assert.Contains("The access token for system actions does not contain the required scope.", step.Error, StringComparison.Ordinal);
            Assert.All(HealthChecks, id => Assert.Equal(CheckStatus.Pass, Check(run, id).Status));
            Assert.False(run.Report!.Ok);
        }
    }

    public sealed class ARussianSite
    {
        [Fact]
        public async Task Should_Connect_And_Write_Nothing_The_Second_Time()
        {
            // Given: every message Creatio answers is in Russian
            await using var world = await EngineRun.StartAsync(new SandboxOptions { Language = "ru-RU" });

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(1, RequestsTo(world, "AddDefaultResource"));
            Assert.Empty(ConnectedState.Problems(world.Sandbox));
            await ShouldStayConnectedAsync(world);
            Assert.Equal(0, RequestsTo(world, "AddDefaultResource"));
        }

        [Fact]
        public async Task Should_Name_The_Host_Key_When_OAuth_Is_Off_In_The_Host()
        {
            // Given
            await using var world = await EngineRun.StartAsync(new SandboxOptions { Language = "ru-RU", HostOAuthEnabled = false });

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.Equal(1, run.ExitCode);
            var red = run.Report!.Checks.Where(check => check.Status == CheckStatus.Fail).ToList();
            Assert.NotEmpty(red);
            Assert.All(red, check => Assert.Contains("Feature-EnableOAuth20Integration", check.Message, StringComparison.Ordinal));
        }
    }
}
