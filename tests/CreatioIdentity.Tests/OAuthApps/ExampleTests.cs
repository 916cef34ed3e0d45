using CreatioIdentity.Checks;
using CreatioIdentity.OAuthApps;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.OAuthApps;

/// <summary>examples/oauth-apps.yml runs green against the sandbox, and a second run writes nothing.</summary>
public sealed class ExampleTests
{
    [Fact]
    public async Task Should_Connect_And_Prove_Every_App_Of_The_Example()
    {
        // Given
        await using var world = await EngineRun.StartAsync();
        var config = Path.Combine(world.Directory, "oauth-apps.yml");
        File.Copy(Path.Combine(EngineRun.RepositoryRoot, "examples", "oauth-apps.yml"), config);

        // When
        var first = await world.RunAsync("connect", config);
        world.Sandbox.Creatio.ClearRecord();
        var second = await world.RunAsync("connect", config);

        // Then
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Equal([AppCheck.Id("erp-sync"), AppCheck.Id("data-warehouse")], first.Report!.Checks.Select(check => check.Id).Where(id => id.StartsWith(AppCheck.Prefix, StringComparison.Ordinal)));
        Assert.All(first.Report.Checks, check => Assert.Equal(CheckStatus.Pass, check.Status));
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Empty(world.Sandbox.Creatio.Writes);
        Assert.True(File.Exists(Path.Combine(world.Directory, "secrets", "data-warehouse.json")));
    }
}
