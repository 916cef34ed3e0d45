using System.Text.Json;
using CreatioIdentity.Checks;

namespace CreatioIdentity.Tests.Integration.Variants;

/// <summary>One UpdateQuery Creatio received: the entity, the column it set and the JSON value (raw text).</summary>
internal sealed record UpdateBody(string Entity, string Column, string Value);

/// <summary>
/// What the variant tests read from a run and from the sandbox, and the promise every variant keeps:
/// once connected, a second run writes nothing and plan agrees.
/// </summary>
internal static class Variant
{
    public const string Feature = "OAuth20Integration";

    public static CheckResult Check(RunResult run, string id) => Assert.Single(run.Report!.Checks, check => check.Id == id);

    public static StepResult Step(RunResult run, string name) => Assert.Single(run.Report!.Steps, step => step.Name == name);

    /// <summary>The items the EnableFeature step (or plan) lists as changed that concern features and their cache.</summary>
    public static IReadOnlyList<string> FeatureChanges(RunResult run) =>
        [.. run.Report!.Steps.SelectMany(step => step.Changes).Select(change => change.Item).Where(item => item.StartsWith("feature", StringComparison.Ordinal))];

    /// <summary>
    /// examples/sandbox.yml with more keys under creatio:, other features: and a settings: section, each
    /// argument a YAML mapping (one key per line), edited through the YAML model.
    /// </summary>
    public static string Config(EngineRun world, string? creatio = null, string? features = null, string? settings = null) =>
        world.WriteConfig(yaml =>
        {
            if (creatio is not null)
            {
                yaml.Merge("creatio", creatio);
            }

            if (features is not null)
            {
                yaml.SetMapping("features", features);
            }

            return settings is null ? yaml : yaml.SetMapping("settings", settings);
        });

    public static int RequestsTo(EngineRun world, string path) =>
        world.Sandbox.Creatio.Requests.Count(request => request.Path.Contains(path, StringComparison.Ordinal));

    /// <summary>Every UpdateQuery Creatio received, oldest first.</summary>
    public static IReadOnlyList<UpdateBody> Updates(EngineRun world) =>
        [.. world.Sandbox.Creatio.Requests
            .Where(request => request.Path.EndsWith("DataService/json/SyncReply/UpdateQuery", StringComparison.Ordinal))
            .Select(request =>
            {
                using var body = JsonDocument.Parse(request.Body!);
                var column = Assert.Single(body.RootElement.GetProperty("columnValues").GetProperty("items").EnumerateObject());
                return new UpdateBody(
                    body.RootElement.GetProperty("rootSchemaName").GetString()!,
                    column.Name,
                    column.Value.GetProperty("parameter").GetProperty("value").GetRawText());
            })];

    /// <summary>
    /// FeatureService's SetFeatureStateForAllUsers sets override rows, never the default, and GetFeaturesInfo
    /// misleads about groups (SPEC §4): the product decides and writes through DataService alone.
    /// </summary>
    public static void ShouldNotUseFeatureServiceShortcuts(EngineRun world) =>
        Assert.DoesNotContain(world.Sandbox.Creatio.Requests, request =>
            request.Path.Contains("SetFeatureStateForAllUsers", StringComparison.Ordinal) || request.Path.Contains("GetFeaturesInfo", StringComparison.Ordinal));

    /// <summary>
    /// The variant is connected for good: connect again writes nothing and is green with every step
    /// unchanged, and plan exits 0 with nothing to change (and writes nothing either).
    /// </summary>
    public static async Task ShouldStayConnectedAsync(EngineRun world, string? config = null)
    {
        world.Sandbox.Creatio.ClearRecord();
        var again = await world.RunAsync("connect", config);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Empty(world.Sandbox.Creatio.Writes);
        Assert.All(again.Report!.Steps, step => Assert.Equal(StepStatus.Unchanged, step.Status));

        var plan = await world.RunAsync("plan", config);
        Assert.True(plan.ExitCode == 0, plan.Output);
        Assert.Empty(plan.Report!.Steps.SelectMany(step => step.Changes));
        Assert.Empty(world.Sandbox.Creatio.Writes);
        ShouldNotUseFeatureServiceShortcuts(world);
    }
}
