using System.Text.Json;
using CreatioIdentity.Checks;
using static CreatioIdentity.Tests.Integration.Variants.Variant;

namespace CreatioIdentity.Tests.Integration.Variants;

/// <summary>
/// ApplySettings and SettingsApplied for settings: of every data value type the sandbox's Creatio
/// declares: Boolean (ShowDemoLinks), Integer (MaxFileSize), DateTime (SandboxCreatedOn) and Lookup
/// (PrimaryCurrency). Each is written as the JSON its type takes and compared by its type.
/// </summary>
public static class SettingsTypeTests
{
    private const string Euro = "c1057119-53e6-df11-971b-001d60e938c6";

    private static readonly string[] Codes = ["ShowDemoLinks", "MaxFileSize", "SandboxCreatedOn", "PrimaryCurrency"];

    public sealed class SettingsOfEveryType
    {
        [Fact]
        public async Task Should_Be_Written_As_Their_Json_Type_Read_Back_And_Left_Alone_The_Second_Time()
        {
            // Given
            await using var world = await EngineRun.StartAsync();
            var config = Config(world, settings: $"ShowDemoLinks: false\nMaxFileSize: 25\nSandboxCreatedOn: 2025-06-01T08:00:00\nPrimaryCurrency: {Euro}");

            // When
            var run = await world.RunAsync("connect", config);

            // Then: one request, each value typed
            Assert.True(run.ExitCode == 0, run.Output);
            var write = Assert.Single(world.Sandbox.Creatio.Writes, request => request.Path.EndsWith("PostSysSettingsValues", StringComparison.Ordinal));
            using (var body = JsonDocument.Parse(write.Body!))
            {
                var values = body.RootElement.GetProperty("sysSettingsValues");
                Assert.Equal(JsonValueKind.False, values.GetProperty("ShowDemoLinks").ValueKind);
                Assert.Equal(JsonValueKind.Number, values.GetProperty("MaxFileSize").ValueKind);
                Assert.Equal(25, values.GetProperty("MaxFileSize").GetInt32());
                Assert.Equal("2025-06-01T08:00:00.000", values.GetProperty("SandboxCreatedOn").GetString());
                Assert.Equal(Euro, values.GetProperty("PrimaryCurrency").GetString());
            }

            var creatio = world.Sandbox.Creatio;
            Assert.Equal(["false", "25", "2025-06-01T08:00:00.000", Euro], Codes.Select(creatio.GetSetting));
            Assert.Equal(CheckStatus.Pass, Check(run, CheckIds.SettingsApplied).Status);
            Assert.Contains(("MaxFileSize", "10", "25"), Step(run, "ApplySettings").Changes.Select(change => (change.Item, change.From, change.To)));

            await ShouldStayConnectedAsync(world, config);
        }

        [Fact]
        public async Task Should_Count_Another_Spelling_Of_The_Same_Value_As_Equal()
        {
            // Given: connected, the four settings as Creatio has them, spelt otherwise
            await using var world = await EngineRun.StartAsync();
            Assert.Equal(0, (await world.RunAsync("connect")).ExitCode);
            var config = Config(world, settings: "ShowDemoLinks: True\nMaxFileSize: 10.0\nSandboxCreatedOn: 2024-01-15T09:30:00\nPrimaryCurrency: 915E8A55-98D6-DF11-9B2A-001D60E938C6");
            world.Sandbox.Creatio.ClearRecord();

            // When
            var run = await world.RunAsync("apply-settings", config);

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Empty(world.Sandbox.Creatio.Writes);
            Assert.Equal(CheckStatus.Pass, Check(run, CheckIds.SettingsApplied).Status);
            Assert.Equal(StepStatus.Unchanged, Step(run, "ApplySettings").Status);
            await ShouldStayConnectedAsync(world, config);
        }
    }

    public sealed class AValueThatDoesNotFitItsType
    {
        [Theory]
        [InlineData("ShowDemoLinks", "yes", "Boolean")]
        [InlineData("MaxFileSize", "ten", "integer")]
        [InlineData("SandboxCreatedOn", "tomorrow", "ISO 8601")]
        [InlineData("PrimaryCurrency", "Euro", "lookup")]
        public async Task Should_Stop_The_Write_At_The_Setting_With_A_Configuration_Error(string code, string value, string expected)
        {
            // Given
            await using var world = await EngineRun.StartAsync();
            var config = Config(world, settings: $"{code}: {value}");
            var before = world.Sandbox.Creatio.GetSetting(code);

            // When
            var run = await world.RunAsync("apply-settings", config);

            // Then
            Assert.Equal(1, run.ExitCode);
            var check = Check(run, CheckIds.SettingsApplied);
            Assert.Equal(CheckStatus.Fail, check.Status);
            Assert.Equal("settings." + code, check.ConfigPath);
            Assert.Equal(ErrorCodes.Configuration, check.ErrorCode);
            Assert.Contains(expected, check.Message, StringComparison.Ordinal);
            Assert.Contains("Nothing was written", check.Message, StringComparison.Ordinal);
            Assert.Empty(world.Sandbox.Creatio.Writes);
            Assert.Equal(before, world.Sandbox.Creatio.GetSetting(code));
        }
    }
}
