using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CreatioIdentity.Checks;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Steps;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// ConnectIdentity against a sandbox that injects faults: what Creatio received, what the report
/// says (error code, what changed and what not) and that running again completes the job.
/// </summary>
public static class FaultBehaviourTests
{
    private const string PostSysSettingsValues = "PostSysSettingsValues";

    private static StepResult Step(RunResult run, string name) => Assert.Single(run.Report!.Steps, step => step.Name == name);

    private static StepResult FailedStep(RunResult run)
    {
        Assert.Equal(1, run.ExitCode);
        Assert.False(run.Report!.Ok);
        return Assert.Single(run.Report.Steps, step => step.Status == StepStatus.Failed);
    }

    /// <summary>Preflight failed with connect, its CreatioLogin check saying <paramref name="message"/>.</summary>
    private static void ShouldStopAtTheCreatioLoginWithConnect(RunResult run, string message)
    {
        var failed = FailedStep(run);
        Assert.Equal("Preflight", failed.Name);
        Assert.Equal(ErrorCodes.Connect, failed.ErrorCode);
        var login = Assert.Single(run.Report!.Checks, check => check.Id == CheckIds.CreatioLogin);
        Assert.Contains(message, login.Message, StringComparison.Ordinal);
    }

    private static int RequestsTo(EngineRun world, string path) =>
        world.Sandbox.Creatio.Requests.Count(request => request.Path.Contains(path, StringComparison.Ordinal));

    /// <summary>A sandbox world whose configuration has a one-second request timeout.</summary>
    private static async Task<(EngineRun World, string Config)> StartAsync(SandboxOptions? options = null)
    {
        var world = await EngineRun.StartAsync(options);
        var config = world.WriteConfig(yaml => yaml.Set("creatio.timeoutSeconds", "1"));
        return (world, config);
    }

    private static async Task<RunResult> ShouldCompleteWhenRunAgainAsync(EngineRun world, string config)
    {
        world.Sandbox.Faults.Clear();
        var again = await world.RunAsync("connect", config);
        Assert.Equal(0, again.ExitCode);
        Assert.Empty(ConnectedState.Problems(world.Sandbox));
        return again;
    }

    public sealed class TheReads
    {
        [Fact]
        public async Task Should_Be_Retried_With_Backoff_After_A_503_And_Succeed()
        {
            // Given
            var (world, config) = await StartAsync();
            await using var _ = world;
            world.Sandbox.Faults.Add(Fault.Status("QuerySysSettings", 503, count: 2));

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            Assert.Equal(0, run.ExitCode);
            Assert.Empty(ConnectedState.Problems(world.Sandbox));
            var queries = world.Sandbox.Creatio.Requests.Where(request => request.Path.EndsWith("QuerySysSettings", StringComparison.Ordinal)).ToList();
            Assert.Equal([503, 503, 200], queries.Take(3).Select(request => request.StatusCode));
            Assert.True(queries[2].At - queries[0].At >= TimeSpan.FromMilliseconds(100), "the retries came without a backoff");
        }

        [Fact]
        public async Task Should_Stop_The_Step_With_Timeout_When_A_Read_Hangs_Past_Every_Attempt()
        {
            // Given
            var (world, config) = await StartAsync();
            await using var _ = world;
            world.Sandbox.Faults.Add(Fault.Hang("SelectQuery", count: null));

            // When
            var clock = Stopwatch.StartNew();
            var run = await world.RunAsync("connect", config);

            // Then
            var failed = FailedStep(run);
            Assert.Equal("EnableFeature", failed.Name);
            Assert.Equal(ErrorCodes.Timeout, failed.ErrorCode);
            Assert.Contains("did not answer", failed.Error, StringComparison.Ordinal);
            Assert.Equal(3, RequestsTo(world, "SelectQuery"));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
            Assert.Empty(world.Sandbox.Creatio.Writes);
            Assert.Contains("\"errorCode\": \"timeout\"", run.ReportFiles["report.json"], StringComparison.Ordinal);
            Assert.Contains("EnableFeature [timeout]: ", run.Output, StringComparison.Ordinal);
            await ShouldCompleteWhenRunAgainAsync(world, config);
        }

