using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Integration;

public sealed class PlanTests
{
    [Fact]
    public async Task Should_List_Pending_Changes_Exit_2_And_Write_Nothing_On_A_Fresh_Creatio()
    {
        // Given
        await using var world = await EngineRun.StartAsync();

        // When
        var plan = await world.RunAsync("plan");

        // Then
        Assert.Equal(2, plan.ExitCode);
        Assert.Empty(world.Sandbox.Creatio.Writes);
        var changes = plan.Report!.Steps.Single().Changes.Select(change => change.Item).ToList();
        Assert.Contains("feature OAuth20Integration (all users)", changes);
        Assert.Contains("OAuth20IdentityServerUrl", changes);
        Assert.Contains("OAuth20IdentityServerClientSecret", changes);
        Assert.DoesNotContain(world.Sandbox.Options.ClientSecret, plan.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit_0_With_Nothing_To_Change_On_A_Connected_Creatio()
    {
        // Given
        await using var world = await EngineRun.StartAsync(new SandboxOptions { Runtime = SandboxRuntime.NetFramework });
        Assert.Equal(0, (await world.RunAsync("connect")).ExitCode);
        world.Sandbox.Creatio.ClearRecord();

        // When
        var plan = await world.RunAsync("plan");

        // Then
        Assert.Equal(0, plan.ExitCode);
        Assert.Empty(plan.Report!.Steps.Single().Changes);
        Assert.Empty(world.Sandbox.Creatio.Writes);
    }
}
