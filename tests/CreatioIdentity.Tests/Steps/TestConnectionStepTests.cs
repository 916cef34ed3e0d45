using CreatioIdentity.Checks;
using CreatioIdentity.Steps;
using CreatioIdentity.Tests.Creatio;

namespace CreatioIdentity.Tests.Steps;

/// <summary>The Test connection button in-process: Creatio's three health checks, and a problem none of them explains.</summary>
public sealed class TestConnectionStepTests
{
    private static Task<StepResult> RunAsync(string health)
    {
        var world = new StepWorld();
        world.Creatio.Answer("/api/OAuthHealthCheck", _ => CreatioFixture.Json(health));
        return new TestConnectionStep().RunAsync(world.Context(StepWorld.Config(), StepTuning.Default with { StableRedWindow = TimeSpan.Zero }), CancellationToken.None);
    }

    [Fact]
    public async Task Should_Pass_The_Three_Health_Checks_Of_A_Green_Answer()
    {
        // When
        var result = await RunAsync(StepWorld.Green);

        // Then
        Assert.Equal([CheckIds.SystemSettingsFilledIn, CheckIds.IdentityServiceAvailable, CheckIds.AccessTokenRetrievable], result.Checks.Select(check => check.Id));
        Assert.All(result.Checks, check => Assert.Equal(CheckStatus.Pass, check.Status));
        Assert.Equal(StepStatus.Unchanged, result.Status);
    }

    [Fact]
    public async Task Should_Fail_On_A_Problem_No_Flag_Explains()
    {
        // When
        var result = await RunAsync(StepWorld.Unexplained);

        // Then
        Assert.Equal("Creatio's health check reports a problem (HasProblem) that none of its checks explains, and no message: look at Creatio's error log.", result.Error);
        Assert.Equal((StepStatus.Failed, ErrorCodes.CheckFailed), (result.Status, result.ErrorCode));
    }

    [Fact]
    public async Task Should_Fail_The_Check_Creatio_Reports_Red()
    {
        // When
        var result = await RunAsync(StepWorld.NoToken);

        // Then
        Assert.Equal(CheckStatus.Fail, Assert.Single(result.Checks, check => check.Id == CheckIds.AccessTokenRetrievable).Status);
        Assert.Null(result.Error);
        Assert.Equal((StepStatus.Failed, ErrorCodes.CheckFailed), (result.Status, result.ErrorCode));
    }
}
