using System.Text;
using CreatioIdentity.Checks;
using CreatioIdentity.Sandbox;
using static CreatioIdentity.Tests.Integration.Variants.Variant;

namespace CreatioIdentity.Tests.Integration.Variants;

/// <summary>
/// The session and the requests themselves against real sites: expiry answers on both runtimes, a
/// site that answers both prefixes, cookies set after the login, a cookie no parser takes, and what
/// every request carries.
/// </summary>
public static class SessionVariantTests
{
    private const string Ping = "api/HealthCheck/Ping";

    /// <summary>The calls that went with the session (the anonymous Ping and the login itself carry no BPMCSRF header).</summary>
    private static List<RecordedRequest> ServiceCalls(EngineRun world) =>
        [.. world.Sandbox.Creatio.Requests.Where(request => request.Header("BPMCSRF") is not null)];

    public sealed class ASessionThatExpiresMidRun
    {
        [Theory]
        [InlineData(SandboxRuntime.Net, FaultKind.LoginPage, "api/OAuthHealthCheck", 302)]
        [InlineData(SandboxRuntime.Net, FaultKind.SessionExpired, "rest/FeatureService/ClearFeaturesCacheForAllUsers", 401)]
        [InlineData(SandboxRuntime.NetFramework, FaultKind.SessionExpired, "rest/OAuthConfigService/AddDefaultResource", 401)]
        public async Task Should_Log_In_Once_More_And_Repeat_The_Request(SandboxRuntime runtime, FaultKind expiry, string path, int answer)
        {
            // Given: the session ends just before this call; a 302 to the runtime's login page, or 401 from a WCF route
            await using var world = await EngineRun.StartAsync(new SandboxOptions { Runtime = runtime });
            world.Sandbox.Faults.Add(new Fault(expiry, path));

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(2, world.Sandbox.Creatio.LoginCount);
            Assert.Equal([answer, 200], world.Sandbox.Creatio.Requests.Where(request => request.Path.Contains(path, StringComparison.Ordinal)).Take(2).Select(request => request.StatusCode));
            Assert.Empty(ConnectedState.Problems(world.Sandbox));
        }
    }

    public sealed class ASiteThatAnswersBothPrefixes
    {
        [Fact]
        public async Task Should_Decide_Once_From_The_Anonymous_Ping_And_Keep_To_One_Prefix()
        {
            // Given: a .NET site that also serves its services and Ping under /0
            await using var world = await EngineRun.StartAsync(new SandboxOptions { Runtime = SandboxRuntime.Net, BothPrefixes = true });

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Single(world.Sandbox.Creatio.Requests, request => request.Path.EndsWith(Ping, StringComparison.Ordinal));
            var calls = ServiceCalls(world).Where(request => !request.Path.Contains("AuthService.svc", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(calls);
            Assert.Single(calls.Select(request => request.Path.StartsWith("/0/", StringComparison.Ordinal)).Distinct());
            await ShouldStayConnectedAsync(world);
        }
    }

    public sealed class ACookieSetAfterTheLogin
    {
        [Fact]
        public async Task Should_Be_Kept_And_Sent_With_Every_Later_Call()
        {
            // Given: the first service call sets BPMSESSIONID, and a later call without it ends the session
            await using var world = await EngineRun.StartAsync(new SandboxOptions { RequireLaterCookies = true });

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(1, world.Sandbox.Creatio.LoginCount);
            Assert.All(ServiceCalls(world).Skip(1), request => Assert.Contains("BPMSESSIONID=", request.Header("Cookie"), StringComparison.Ordinal));
            Assert.Empty(ConnectedState.Problems(world.Sandbox));
        }
    }

    public sealed class ACookieNoParserTakes
    {
        [Fact]
        public async Task Should_Be_Skipped_With_A_Warning_That_Names_It_But_Not_Its_Value()
        {
            // Given: the login answer also sets BPMROUTE="unterminated
            await using var world = await EngineRun.StartAsync(new SandboxOptions { MalformedSetCookie = true });

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            var warning = Assert.Single(run.Report!.Warnings, item => item.Message.Contains("cannot be parsed", StringComparison.Ordinal));
            Assert.Contains("BPMROUTE", warning.Message, StringComparison.Ordinal);
            Assert.Contains("BPMROUTE", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("unterminated", run.Output + EngineRun.FilesUnder(world.ReportDir), StringComparison.Ordinal);
            Assert.Empty(ConnectedState.Problems(world.Sandbox));
        }
    }

    public sealed class EveryRequest
    {
        [Theory]
        [InlineData(SandboxRuntime.Net)]
        [InlineData(SandboxRuntime.NetFramework)]
        public async Task Should_Name_The_Tool_Ask_For_Json_Carry_Its_Length_And_End_With_A_Logout(SandboxRuntime runtime)
        {
            // Given
            await using var world = await EngineRun.StartAsync(new SandboxOptions { Runtime = runtime });

            // When
            var run = await world.RunAsync("connect");

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            var requests = world.Sandbox.Creatio.Requests;
            Assert.All(requests, request =>
            {
                Assert.StartsWith("creatio-identity/", request.Header("User-Agent"), StringComparison.Ordinal);
                Assert.Contains("application/json", request.Header("Accept"), StringComparison.Ordinal);
                Assert.NotEqual(411, request.StatusCode);
                Assert.Null(request.Header("Transfer-Encoding"));
            });
            Assert.All(requests.Where(request => request.Body is not null),
                request => Assert.Equal(Encoding.UTF8.GetByteCount(request.Body!).ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("Content-Length")));
            Assert.EndsWith("ServiceModel/AuthService.svc/Logout", requests[^1].Path, StringComparison.Ordinal);
        }
    }

    public sealed class AnExplicitRuntime
    {
        [Theory]
        [InlineData("net", SandboxRuntime.Net)]
        [InlineData("netframework", SandboxRuntime.NetFramework)]
        public async Task Should_Send_No_Ping_Nor_Ask_For_A_Login_Page(string configured, SandboxRuntime runtime)
        {
            // Given
            await using var world = await EngineRun.StartAsync(new SandboxOptions { Runtime = runtime });
            var config = world.WriteConfig(yaml => yaml.Set("creatio.runtime", configured));

            // When
            var run = await world.RunAsync("connect", config);

            // Then
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.DoesNotContain(world.Sandbox.Creatio.Requests, request =>
                request.Path.EndsWith(Ping, StringComparison.Ordinal) || request.Path.Contains("/Login/", StringComparison.Ordinal));
            Assert.All(run.Report!.Checks, check => Assert.Equal(CheckStatus.Pass, check.Status));
        }
    }
}