        [Fact]
        public async Task Should_Never_Take_An_Answer_That_Is_Not_Json_As_Success()
        {
            // Given
            var (world, config) = await StartAsync();
            await using var _ = world;
            world.Sandbox.Faults.Add(Fault.MalformedJson("SelectQuery"));

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            var failed = FailedStep(run);
            Assert.Equal(ErrorCodes.UnexpectedAnswer, failed.ErrorCode);
            Assert.Contains("not understood", failed.Error, StringComparison.Ordinal);
            Assert.Empty(world.Sandbox.Creatio.Writes);
            await ShouldCompleteWhenRunAgainAsync(world, config);
        }
    }

    public sealed class TheWrites
    {
        [Fact]
        public async Task Should_Never_Be_Retried_And_Report_What_Changed_And_What_May_Not_Have()
        {
            // Given
            var (world, config) = await StartAsync();
            await using var _ = world;
            world.Sandbox.Creatio.SetSetting(OAuthSettingCodes.ClientId, "previous-client");
            world.Sandbox.Faults.Add(Fault.Status(PostSysSettingsValues, 503, count: null));

            // When
            var run = await world.RunAsync("connect", config);

            // Then: one request, never repeated
            Assert.Equal(1, RequestsTo(world, PostSysSettingsValues));
            var failed = FailedStep(run);
            Assert.Equal("ApplySettings", failed.Name);
            Assert.Equal(ErrorCodes.HttpStatus, failed.ErrorCode);

            // Then: the feature was changed before; the three settings were sent, not confirmed
            Assert.Equal(StepStatus.Changed, Step(run, "EnableFeature").Status);
            Assert.Empty(failed.Changes);
            Assert.Equal(
                [(OAuthSettingCodes.Url, WriteState.Unknown), (OAuthSettingCodes.ClientId, WriteState.Unknown), (OAuthSettingCodes.ClientSecret, WriteState.Unknown)],
                failed.NotApplied.Select(item => (item.Item, item.State)));
            Assert.Equal("previous-client", failed.NotApplied[1].From);
            Assert.Equal("***", failed.NotApplied[2].From);
            Assert.Contains("\"notApplied\"", run.ReportFiles["report.json"], StringComparison.Ordinal);
            Assert.Contains("Running again completes the job", failed.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(world.Sandbox.Options.ClientSecret, run.ReportFiles["report.json"], StringComparison.Ordinal);

            var again = await ShouldCompleteWhenRunAgainAsync(world, config);
            Assert.Equal(StepStatus.Unchanged, Step(again, "EnableFeature").Status);
            Assert.Equal(StepStatus.Changed, Step(again, "ApplySettings").Status);
        }

        [Fact]
        public async Task Should_Report_A_Write_Whose_Answer_Was_Lost_As_Unknown_And_Find_It_Done_When_Run_Again()
        {
            // Given: Creatio applies the settings, then the connection drops
            var (world, config) = await StartAsync();
            await using var _ = world;
            world.Sandbox.Faults.Add(Fault.Reset(PostSysSettingsValues, afterHandling: true));

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            Assert.Equal(1, RequestsTo(world, PostSysSettingsValues));
            var failed = FailedStep(run);
            Assert.Equal(ErrorCodes.Connect, failed.ErrorCode);
            Assert.Contains("may or may not have applied", failed.Error, StringComparison.Ordinal);
            Assert.All(failed.NotApplied, item => Assert.Equal(WriteState.Unknown, item.State));

            world.Sandbox.Creatio.ClearRecord();
            var again = await ShouldCompleteWhenRunAgainAsync(world, config);
            Assert.Equal(StepStatus.Unchanged, Step(again, "ApplySettings").Status);
            Assert.Equal(0, RequestsTo(world, PostSysSettingsValues));
        }

        [Fact]
        public async Task Should_Not_Take_A_Write_Answered_With_Malformed_Json_As_Done()
        {
            // Given
            var (world, config) = await StartAsync();
            await using var _ = world;
            world.Sandbox.Faults.Add(Fault.MalformedJson(PostSysSettingsValues, afterHandling: true));

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            var failed = FailedStep(run);
            Assert.Equal(ErrorCodes.UnexpectedAnswer, failed.ErrorCode);
            Assert.Empty(failed.Changes);
            Assert.Equal(3, failed.NotApplied.Count);
            await ShouldCompleteWhenRunAgainAsync(world, config);
        }

        [Fact]
        public async Task Should_Say_Which_Feature_Changed_When_The_Cache_Clear_Fails()
        {
            // Given
            var (world, config) = await StartAsync();
            await using var _ = world;
            world.Sandbox.Faults.Add(Fault.Status("ClearFeaturesCacheForAllUsers", 500, count: null));

            // When
            var run = await world.RunAsync("connect", config);

            // Then: the feature is stored, the cache clear (a GET, idempotent) was retried and is reported as not confirmed
            var failed = FailedStep(run);
            Assert.Equal("EnableFeature", failed.Name);
            Assert.Equal(ErrorCodes.HttpStatus, failed.ErrorCode);
            Assert.Equal(["feature OAuth20Integration (all users)", "feature OAuth20Integration (System administrators)"], failed.Changes.Select(change => change.Item));
            Assert.Equal(("feature cache", WriteState.Unknown), (failed.NotApplied.Single().Item, failed.NotApplied.Single().State));
            Assert.Equal(2, RequestsTo(world, "UpdateQuery"));
            Assert.Equal(3, RequestsTo(world, "ClearFeaturesCacheForAllUsers")); // clearing a cache twice is harmless: retried like a read
            await ShouldCompleteWhenRunAgainAsync(world, config);
        }
    }

