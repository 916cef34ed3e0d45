using System.Text.Json.Nodes;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Tests.OAuthApps;

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

    [Fact]
    public async Task Should_List_Every_Write_That_Connect_Then_Makes_On_A_Fresh_Creatio()
    {
        // Given: a fresh Creatio (override rows at the wrong state, no settings, no default resource) and a file with an app
        await using var world = await EngineRun.StartAsync();
        var config = OAuthAppsWorld.WithApps(world, OAuthAppsWorld.ErpSync());

        // When
        var plan = await world.RunAsync("plan", config);
        var listed = plan.Report!.Steps.Single().Changes.Select(change => Kind(change.Item)).Order().ToList();
        world.Sandbox.Creatio.ClearRecord();
        var connect = await world.RunAsync("connect", config);

        // Then: what plan listed is what Creatio received, write for write
        Assert.True(plan.ExitCode == 2, plan.Output);
        Assert.True(connect.ExitCode == 0, connect.Output);
        var made = world.Sandbox.Creatio.Writes.SelectMany(Kinds).Order().ToList();
        Assert.Equal(made, listed);
        Assert.Contains("feature cache", listed);
        Assert.Contains("default OAuth resource", listed);
        Assert.Contains("oauthApps.erp-sync", listed);
        Assert.True(listed.Count(kind => kind == "feature row") >= 2, string.Join(", ", listed));
    }

    // A plan item as the kind of write it stands for: each feature row (the default, or one user's or role's override) is one UpdateQuery.
    private static string Kind(string item) =>
        item.StartsWith("feature ", StringComparison.Ordinal) && item != "feature cache" ? "feature row" : item;

    // A recorded write as the plan items it carries out.
    private static IEnumerable<string> Kinds(RecordedRequest write)
    {
        var body = write.Body is null ? null : JsonNode.Parse(write.Body);
        var path = write.Path;
        if (path.EndsWith("UpdateQuery", StringComparison.Ordinal))
        {
            // An app's description (the managed marker) is written with its creation: part of that item.
            return (string?)body?["rootSchemaName"] is "AppFeature" or "AdminUnitFeatureState" ? ["feature row"] : [];
        }

        if (path.EndsWith("PostSysSettingsValues", StringComparison.Ordinal))
        {
            return body!["sysSettingsValues"]!.AsObject().Select(setting => setting.Key);
        }

        return path switch
        {
            _ when path.Contains("ClearFeaturesCacheForAllUsers", StringComparison.Ordinal) => ["feature cache"],
            _ when path.EndsWith("AddDefaultResource", StringComparison.Ordinal) => ["default OAuth resource"],
            _ when path.EndsWith("AddClient", StringComparison.Ordinal) => [$"oauthApps.{(string?)body!["addClientRequest"]!["name"]}"],
            _ => [$"{write.Method} {path}"],
        };
    }
}
