using CreatioIdentity.Tests.Integration;
using static CreatioIdentity.Tests.OAuthApps.OAuthAppsWorld;

namespace CreatioIdentity.Tests.OAuthApps;

/// <summary>credentials.pipelineVariables: the new credentials go to the following CI steps, masked first.</summary>
public sealed class PipelineHandOffTests
{
    private const string App = """
          erp-sync:
            applicationUrl: https://erp.example.com
            systemUser: ErpIntegration
            credentials: { pipelineVariables: ERP_SYNC }

        """;

    [Fact]
    public async Task Should_Mask_Then_Set_Step_Outputs_On_GitHub_Actions()
    {
        // Given
        await using var world = await StartConnectedAsync();
        world.ActAs("github");

        // When
        var run = await world.RunAsync("oauth-apps", WithApps(world, App));

        // Then
        var secret = world.Sandbox.Creatio.IssuedClientSecrets.Single();
        var lines = run.Output.Split('\n');
        var mask = Array.IndexOf(lines, "::add-mask::" + secret);
        Assert.True(mask >= 0, run.Output);
        Assert.Empty(LeakSearch.Leaks([("output", run.Output)], [secret]));
        var outputs = File.ReadAllText(Path.Combine(world.Directory, "github-output"));
        Assert.Matches($"ERP_SYNC_CLIENT_SECRET<<ghadelimiter_[0-9a-f]+\n{System.Text.RegularExpressions.Regex.Escape(secret)}\n", outputs);
        Assert.Contains("ERP_SYNC_CLIENT_ID<<", outputs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Set_Secret_Output_Variables_On_Azure_Pipelines()
    {
        // Given
        await using var world = await StartConnectedAsync();
        world.ActAs("azure");

        // When
        var run = await world.RunAsync("oauth-apps", WithApps(world, App));

        // Then
        var secret = world.Sandbox.Creatio.IssuedClientSecrets.Single();
        Assert.Contains($"##vso[task.setvariable variable=ERP_SYNC_CLIENT_SECRET;issecret=true;isOutput=true]{secret}", run.Output, StringComparison.Ordinal);
        Assert.True(run.Output.IndexOf("##vso[task.setsecret]" + secret, StringComparison.Ordinal) < run.Output.IndexOf("variable=ERP_SYNC_CLIENT_SECRET", StringComparison.Ordinal));
        Assert.Empty(LeakSearch.Leaks([("output", run.Output)], [secret]));
    }
}