    public sealed class TheSession
    {
        [Theory]
        [InlineData(FaultKind.SessionExpired)]
        [InlineData(FaultKind.LoginPage)]
        public async Task Should_Log_In_Once_More_And_Repeat_The_Request_When_It_Expires_Mid_Run(FaultKind kind)
        {
            // Given
            var (world, config) = await StartAsync(new SandboxOptions { Runtime = kind == FaultKind.LoginPage ? SandboxRuntime.NetFramework : SandboxRuntime.Net });
            await using var _ = world;
            world.Sandbox.Faults.Add(new Fault(kind, PostSysSettingsValues));

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(2, world.Sandbox.Creatio.LoginCount);
            // DataService answers an expired session with a 302 to the runtime's login page (clio ReauthExecutor).
            Assert.Equal([302, 200],
                world.Sandbox.Creatio.Requests.Where(request => request.Path.EndsWith(PostSysSettingsValues, StringComparison.Ordinal)).Select(request => request.StatusCode));
            Assert.Empty(ConnectedState.Problems(world.Sandbox));
        }

        [Fact]
        public async Task Should_Fail_As_Authentication_When_The_Session_Expires_Again_After_The_Fresh_Login()
        {
            // Given
            var (world, config) = await StartAsync();
            await using var _ = world;
            world.Sandbox.Faults.Add(Fault.SessionExpired("SelectQuery", count: 2));

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            var failed = FailedStep(run);
            Assert.Equal(ErrorCodes.Authentication, failed.ErrorCode);
            Assert.Equal(2, world.Sandbox.Creatio.LoginCount);
            await ShouldCompleteWhenRunAgainAsync(world, config);
        }

        [Fact]
        public async Task Should_Fail_As_Csrf_When_Creatio_Rejects_The_Token_After_A_Fresh_Login()
        {
            // Given
            var (world, config) = await StartAsync();
            await using var _ = world;
            world.Sandbox.Faults.Add(Fault.CsrfRejected("UpdateQuery", count: 2));

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            var failed = FailedStep(run);
            Assert.Equal(ErrorCodes.Csrf, failed.ErrorCode);
            Assert.Contains("BPMCSRF", failed.Error, StringComparison.Ordinal);
            Assert.Equal(WriteState.Unknown, failed.NotApplied[0].State);
            Assert.False(world.Sandbox.Creatio.GetFeatureState("OAuth20Integration"));
            await ShouldCompleteWhenRunAgainAsync(world, config);
        }
    }

