using System.Text.Json.Nodes;
using CreatioIdentity.Agents;
using CreatioIdentity.Commands;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Tests.Integration;

namespace CreatioIdentity.Tests.Tracing;

/// <summary>
/// --trace-http against the sandbox: every attempt of every engine process, retries and failures
/// included, in one HAR file per run, each entry marked with its step and environment.
/// </summary>
public sealed class TraceRecordingTests
{
    private static JsonArray Entries(string path) => JsonNode.Parse(File.ReadAllText(path))!["log"]!["entries"]!.AsArray();

    private static IEnumerable<JsonNode> To(JsonArray entries, string pathEnd) =>
        entries.OfType<JsonNode>().Where(entry => new Uri((string)entry["request"]!["url"]!).AbsolutePath.EndsWith(pathEnd, StringComparison.Ordinal));

    public sealed class TheConnectCommand
    {
        [Fact]
        public async Task Should_Record_The_Exchanges_With_Creatio_And_The_Identity_Service()
        {
            // Given
            await using var world = await EngineRun.StartAsync();
            world.TracePath = Path.Combine(world.Directory, "trace.har");

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.Equal(0, run.ExitCode);
            var entries = Entries(world.TracePath);
            Assert.Equal(world.Sandbox.Creatio.Requests.Count, entries.Count(entry => ((string)entry!["request"]!["url"]!).StartsWith(world.Sandbox.CreatioUrl.AbsoluteUri, StringComparison.Ordinal)));
            Assert.Single(To(entries, "/.well-known/openid-configuration"));
            Assert.Equal(200, (int)To(entries, "/connect/token").Single()["response"]!["status"]!);
            Assert.All(entries, entry => Assert.Equal("connect", (string)entry!["_command"]!));
        }

        [Fact]
        public async Task Should_Record_A_Retried_Request_As_Two_Entries()
        {
            // Given: the settings read answers 503 once, and reads are retried
            await using var world = await EngineRun.StartAsync();
            world.TracePath = Path.Combine(world.Directory, "trace.har");
            world.Sandbox.Faults.Add(Fault.Status("QuerySysSettings", 503, count: 1));

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.Equal(0, run.ExitCode);
            var reads = To(Entries(world.TracePath), "/QuerySysSettings").Select(entry => (int)entry["response"]!["status"]!).ToList();
            Assert.Equal([503, 200], reads[..2]);
        }

        [Fact]
        public async Task Should_Record_Each_Attempt_That_Got_No_Answer_With_Status_0_And_The_Reason()
        {
            // Given: the settings never answer within the one-second timeout
            await using var world = await EngineRun.StartAsync();
            world.TracePath = Path.Combine(world.Directory, "trace.har");
            world.Sandbox.Faults.Add(Fault.Hang("QuerySysSettings", count: null));
            var config = world.WriteConfig(yaml => yaml.Set("creatio.timeoutSeconds", "1"));

            // When
            var run = await world.RunAsync("connect", config);

            // Then: three attempts (a read is retried), each a timeout
            Assert.Equal(1, run.ExitCode);
            var attempts = To(Entries(world.TracePath), "/DataService/json/SyncReply/QuerySysSettings").ToList();
            Assert.Equal(3, attempts.Count);
            Assert.All(attempts, attempt =>
            {
                Assert.Equal(0, (int)attempt["response"]!["status"]!);
                Assert.StartsWith("Timeout:", (string)attempt["_error"]!, StringComparison.Ordinal);
            });
        }
    }

    public sealed class TheStepProcesses
    {
        [Fact]
        public async Task Should_Append_Every_Step_Process_Of_A_Target_To_One_File()
        {
            // Given
            await using var world = await EngineRun.StartAsync();
            world.TracePath = Path.Combine(world.Directory, "trace.har");

            // When
            var runs = await world.RunConnectIdentityAsStepsAsync();

            // Then
            Assert.All(runs, run => Assert.Equal(0, run.ExitCode));
            var commands = Entries(world.TracePath).Select(entry => (string)entry!["_command"]!).Distinct();
            // (the last process, OAuthApps, ends the run's Creatio session)
            Assert.Equal(["preflight", "enable-feature", "apply-settings", "test-connection", "diagnose", "oauth-apps"], commands);
        }

        [Fact]
        public async Task Should_Start_A_New_File_For_A_New_Run()
        {
            // Given
            await using var world = await EngineRun.StartAsync();
            world.TracePath = Path.Combine(world.Directory, "trace.har");
            await world.RunConnectIdentityAsStepsAsync();

            // When: a later Cake run, with a run id of its own
            world.ShareSessionAcrossCommands("diagnose");
            await world.RunAsync("diagnose");

            // Then: only what the last run sent
            var entries = Entries(world.TracePath);
            Assert.All(entries, entry => Assert.Equal("diagnose", (string)entry!["_command"]!));
        }
    }

    public sealed class SeveralEnvironments
    {
        [Fact]
        public async Task Should_Mark_Each_Entry_With_Its_Environment_When_Sites_Run_Concurrently()
        {
            // Given
            await using var world = await EngineRun.StartSitesAsync("alpha", "beta");
            var tracePath = Path.Combine(world.Directory, "trace.har");
            var agent = BuildAgents.Detect(name => world.Environment.TryGetValue(name, out var value) ? value : null, new StringWriter(), plain: true);

            // When
            var exitCode = await new CommandRunner(agent, name => world.Environment.TryGetValue(name, out var value) ? value : null) { TracePath = tracePath }
                .RunAsync(EngineCommands.Find("connect")!, world.ConfigPath, world.ReportDir, new RunSelection(["alpha", "beta"]), CancellationToken.None);

            // Then
            Assert.Equal(0, exitCode);
            var entries = Entries(tracePath);
            foreach (var name in new[] { "alpha", "beta" })
            {
                var site = world[name].CreatioUrl.AbsoluteUri;
                var own = entries.Where(entry => ((string)entry!["request"]!["url"]!).StartsWith(site, StringComparison.Ordinal)).ToList();
                Assert.Equal(world[name].Creatio.Requests.Count, own.Count);
                Assert.All(own, entry => Assert.Equal(name, (string)entry!["_environment"]!));
            }
        }
    }
}
