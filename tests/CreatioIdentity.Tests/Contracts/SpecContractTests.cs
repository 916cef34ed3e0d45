using System.Text.Json;
using CreatioIdentity.Checks;
using CreatioIdentity.Reporting;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.Contracts;

/// <summary>
/// The contracts of SPEC §2 and §3 written out literally, as users, pipelines and the other programs
/// read them: the check ids, the exit codes and report.json's field names. Renaming, dropping or
/// adding one here is a change of contract, and the README, the schema and the pipelines move with it.
/// </summary>
public sealed class SpecContractTests
{
    /// <summary>The check ids of SPEC §2, in the order of its table.</summary>
    private static readonly string[] SpecCheckIds =
    [
        "IdentityServiceDiscovery", "ClientCredentialsToken", "CreatioLogin", "FeatureEnabled", "SettingsApplied",
        "SystemSettingsFilledIn", "IdentityServiceAvailable", "AccessTokenRetrievable", "DefaultResourceRegistered",
    ];

    public sealed class TheCheckIds
    {
        [Fact]
        public void Should_Be_Exactly_The_Ids_Of_The_Spec_In_Its_Order() =>
            Assert.Equal(SpecCheckIds, CheckIds.All);

        [Fact]
        public async Task Should_Be_The_Ids_A_Connected_Run_Reports_Each_Once()
        {
            // Given
            await using var world = await EngineRun.StartAsync();

            // When
            var run = await world.RunAsync("connect");

            // Then: report.json and junit.xml name every check by its contract id, and no other
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(SpecCheckIds.Order(StringComparer.Ordinal), run.Report!.Checks.Select(check => check.Id).Order(StringComparer.Ordinal));
            Assert.All(SpecCheckIds, id => Assert.Contains($"name=\"{id}\"", run.ReportFiles[ReportStore.JUnitFileName], StringComparison.Ordinal));
        }
    }

    public sealed class TheExitCodes
    {
        [Fact]
        public void Should_Be_The_Numbers_Of_The_Spec()
        {
            Assert.Equal(0, ExitCodes.Ok);
            Assert.Equal(1, ExitCodes.Failed);
            Assert.Equal(2, ExitCodes.ChangesPending);
            Assert.Equal(3, ExitCodes.InvalidConfiguration);
        }

        [Fact]
        public async Task Should_Be_What_The_Commands_Return_In_Each_Case()
        {
            // Given: a fresh sandbox, on which plan has changes to show
            await using var world = await EngineRun.StartAsync();

            // When
            var pending = await world.RunAsync("plan");
            var connected = await world.RunAsync("connect");
            var nothingToDo = await world.RunAsync("plan");
            world.Environment["CREATIO_PASSWORD"] = "not-the-password";
            var refused = await world.RunAsync("preflight");
            world.Environment.Remove("CREATIO_PASSWORD");
            var invalid = await world.RunAsync("validate");

            // Then
            Assert.True(pending.ExitCode == 2, pending.Output);
            Assert.True(connected.ExitCode == 0, connected.Output);
            Assert.True(nothingToDo.ExitCode == 0, nothingToDo.Output);
            Assert.True(refused.ExitCode == 1, refused.Output);
            Assert.True(invalid.ExitCode == 3, invalid.Output);
        }
    }

    public sealed class TheReportJson : IDisposable
    {
        private readonly string reportDir = Directory.CreateTempSubdirectory("creatio-identity-tests-").FullName;

        [Fact]
        public void Should_Name_Every_Field_As_The_Spec_Does()
        {
            // Given: a step that changed something, one that failed with changes not applied, checks of every status, a warning
            var changed = new StepResult("ApplySettings", StepStatus.Changed, 10, [new Change("OAuth20IdentityServerUrl", "a", "b")], [
                CheckResult.Pass(CheckIds.SettingsApplied, "ok", "identityService.url"),
                CheckResult.Fail(CheckIds.IdentityServiceAvailable, "red", errorCode: ErrorCodes.Timeout),
                CheckResult.Skip(CheckIds.DefaultResourceRegistered, "skipped"),
            ]);
            var failed = new StepResult("EnableFeature", StepStatus.Failed, 5, [], [], "Creatio answered with HTTP 503.", ErrorCodes.HttpStatus,
                [new NotApplied("feature OAuth20Integration", "off", "on", WriteState.Unknown)]);
            var skipped = new StepResult("Diagnose", StepStatus.Skipped, 0, [], []);
            var unchanged = new StepResult("Preflight", StepStatus.Unchanged, 1, [], []);

            // When
            ReportStore.Record(reportDir, "connect", "https://creatio.example.com", "run-1", [unchanged, changed, failed, skipped], [new ReportWarning("literal secret", "creatio-identity.yml", 3, 5)]);
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(reportDir, ReportStore.ReportFileName)));

            // Then: SPEC §2's shape, and the additions SPEC §3 makes contracts
            var root = json.RootElement;
            AssertFields(root, "schemaVersion", "ok", "command", "creatio", "steps", "checks", "warnings");
            Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
            Assert.Equal(JsonValueKind.False, root.GetProperty("ok").ValueKind);
            var steps = root.GetProperty("steps").EnumerateArray().ToList();
            Assert.All(steps, step => AssertFields(step, "name", "status", "durationMs", "changes"));
            Assert.Equal(["unchanged", "changed", "failed", "skipped"], steps.Select(step => step.GetProperty("status").GetString()));
            AssertFields(steps[1].GetProperty("changes")[0], "item", "from", "to");
            AssertFields(steps[2], "errorCode", "notApplied");
            var checks = root.GetProperty("checks").EnumerateArray().ToList();
            Assert.All(checks, check => AssertFields(check, "id", "status", "message"));
            Assert.Equal(["pass", "fail", "skip"], checks.Select(check => check.GetProperty("status").GetString()));
            AssertFields(checks[0], "configPath");
            AssertFields(checks[1], "errorCode");
        }

        [Fact]
        public void Should_List_The_Sites_Of_A_Run_Over_Several_Under_Environments()
        {
            // Given
            var dev = new EnvironmentReport("dev", true, "https://dev.example.com", [new StepResult("Preflight", StepStatus.Unchanged, 1, [], [])], []);

            // When
            ReportStore.RecordEnvironments(reportDir, "monitor", "run-1", [dev]);
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(reportDir, ReportStore.ReportFileName)));

            // Then
            var environment = Assert.Single(json.RootElement.GetProperty("environments").EnumerateArray());
            AssertFields(environment, "name", "ok", "creatio", "steps", "checks");
        }

        public void Dispose() => Directory.Delete(reportDir, recursive: true);

        private static void AssertFields(JsonElement element, params string[] names) =>
            Assert.All(names, name => Assert.True(element.TryGetProperty(name, out _), $"report.json has no \"{name}\" in {element}"));
    }
}