    public sealed class TheHealthCheck
    {
        [Fact]
        public async Task Should_Be_Polled_Past_A_Flip_To_Red_Until_It_Is_Green()
        {
            // Given
            var (world, config) = await StartAsync();
            await using var _ = world;
            world.Sandbox.Faults.Add(Fault.HealthFlip(count: 1));

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            Assert.Equal(0, run.ExitCode);
            Assert.Empty(ConnectedState.Problems(world.Sandbox));
            Assert.Contains(world.Sandbox.Creatio.Requests, request => request.Path.EndsWith("OAuthHealthCheck", StringComparison.Ordinal) && request.StatusCode == 500);
        }

        [Fact]
        public async Task Should_Stop_At_The_Step_Deadline_When_It_Answers_Too_Slowly()
        {
            // Given: each health check takes over a second, the step may take two
            var (world, config) = await StartAsync();
            await using var _ = world;
            world.Environment[StepTuning.DeadlineVariable] = "2";
            world.Sandbox.Faults.Add(Fault.Hang("OAuthHealthCheck", count: null));

            // When
            var clock = Stopwatch.StartNew();
            var run = await world.RunAsync("test-connection", config);

            // Then
            var failed = FailedStep(run);
            Assert.Equal(ErrorCodes.Deadline, failed.ErrorCode);
            Assert.Contains(StepTuning.DeadlineVariable, failed.Error, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}");
        }
    }

    public sealed class TheIdentityService
    {
        [Fact]
        public async Task Should_Stop_At_Preflight_With_Nothing_Written_When_It_Is_Down()
        {
            // Given
            var (world, config) = await StartAsync();
            await using var _ = world;
            world.Sandbox.Faults.Add(Fault.IdentityServiceDown());

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            var failed = FailedStep(run);
            Assert.Equal("Preflight", failed.Name);
            Assert.Equal(ErrorCodes.HttpStatus, failed.ErrorCode);
            var discovery = Assert.Single(run.Report!.Checks, check => check.Id == CheckIds.IdentityServiceDiscovery);
            Assert.Equal(ErrorCodes.HttpStatus, discovery.ErrorCode);
            Assert.Contains("down or failing", discovery.Message, StringComparison.Ordinal);
            Assert.Empty(world.Sandbox.Creatio.Writes);
            await ShouldCompleteWhenRunAgainAsync(world, config);
        }

        [Fact]
        public async Task Should_Retry_The_Runners_Token_Request_After_A_503_And_Succeed()
        {
            // Given: the token endpoint fails twice, then answers (the runner asks before Creatio does)
            var (world, config) = await StartAsync();
            await using var _ = world;
            world.Sandbox.Faults.Add(new Fault(FaultKind.Status, "connect/token", Count: 2, StatusCode: 503, Server: FaultServer.IdentityService));

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(2, world.Sandbox.Faults.Injected.Count(fault => fault.Path.Contains("connect/token", StringComparison.Ordinal)));
            Assert.Equal(CheckStatus.Pass, Assert.Single(run.Report!.Checks, check => check.Id == CheckIds.ClientCredentialsToken).Status);
            Assert.Empty(ConnectedState.Problems(world.Sandbox));
        }

        [Fact]
        public async Task Should_Not_Retry_The_Runners_Token_Request_When_The_Identity_Service_Refuses_It()
        {
            // Given: one 400 from the token endpoint, as an unknown client or wrong secret gets; a
            // retry would be answered, so only a run that does not retry stays red
            var (world, config) = await StartAsync();
            await using var _ = world;
            world.Sandbox.Faults.Add(new Fault(FaultKind.Status, "connect/token", Count: 1, StatusCode: 400, Server: FaultServer.IdentityService));

            // When
            var run = await world.RunAsync("connect", config);

            // Then: red at Preflight, asked once, nothing written to Creatio
            Assert.Equal(1, run.ExitCode);
            Assert.Equal("Preflight", FailedStep(run).Name);
            Assert.Equal(CheckStatus.Fail, Assert.Single(run.Report!.Checks, check => check.Id == CheckIds.ClientCredentialsToken).Status);
            Assert.Single(world.Sandbox.Faults.Injected, fault => fault.Path.Contains("connect/token", StringComparison.Ordinal));
            Assert.Empty(world.Sandbox.Creatio.Writes);
            await ShouldCompleteWhenRunAgainAsync(world, config);
        }

