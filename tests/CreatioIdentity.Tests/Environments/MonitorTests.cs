using CreatioIdentity.Checks;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.Environments;

/// <summary>monitor: Preflight and Diagnose per environment, read-only, for a schedule.</summary>
public sealed class MonitorTests
{
    [Fact]
    public async Task Should_Write_Nothing_And_Report_The_Unconnected_Site_Red()
    {
        // Given: prod is connected, dev is a fresh Creatio
        await using var world = await EngineRun.StartSitesAsync("dev", "prod");
        Assert.Equal(0, (await world.RunSitesAsync("connect", "prod")).ExitCode);
        world["prod"].Creatio.ClearRecord();

        // When
        var run = await world.RunSitesAsync("monitor", "all");

        // Then: nothing written anywhere
        Assert.Equal(1, run.ExitCode);
        Assert.Empty(world["dev"].Creatio.Writes);
        Assert.Empty(world["prod"].Creatio.Writes);
        Assert.False(world["dev"].Creatio.GetFeatureState("OAuth20Integration"));
        Assert.False(world["dev"].Creatio.DefaultResourceRegistered);

        // Then: dev red with what to do, prod green
        Assert.Equal("monitor", run.Report!.Command);
        var dev = run.Report.Environments!.Single(environment => environment.Name == "dev");
        Assert.False(dev.Ok);
        Assert.Equal(["Preflight", "EnableFeature", "Diagnose"], dev.Steps.Select(step => step.Name));
        Assert.Equal(CheckStatus.Fail, dev.Checks.Single(check => check.Id == CheckIds.FeatureEnabled).Status);
        Assert.Contains("Monitor only reads", dev.Checks.Single(check => check.Id == CheckIds.FeatureEnabled).Message, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Fail, dev.Checks.Single(check => check.Id == CheckIds.SystemSettingsFilledIn).Status);
        var prod = run.Report.Environments!.Single(environment => environment.Name == "prod");
        Assert.True(prod.Ok, run.Output);
        Assert.All(prod.Checks, check => Assert.Equal(CheckStatus.Pass, check.Status));
    }

    [Fact]
    public async Task Should_Not_Register_The_Default_Resource_When_It_Is_The_Only_Thing_Missing()
    {
        // Given: connected, but the default resource is gone
        await using var world = await EngineRun.StartSitesAsync("prod");
        Assert.Equal(0, (await world.RunSitesAsync("connect", "prod")).ExitCode);
        world["prod"].Creatio.DefaultResourceRegistered = false;
        world["prod"].Creatio.ClearRecord();

        // When
        var run = await world.RunSitesAsync("monitor", "prod");

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Empty(world["prod"].Creatio.Writes);
        Assert.False(world["prod"].Creatio.DefaultResourceRegistered);
        var check = run.Report!.Environments!.Single().Checks.Single(check => check.Id == CheckIds.DefaultResourceRegistered);
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("Monitor only reads: run Diagnose", check.Message, StringComparison.Ordinal);
        Assert.All(run.Report.Environments!.Single().Checks.Where(other => other.Id != CheckIds.DefaultResourceRegistered), other => Assert.Equal(CheckStatus.Pass, other.Status));
    }

    [Fact]
    public async Task Should_See_A_Feature_Someone_Turned_Off_For_A_Role_And_Not_Repair_It()
    {
        // Given: connected, then an administrator turned OAuth 2.0 off for System administrators
        await using var world = await EngineRun.StartSitesAsync("prod");
        Assert.Equal(0, (await world.RunSitesAsync("connect", "prod")).ExitCode);
        world["prod"].Creatio.SetFeatureOverride("OAuth20Integration", "System administrators", 0);
        world["prod"].Creatio.ClearRecord();

        // When
        var run = await world.RunSitesAsync("monitor", "prod");

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Empty(world["prod"].Creatio.Writes);
        var check = run.Report!.Environments!.Single().Checks.Single(check => check.Id == CheckIds.FeatureEnabled);
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("System administrators has it off", check.Message, StringComparison.Ordinal);
        Assert.Contains("run EnableFeature", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Report_A_Site_That_Is_Down_Red_And_Still_Judge_The_Others()
    {
        // Given
        await using var world = await EngineRun.StartSitesAsync("dev", "prod");
        Assert.Equal(0, (await world.RunSitesAsync("connect", "all")).ExitCode);
        await world.StopAsync("dev");
        world["prod"].Creatio.ClearRecord();

        // When
        var run = await world.RunSitesAsync("monitor", "all");

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.False(run.Report!.Environments!.Single(environment => environment.Name == "dev").Ok);
        Assert.True(run.Report.Environments!.Single(environment => environment.Name == "prod").Ok, run.Output);
        Assert.Empty(world["prod"].Creatio.Writes);
        Assert.True(world.ReportOf("prod")!.Ok);
    }
}
