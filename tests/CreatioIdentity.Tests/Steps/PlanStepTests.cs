using System.Net;
using CreatioIdentity.Checks;
using CreatioIdentity.Steps;
using CreatioIdentity.Tests.Creatio;

namespace CreatioIdentity.Tests.Steps;

/// <summary>Plan runs the writing steps in plan mode: it lists their changes in order, writes nothing, and stops where one fails.</summary>
public sealed class PlanStepTests
{
    private static Task<StepResult> RunAsync(StepWorld world, IReadOnlyDictionary<string, bool> features) =>
        new PlanStep().RunAsync(world.Context(StepWorld.Config(features), StepTuning.Default), CancellationToken.None);

    [Fact]
    public async Task Should_List_Every_Change_Of_The_Steps_In_Order_And_Write_Nothing()
    {
        // Given: the feature off, another client id, no default resource (FeatureTable answers it with no rows)
        var world = new StepWorld();
        var features = new FeatureTable(world, defaultState: false, cached: false);
        var settings = new SettingsTable(world, clientId: "old-client");

        // When
        var result = await RunAsync(world, new Dictionary<string, bool> { [FeatureTable.Code] = true });

        // Then
        Assert.Equal(
            [
                new Change("feature OAuth20Integration (all users)", "off", "on"),
                new Change("feature cache", "stale", "cleared"),
                new Change(SettingsTable.ClientId, "old-client", StepWorld.ClientId),
                new Change(SettingsTable.ClientSecret, "***", "***"),
                new Change("default OAuth resource", "not registered", "registered"),
            ],
            result.Changes);
        Assert.Equal((0, 0), (features.Updates, features.ClearedCache));
        Assert.Empty(settings.Posts);
        Assert.DoesNotContain(world.Creatio.Received, request => request.Path.Contains("AddDefaultResource", StringComparison.Ordinal));
        Assert.Equal(StepStatus.Changed, result.Status);
        Assert.Empty(result.Checks);
    }

    [Fact]
    public async Task Should_Carry_A_Red_Check_Of_A_Step_It_Planned()
    {
        // Given: the file names a feature Creatio does not have
        var world = new StepWorld();
        _ = new FeatureTable(world, defaultState: true, cached: true);
        _ = new SettingsTable(world);

        // When
        var result = await RunAsync(world, new Dictionary<string, bool> { ["NoSuchFeature"] = true });

        // Then
        var check = Assert.Single(result.Checks);
        Assert.Equal((CheckIds.FeatureEnabled, CheckStatus.Fail), (check.Id, check.Status));
        Assert.Contains("Creatio has no feature 'NoSuchFeature'", check.Message, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Failed, result.Status);
    }

    [Fact]
    public async Task Should_Stop_At_A_Step_That_Fails_And_Plan_Nothing_After_It()
    {
        // Given: the settings cannot be read
        var world = new StepWorld();
        _ = new FeatureTable(world, defaultState: true, cached: true);
        world.Creatio.Answer("/DataService/json/SyncReply/QuerySysSettings", _ => CreatioFixture.Json("{}", HttpStatusCode.ServiceUnavailable));

        // When
        var result = await RunAsync(world, new Dictionary<string, bool> { [FeatureTable.Code] = true });

        // Then
        Assert.NotNull(result.Error);
        Assert.Contains("QuerySysSettings", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Changes);
        Assert.Single(world.Creatio.Received, request => request.Path == "/DataService/json/SyncReply/SelectQuery" && request.Body!.Contains("AppFeature", StringComparison.Ordinal));
        Assert.DoesNotContain(world.Creatio.Received, request => request.Body?.Contains("OAuthResource", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Should_Pass_On_The_Warnings_Of_The_Steps()
    {
        // Given: Creatio recommends a password change at login
        var world = new StepWorld();
        _ = new FeatureTable(world, defaultState: true, cached: true);
        _ = new SettingsTable(world);
        world.Creatio.Answer("/ServiceModel/AuthService.svc/Login", _ => CreatioFixture.Json(
            """{"Code":2,"PasswordChangeUrl":"/Login/ChangePassword"}""", HttpStatusCode.OK, [".ASPXAUTH=session-1; path=/", "BPMCSRF=csrf-1; path=/"]));

        // When
        var result = await RunAsync(world, new Dictionary<string, bool> { [FeatureTable.Code] = true });

        // Then
        Assert.Contains(result.Warnings, warning => warning.Contains("recommends changing the password", StringComparison.Ordinal));
    }
}