        [Fact]
        public async Task Should_Say_Connect_When_It_Drops_Connections()
        {
            // Given
            var (world, config) = await StartAsync();
            await using var _ = world;
            world.Sandbox.Faults.Add(Fault.IdentityServiceDown(FaultKind.Reset));

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            Assert.Equal(ErrorCodes.Connect, FailedStep(run).ErrorCode);
            Assert.Empty(world.Sandbox.Creatio.Writes);
        }
    }

    public sealed class ADeadCreatio
    {
        [Fact]
        public async Task Should_Stop_Quickly_With_Connect_When_Nothing_Listens_On_The_Port()
        {
            // Given
            var (world, config) = await StartAsync();
            await using var _ = world;
            using var closed = new ClosedPort();
            world.Environment["SANDBOX_CREATIO_URL"] = $"http://127.0.0.1:{closed.Port}/";

            // When
            var clock = Stopwatch.StartNew();
            var run = await world.RunAsync("connect", config);

            // Then
            ShouldStopAtTheCreatioLoginWithConnect(run, "could not be reached");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task Should_Stop_Within_The_Connect_Timeout_Without_Retrying_When_The_Host_Drops_The_Packets()
        {
            // Given: a port whose connection queue is full, so the connection attempts go unanswered, as at
            // a blackholed address; 5 s per request, so one connect timeout (4 s) and three (12 s and more) are far apart
            var (world, _) = await StartAsync();
            await using var _ = world;
            var config = world.WriteConfig(yaml => yaml.Set("creatio.timeoutSeconds", "5"));
            using var blackhole = new Blackhole();
            world.Environment["SANDBOX_CREATIO_URL"] = $"http://127.0.0.1:{blackhole.Port}/";

            // When
            var clock = Stopwatch.StartNew();
            var run = await world.RunAsync("connect", config);

            // Then: one connect timeout (0.8 of the 5 s request timeout), not three attempts
            ShouldStopAtTheCreatioLoginWithConnect(run, "could not be reached (no answer to the connection within 4 s");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}: the connect was retried");
        }

        [Fact]
        public async Task Should_Stop_At_Once_With_Dns_When_The_Name_Does_Not_Resolve()
        {
            // Given
            var (world, config) = await StartAsync();
            await using var _ = world;
            // https: a plain-http Creatio elsewhere than this machine is refused before any request (allowInsecureHttp).
            world.Environment["SANDBOX_CREATIO_URL"] = "https://creatio.invalid/";

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            Assert.Equal(ErrorCodes.Dns, FailedStep(run).ErrorCode);
            Assert.Contains("could not be resolved (DNS)", Assert.Single(run.Report!.Checks, check => check.Id == CheckIds.CreatioLogin).Message, StringComparison.Ordinal);
        }
    }

    /// <summary>A listener that never accepts, its queue filled: further connection attempts get no answer at all.</summary>
    private sealed class Blackhole : IDisposable
    {
        private readonly Socket listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly List<Socket> queued = [];

        public Blackhole()
        {
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(0);
            for (var i = 0; i < 4; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
                try
                {
                    filler.Connect(listener.LocalEndPoint!);
                }
                catch (SocketException exception) when (exception.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
                {
                    // pending: it stays in the queue, or stays unanswered
                }

                queued.Add(filler);
            }
        }

        public int Port => ((IPEndPoint)listener.LocalEndPoint!).Port;

        public void Dispose()
        {
            queued.ForEach(socket => socket.Dispose());
            listener.Dispose();
        }
    }

    /// <summary>
    /// A loopback port held bound but not listening: connecting is refused at once, and no other test's
    /// server can take the port meanwhile (as it could a port found free and released).
    /// </summary>
    private sealed class ClosedPort : IDisposable
    {
        private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        public ClosedPort() => socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        public int Port => ((IPEndPoint)socket.LocalEndPoint!).Port;

        public void Dispose() => socket.Dispose();
    }
}
