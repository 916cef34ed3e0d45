using System.Text.Json;
using CreatioIdentity.Checks;
using CreatioIdentity.Reporting;
using static CreatioIdentity.Tests.Reporting.Results;

namespace CreatioIdentity.Tests.Reporting;

public sealed class ReportStoreTests
{
    public sealed class TheRecordMethod
    {
        [Fact]
        public void Should_Start_A_New_Report_When_None_Exists()
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            var report = fixture.Record(Step("Preflight", StepStatus.Unchanged, CheckResult.Pass(CheckIds.CreatioLogin, "Logged in.")));

            // Then
            Assert.Equal(1, report.SchemaVersion);
            Assert.True(report.Ok);
            Assert.Equal("connect", report.Command);
            Assert.Equal("https://creatio.example.com", report.Creatio);
            Assert.Equal("run-42", report.RunId);
            Assert.Equal(["Preflight"], report.Steps.Select(s => s.Name));
            Assert.Equal([CheckIds.CreatioLogin], report.Checks.Select(c => c.Id));
        }

        [Fact]
        public void Should_Write_Report_Json_JUnit_Xml_And_Summary_Md_Into_A_New_Directory()
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            fixture.Record(Step("Validate"));

            // Then
            Assert.True(File.Exists(Path.Combine(fixture.ReportDir, ReportStore.ReportFileName)));
            Assert.True(File.Exists(Path.Combine(fixture.ReportDir, ReportStore.JUnitFileName)));
            Assert.True(File.Exists(Path.Combine(fixture.ReportDir, ReportStore.SummaryFileName)));
        }

        [Fact]
        public void Should_Name_The_Engine_Version_That_Wrote_The_Report()
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            fixture.Record(Step("Validate"));

            // Then: the engine's own version (MinVer, from the git tag), the one its User-Agent names, first in the file
            using var json = fixture.ReadJson();
            var first = json.RootElement.EnumerateObject().First();
            Assert.Equal("toolVersion", first.Name);
            Assert.Equal(CreatioIdentity.Http.ProductHeaders.Version, first.Value.GetString());
            Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$", first.Value.GetString());
        }

        [Fact]
        public void Should_Merge_Steps_Of_The_Same_Run()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            fixture.Record(Step("Validate"));
            fixture.Record(Step("Preflight"));

            // When
            var report = fixture.Record(Step("EnableFeature", StepStatus.Changed));

            // Then
            Assert.Equal(["Validate", "Preflight", "EnableFeature"], report.Steps.Select(s => s.Name));
            Assert.Equal(["Validate", "Preflight", "EnableFeature"], ReportStore.TryRead(fixture.ReportDir)!.Steps.Select(s => s.Name));
        }

        [Fact]
        public void Should_Replace_A_Step_Of_The_Same_Name_In_Its_Place()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            fixture.Record(Step("Preflight"), Failed("ApplySettings", "Creatio refused the write."), Step("TestConnection", StepStatus.Skipped));

            // When
            var report = fixture.Record(Step("ApplySettings", StepStatus.Changed));

            // Then
            Assert.Equal(["Preflight", "ApplySettings", "TestConnection"], report.Steps.Select(s => s.Name));
            Assert.Equal(StepStatus.Changed, report.Steps[1].Status);
        }

        [Fact]
        public void Should_Start_Fresh_When_The_Run_Id_Differs()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            fixture.Record(Step("Preflight", StepStatus.Unchanged, CheckResult.Fail(CheckIds.CreatioLogin, "Wrong password.")));
            fixture.RunId = "run-43";

            // When
            var report = fixture.Record(Step("Validate"));

            // Then
            Assert.Equal(["Validate"], report.Steps.Select(s => s.Name));
            Assert.Empty(report.Checks);
            Assert.True(report.Ok);
            Assert.Equal("run-43", ReportStore.TryRead(fixture.ReportDir)!.RunId);
        }

        [Fact]
        public void Should_Start_Fresh_When_No_Run_Id_Is_Given()
        {
            // Given
            using var fixture = new ReportStoreFixture { RunId = null };
            fixture.Record(Step("Validate"));

            // When
            var report = fixture.Record(Step("Preflight"));

            // Then
            Assert.Equal(["Preflight"], report.Steps.Select(s => s.Name));
        }

        [Fact]
        public void Should_Keep_The_Newest_Result_Of_Each_Check()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            fixture.Record(Step("TestConnection", StepStatus.Unchanged, CheckResult.Fail(CheckIds.IdentityServiceAvailable, "Creatio cannot reach the Identity Service.")));

            // When
            var report = fixture.Record(Step("Diagnose", StepStatus.Unchanged, CheckResult.Pass(CheckIds.IdentityServiceAvailable, "Available.")));

            // Then
            var check = Assert.Single(report.Checks);
            Assert.Equal(CheckStatus.Pass, check.Status);
            Assert.Equal("Available.", check.Message);
        }

        [Fact]
        public void Should_Keep_The_Later_Step_Result_Of_A_Check_Decided_Twice_In_One_Process()
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            var report = fixture.Record(
                Step("TestConnection", StepStatus.Unchanged, CheckResult.Skip(CheckIds.AccessTokenRetrievable, "Not yet.")),
                Step("Diagnose", StepStatus.Unchanged, CheckResult.Pass(CheckIds.AccessTokenRetrievable, "Retrievable.")));

            // Then
            Assert.Equal(CheckStatus.Pass, Assert.Single(report.Checks).Status);
        }

        [Fact]
        public void Should_Order_Checks_As_The_Contract_Lists_Them_With_Unknown_Ids_Last()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            fixture.Record(Step("Diagnose", StepStatus.Unchanged,
                CheckResult.Pass("SomethingNew", "ok"),
                CheckResult.Pass(CheckIds.DefaultResourceRegistered, "ok"),
                CheckResult.Pass(CheckIds.SystemSettingsFilledIn, "ok")));

            // When
            var report = fixture.Record(Step("Preflight", StepStatus.Unchanged,
                CheckResult.Pass("AnotherNew", "ok"),
                CheckResult.Pass(CheckIds.IdentityServiceDiscovery, "ok")));

            // Then
            Assert.Equal(
                [CheckIds.IdentityServiceDiscovery, CheckIds.SystemSettingsFilledIn, CheckIds.DefaultResourceRegistered, "SomethingNew", "AnotherNew"],
                report.Checks.Select(c => c.Id));
        }

        [Fact]
        public void Should_Not_Be_Ok_When_A_Step_Failed()
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            var report = fixture.Record(Failed("ApplySettings", "Creatio could not be reached."));

            // Then
            Assert.False(report.Ok);
        }

        [Fact]
        public void Should_Not_Be_Ok_When_A_Check_Failed()
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            var report = fixture.Record(Step("Diagnose", StepStatus.Unchanged, CheckResult.Fail(CheckIds.AccessTokenRetrievable, "Check the client secret.")));

            // Then
            Assert.False(report.Ok);
        }

        [Fact]
        public void Should_Be_Ok_When_Checks_Are_Skipped_And_Steps_Skipped()
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            var report = fixture.Record(Step("Diagnose", StepStatus.Skipped, CheckResult.Skip(CheckIds.DefaultResourceRegistered, "Not reported by this Creatio.")));

            // Then
            Assert.True(report.Ok);
        }

        [Fact]
        public void Should_Stay_Not_Ok_When_A_Later_Process_Of_The_Run_Passes()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            fixture.Record(Step("Preflight", StepStatus.Unchanged, CheckResult.Fail(CheckIds.ClientCredentialsToken, "invalid_client")));

            // When
            var report = fixture.Record(Step("Validate"));

            // Then
            Assert.False(report.Ok);
            Assert.False(fixture.ReadJson().RootElement.GetProperty("ok").GetBoolean());
        }

        [Fact]
        public void Should_Become_Ok_When_The_Newest_Result_Of_A_Red_Check_Is_Green()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            fixture.Record(Step("TestConnection", StepStatus.Unchanged, CheckResult.Fail(CheckIds.IdentityServiceAvailable, "Not yet.")));

            // When
            var report = fixture.Record(Step("Diagnose", StepStatus.Unchanged, CheckResult.Pass(CheckIds.IdentityServiceAvailable, "Available.")));

            // Then
            Assert.True(report.Ok);
        }

        [Fact]
        public void Should_Keep_The_Command_Of_The_Latest_Call()
        {
            // Given
            using var fixture = new ReportStoreFixture { Command = "validate" };
            fixture.Record(Step("Validate"));
            fixture.Command = "connect";

            // When
            var report = fixture.Record(Step("Preflight"));

            // Then
            Assert.Equal("connect", report.Command);
            Assert.Equal("connect", fixture.ReadJson().RootElement.GetProperty("command").GetString());
        }

        [Fact]
        public void Should_Write_The_Contract_Field_Names_And_Values()
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            fixture.Record(
                Step("EnableFeature", StepStatus.Changed, [new Change("OAuth20Integration", "off", "on")], CheckResult.Pass(CheckIds.FeatureEnabled, "On for all users.", "features.OAuth20Integration")),
                Failed("ApplySettings", "Creatio could not be reached."));

            // Then
            using var json = fixture.ReadJson();
            var root = json.RootElement;
            Assert.Equal(["toolVersion", "schemaVersion", "ok", "command", "creatio", "runId", "steps", "checks"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
            Assert.False(root.GetProperty("ok").GetBoolean());
            Assert.Equal("https://creatio.example.com", root.GetProperty("creatio").GetString());
            Assert.Equal("run-42", root.GetProperty("runId").GetString());

            var steps = root.GetProperty("steps").EnumerateArray().ToList();
            Assert.Equal(["name", "status", "durationMs", "changes"], steps[0].EnumerateObject().Select(p => p.Name));
            Assert.Equal("changed", steps[0].GetProperty("status").GetString());
            Assert.Equal(1500, steps[0].GetProperty("durationMs").GetInt64());
            var change = Assert.Single(steps[0].GetProperty("changes").EnumerateArray().ToList());
            Assert.Equal(["item", "from", "to"], change.EnumerateObject().Select(p => p.Name));
            Assert.Equal("OAuth20Integration", change.GetProperty("item").GetString());
            Assert.Equal("off", change.GetProperty("from").GetString());
            Assert.Equal("on", change.GetProperty("to").GetString());
            Assert.Equal("failed", steps[1].GetProperty("status").GetString());
            Assert.Equal("Creatio could not be reached.", steps[1].GetProperty("error").GetString());

            var check = Assert.Single(root.GetProperty("checks").EnumerateArray().ToList());
            Assert.Equal(["id", "status", "message", "configPath"], check.EnumerateObject().Select(p => p.Name));
            Assert.Equal("FeatureEnabled", check.GetProperty("id").GetString());
            Assert.Equal("pass", check.GetProperty("status").GetString());
            Assert.Equal("On for all users.", check.GetProperty("message").GetString());
            Assert.Equal("features.OAuth20Integration", check.GetProperty("configPath").GetString());
        }

        [Theory]
        [InlineData(StepStatus.Changed, "changed")]
        [InlineData(StepStatus.Unchanged, "unchanged")]
        [InlineData(StepStatus.Failed, "failed")]
        [InlineData(StepStatus.Skipped, "skipped")]
        public void Should_Write_Step_Statuses_In_Lower_Case(StepStatus status, string expected)
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            fixture.Record(new StepResult("Diagnose", status, 1, [], []));

            // Then
            using var json = fixture.ReadJson();
            Assert.Equal(expected, json.RootElement.GetProperty("steps")[0].GetProperty("status").GetString());
        }

        [Theory]
        [InlineData(CheckStatus.Pass, "pass")]
        [InlineData(CheckStatus.Fail, "fail")]
        [InlineData(CheckStatus.Skip, "skip")]
        public void Should_Write_Check_Statuses_In_Lower_Case(CheckStatus status, string expected)
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            fixture.Record(Step("Diagnose", StepStatus.Unchanged, new CheckResult(CheckIds.SystemSettingsFilledIn, status, "m")));

            // Then
            using var json = fixture.ReadJson();
            Assert.Equal(expected, json.RootElement.GetProperty("checks")[0].GetProperty("status").GetString());
        }

        [Fact]
        public void Should_Write_A_Null_Run_Id_And_Null_Change_Values_As_Null()
        {
            // Given
            using var fixture = new ReportStoreFixture { RunId = null };

            // When
            fixture.Record(Step("ApplySettings", StepStatus.Changed, [new Change("OAuth20IdentityServerUrl", null, "https://identity.example.com")]));

            // Then
            using var json = fixture.ReadJson();
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("runId").ValueKind);
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("steps")[0].GetProperty("changes")[0].GetProperty("from").ValueKind);
        }

        [Fact]
        public void Should_Write_Indented_Json()
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            fixture.Record(Step("Validate"));

            // Then
            Assert.Contains("\n  \"schemaVersion\": 1,", File.ReadAllText(fixture.ReportPath).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Replace_A_Corrupt_Report_Of_The_Same_Run()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            fixture.WriteReportJson("{\"schemaVersion\":1,\"ok\":true,\"runId\":\"run-42\",\"steps\":[{\"na");

            // When
            var report = fixture.Record(Step("Preflight"));

            // Then
            Assert.Equal(["Preflight"], report.Steps.Select(s => s.Name));
            Assert.Equal(["Preflight"], ReportStore.TryRead(fixture.ReportDir)!.Steps.Select(s => s.Name));
        }

        [Fact]
        public void Should_Leave_No_Temporary_Files_Behind()
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            fixture.Record(Step("Validate"));
            fixture.Record(Step("Preflight"));

            // Then
            Assert.DoesNotContain(Directory.GetFiles(fixture.ReportDir), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_Leave_The_Password_Of_The_Creatio_Url_Out()
        {
            // Given
            using var fixture = new ReportStoreFixture { CreatioUrl = "https://admin:S3cret!@creatio.example.com/" };

            // When
            var report = fixture.Record(Step("Validate"));

            // Then
            Assert.Equal("https://creatio.example.com/", report.Creatio);
            foreach (var file in Directory.GetFiles(fixture.ReportDir))
            {
                Assert.DoesNotContain("S3cret!", File.ReadAllText(file), StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Should_Give_Up_When_Another_Process_Holds_The_Lock()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            Directory.CreateDirectory(fixture.ReportDir);
            using var held = new FileStream(Path.Combine(fixture.ReportDir, ReportStore.LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

            // When
            var exception = Record.Exception(() =>
                ReportStore.Record(fixture.ReportDir, "connect", fixture.CreatioUrl, "run-42", [Step("Validate")], TimeSpan.FromMilliseconds(200)));

            // Then
            Assert.IsType<IOException>(exception);
            Assert.Contains(ReportStore.LockFileName, exception.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(fixture.ReportPath));
        }

        [Fact]
        public async Task Should_Record_Once_The_Lock_Is_Released()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            Directory.CreateDirectory(fixture.ReportDir);
            var held = new FileStream(Path.Combine(fixture.ReportDir, ReportStore.LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            var release = Task.Delay(300).ContinueWith(_ => held.Dispose(), TaskScheduler.Default);

            // When
            var report = ReportStore.Record(fixture.ReportDir, "connect", fixture.CreatioUrl, "run-42", [Step("Validate")], TimeSpan.FromSeconds(10));

            // Then
            await release;
            Assert.Equal(["Validate"], report.Steps.Select(s => s.Name));
        }

        [Fact]
        public void Should_Hold_Every_Step_And_Check_After_A_Connect_Run()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            fixture.Record(Step("Validate"));
            fixture.Record(Step("Preflight", StepStatus.Unchanged,
                CheckResult.Pass(CheckIds.IdentityServiceDiscovery, "ok"),
                CheckResult.Pass(CheckIds.ClientCredentialsToken, "ok"),
                CheckResult.Pass(CheckIds.CreatioLogin, "ok")));
            fixture.Record(Step("EnableFeature", StepStatus.Changed, [new Change("OAuth20Integration", "off", "on")], CheckResult.Pass(CheckIds.FeatureEnabled, "ok")));
            fixture.Record(Step("ApplySettings", StepStatus.Changed, [new Change("OAuth20IdentityServerClientSecret", null, "***")], CheckResult.Pass(CheckIds.SettingsApplied, "ok")));
            fixture.Record(Step("TestConnection", StepStatus.Unchanged,
                CheckResult.Pass(CheckIds.SystemSettingsFilledIn, "ok"),
                CheckResult.Pass(CheckIds.IdentityServiceAvailable, "ok"),
                CheckResult.Pass(CheckIds.AccessTokenRetrievable, "ok")));

            // When
            var report = fixture.Record(Step("Diagnose", StepStatus.Changed, [new Change("DefaultResource", null, "registered")], CheckResult.Pass(CheckIds.DefaultResourceRegistered, "ok")));

            // Then
            Assert.True(report.Ok);
            Assert.Equal(["Validate", "Preflight", "EnableFeature", "ApplySettings", "TestConnection", "Diagnose"], report.Steps.Select(s => s.Name));
            Assert.Equal(CheckIds.All, report.Checks.Select(c => c.Id));
        }
    }

    public sealed class TheTryReadMethod
    {
        [Fact]
        public void Should_Return_Null_When_There_Is_No_Report()
        {
            // Given
            using var fixture = new ReportStoreFixture();

            // When
            var report = ReportStore.TryRead(fixture.ReportDir);

            // Then
            Assert.Null(report);
        }

        [Theory]
        [InlineData("")]
        [InlineData("{")]
        [InlineData("null")]
        [InlineData("[]")]
        [InlineData("{\"schemaVersion\":2,\"ok\":true,\"command\":\"connect\",\"creatio\":\"https://c\",\"steps\":[],\"checks\":[]}")]
        [InlineData("{\"schemaVersion\":1,\"ok\":true,\"command\":\"connect\",\"creatio\":\"https://c\",\"checks\":[]}")]
        [InlineData("{\"schemaVersion\":1,\"ok\":true,\"command\":\"connect\",\"creatio\":\"https://c\",\"steps\":[{\"name\":\"Diagnose\",\"status\":\"exploded\"}],\"checks\":[]}")]
        [InlineData("{\"schemaVersion\":1,\"ok\":true,\"command\":\"connect\",\"creatio\":\"https://c\",\"steps\":[{\"name\":\"Diagnose\",\"status\":\"1\"}],\"checks\":[]}")]
        [InlineData("{\"schemaVersion\":1,\"ok\":true,\"command\":\"connect\",\"creatio\":\"https://c\",\"steps\":[],\"checks\":[{\"id\":\"CreatioLogin\",\"status\":\"Pass\"}]}")]
        [InlineData("{\"schemaVersion\":1,\"ok\":true,\"command\":\"connect\",\"creatio\":\"https://c\",\"steps\":[],\"checks\":[null]}")]
        [InlineData("{\"schemaVersion\":1,\"ok\":true,\"command\":\"connect\",\"creatio\":\"https://c\",\"steps\":[{\"name\":\"Diagnose\",\"status\":\"changed\",\"durationMs\":\"soon\"}],\"checks\":[]}")]
        public void Should_Return_Null_For_A_Report_It_Cannot_Understand(string text)
        {
            // Given
            using var fixture = new ReportStoreFixture();
            fixture.WriteReportJson(text);

            // When
            var report = ReportStore.TryRead(fixture.ReportDir);

            // Then
            Assert.Null(report);
        }

        [Fact]
        public void Should_Read_Back_What_Record_Wrote()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            fixture.Record(
                Step("EnableFeature", StepStatus.Changed, [new Change("OAuth20Integration", "off", "on")], CheckResult.Pass(CheckIds.FeatureEnabled, "On for all users.")),
                Failed("ApplySettings", "Creatio could not be reached.", CheckResult.Fail(CheckIds.SettingsApplied, "Retry later.")));

            // When
            var report = ReportStore.TryRead(fixture.ReportDir);

            // Then
            Assert.NotNull(report);
            Assert.False(report.Ok);
            Assert.Equal("run-42", report.RunId);
            Assert.Equal(("EnableFeature", StepStatus.Changed, 1500L), (report.Steps[0].Name, report.Steps[0].Status, report.Steps[0].DurationMs));
            Assert.Equal([new Change("OAuth20Integration", "off", "on")], report.Steps[0].Changes);
            Assert.Equal("Creatio could not be reached.", report.Steps[1].Error);
            Assert.Equal(
                [CheckResult.Pass(CheckIds.FeatureEnabled, "On for all users."), CheckResult.Fail(CheckIds.SettingsApplied, "Retry later.")],
                report.Checks);
        }

        [Fact]
        public void Should_Read_Back_The_Config_Path_Of_Each_Check()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            fixture.Record(Failed("TestConnection", "Creatio did not reach the Identity Service.",
                CheckResult.Fail(CheckIds.IdentityServiceAvailable, "Creatio did not reach it.", "identityService.url"),
                CheckResult.Pass(CheckIds.SystemSettingsFilledIn, "Filled in.")));

            // When
            var report = ReportStore.TryRead(fixture.ReportDir);

            // Then
            Assert.NotNull(report);
            Assert.Equal([null, "identityService.url"], report.Checks.Select(check => check.ConfigPath));
        }

        [Fact]
        public void Should_Read_A_Check_Written_Without_A_Config_Path()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            fixture.WriteReportJson("{\"schemaVersion\":1,\"ok\":false,\"command\":\"connect\",\"creatio\":\"https://c\",\"steps\":[],\"checks\":[{\"id\":\"CreatioLogin\",\"status\":\"fail\",\"message\":\"Wrong password.\"}]}");

            // When
            var report = ReportStore.TryRead(fixture.ReportDir);

            // Then
            Assert.NotNull(report);
            Assert.Equal(CheckResult.Fail(CheckIds.CreatioLogin, "Wrong password."), Assert.Single(report.Checks));
        }

        [Fact]
        public void Should_Accept_A_Report_Without_Run_Id_Or_Changes()
        {
            // Given
            using var fixture = new ReportStoreFixture();
            fixture.WriteReportJson("{\"schemaVersion\":1,\"ok\":true,\"command\":\"validate\",\"creatio\":\"https://c\",\"steps\":[{\"name\":\"Validate\",\"status\":\"unchanged\",\"durationMs\":3}],\"checks\":[]}");

            // When
            var report = ReportStore.TryRead(fixture.ReportDir);

            // Then
            Assert.NotNull(report);
            Assert.Null(report.RunId);
            Assert.Empty(Assert.Single(report.Steps).Changes);
        }
    }
}
