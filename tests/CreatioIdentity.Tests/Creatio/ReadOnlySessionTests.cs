using CreatioIdentity.Agents;
using CreatioIdentity.Checks;
using CreatioIdentity.Commands;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.Reporting;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Steps;
using CreatioIdentity.Tests.Integration;
using CreatioIdentity.Tests.Sandbox;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>In plan and the read-only commands a write cannot reach Creatio: the session refuses it, whatever the step believed.</summary>
public sealed class ReadOnlySessionTests
{
    /// <summary>A session with the sandbox's user, allowed what <paramref name="access"/> allows.</summary>
    internal static CreatioSession SessionFor(SandboxHost sandbox, CreatioAccess access) =>
        new(new HttpClient(), Options(sandbox), SessionCache.None, access);

    private static CreatioOptions Options(SandboxHost sandbox) =>
        new(sandbox.CreatioUrl, CreatioRuntime.Auto, sandbox.Options.CreatioUsername, new Secret(sandbox.Options.CreatioPassword), TimeSpan.FromSeconds(10), TlsOptions.Default);

    public static TheoryData<string, string> WriteRoutesInEachReadOnlyMode()
    {
        var data = new TheoryData<string, string>();
        foreach (var mode in new[] { "plan", "monitor", "preflight", "test-connection" })
        {
            foreach (var route in CreatioRoutesTests.WriteRouteNames)
            {
                data.Add(route, mode);
            }
        }

        return data;
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheSendAsyncMethod(SandboxFixture fixture) : IClassFixture<SandboxFixture>
    {
        [Theory]
        [MemberData(nameof(WriteRoutesInEachReadOnlyMode), MemberType = typeof(ReadOnlySessionTests))]
        public async Task Should_Refuse_A_Write_In_A_Read_Only_Run_With_Nothing_Sent(string name, string mode)
        {
            // Given: a logged-in session of a read-only command
            var route = CreatioRoutesTests.All[name];
            var session = SessionFor(fixture.Sandbox, EngineCommands.Find(mode)!.Access);
            await session.LoginAsync(CancellationToken.None);
            fixture.Sandbox.Creatio.ClearRecord();

            // When
            var refused = await Assert.ThrowsAsync<CreatioWriteRefusedException>(() => session.SendAsync(route, CancellationToken.None));

            // Then: the message names the route and the mode, and Creatio got nothing
            Assert.Contains(route.Path, refused.Message, StringComparison.Ordinal);
            Assert.StartsWith($"{mode} writes nothing to Creatio", refused.Message, StringComparison.Ordinal);
            Assert.Empty(fixture.Sandbox.Creatio.Requests);
        }

        [Fact]
        public async Task Should_Not_Even_Log_In_For_A_Write_It_Refuses()
        {
            // Given: a session that has not logged in yet
            var session = SessionFor(fixture.Sandbox, CreatioAccess.ReadOnly("plan"));
            fixture.Sandbox.Creatio.ClearRecord();

            // When
            await Assert.ThrowsAsync<CreatioWriteRefusedException>(() => session.SendAsync(CreatioRoutes.UpdateQuery, "{}"u8.ToArray(), CancellationToken.None));

            // Then
            Assert.Empty(fixture.Sandbox.Creatio.Requests);
        }

        [Fact]
        public async Task Should_Log_In_Read_And_Log_Out_In_A_Read_Only_Run()
        {
            // Given
            var session = SessionFor(fixture.Sandbox, CreatioAccess.ReadOnly("monitor"));
            fixture.Sandbox.Creatio.ClearRecord();

            // When
            var answer = await session.SendAsync(CreatioRoutes.QuerySysSettings, """{"sysSettingsNameCollection":["SiteUrl"]}"""u8.ToArray(), CancellationToken.None);
            await session.LogoutAsync(CancellationToken.None);

            // Then
            Assert.True(answer.IsSuccess, answer.Body);
            Assert.Contains(fixture.Sandbox.Creatio.Requests, request => request.Path.EndsWith(CreatioRoutes.Login.Path, StringComparison.Ordinal));
            Assert.Contains(fixture.Sandbox.Creatio.Requests, request => request.Path.EndsWith(CreatioRoutes.Logout.Path, StringComparison.Ordinal) && request.StatusCode == 200);
            Assert.Empty(fixture.Sandbox.Creatio.Writes);
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheSendWithBearerAsyncMethod(SandboxFixture fixture) : IClassFixture<SandboxFixture>
    {
        [Theory]
        [MemberData(nameof(CreatioRoutesTests.WriteRoutes), MemberType = typeof(CreatioRoutesTests))]
        public async Task Should_Refuse_A_Write_As_An_App_In_A_Read_Only_Run(string name)
        {
            // Given
            var route = CreatioRoutesTests.All[name];
            var session = SessionFor(fixture.Sandbox, CreatioAccess.ReadOnly("monitor"));
            fixture.Sandbox.Creatio.ClearRecord();

            // When
            var refused = await Assert.ThrowsAsync<CreatioWriteRefusedException>(() => session.SendWithBearerAsync(route, "{}"u8.ToArray(), new Secret("token"), CancellationToken.None));

            // Then
            Assert.Equal(route, refused.Route);
            Assert.Empty(fixture.Sandbox.Creatio.Requests);
        }
    }

    /// <summary>The gate every request passes, whoever built it: nothing reaches the HTTP client around it.</summary>
    public sealed class TheTransport
    {
        [Theory]
        [MemberData(nameof(CreatioRoutesTests.WriteRoutes), MemberType = typeof(CreatioRoutesTests))]
        public async Task Should_Refuse_A_Write_Request_Built_Without_The_Session(string name)
        {
            // Given
            var route = CreatioRoutesTests.All[name];
            var creatio = new CreatioFixture { Runtime = CreatioRuntime.Net };
            var options = new CreatioOptions(CreatioFixture.Site, CreatioRuntime.Net, "Supervisor", new Secret("p@ss"), TimeSpan.FromSeconds(5), TlsOptions.Default);
            var transport = new CreatioTransport(new HttpClient(creatio), options, CreatioAccess.ReadOnly("plan"));
            using var request = transport.Request(route, string.Empty, "{}"u8.ToArray());

            // When
            await Assert.ThrowsAsync<CreatioWriteRefusedException>(() => transport.SendAsync(request, route, CancellationToken.None));

            // Then
            Assert.Empty(creatio.Received);
        }
    }

    public sealed class TheCommands
    {
        [Fact]
        public void Should_Let_Only_The_Commands_That_Change_Creatio_Write()
        {
            // When
            var writers = EngineCommands.All.Where(command => command.Access.MayWrite).Select(command => command.Name);
            var readers = EngineCommands.All.Where(command => !command.Access.MayWrite).Select(command => command.Name);

            // Then
            Assert.Equal(["apply-settings", "connect", "diagnose", "enable-feature", "oauth-apps", "rotate-secrets"], writers.Order(StringComparer.Ordinal));
            Assert.Equal(["monitor", "plan", "preflight", "test-connection", "validate"], readers.Order(StringComparer.Ordinal));
            Assert.All(EngineCommands.All.Where(command => !command.Access.MayWrite), command => Assert.Equal(command.Name, command.Access.ReadOnlyMode));
        }

        [Fact]
        public async Task Should_Fail_With_Exit_1_Naming_The_Write_When_A_Step_Writes_In_A_Plan_Run()
        {
            // Given: plan, but with a step that has not been told it is planning (a defect this guards against)
            await using var world = await EngineRun.StartAsync();
            var defective = EngineCommands.Find("plan")! with { Steps = () => [new EnableFeatureStep()] };
            var output = new StringWriter();
            var environment = (Func<string, string?>)(name => world.Environment.TryGetValue(name, out var value) ? value : null);

            // When
            var exitCode = await new CommandRunner(BuildAgents.Detect(environment, output, plain: true), environment)
                .RunAsync(defective, world.ConfigPath, world.ReportDir, CancellationToken.None);

            // Then: a loud failure that names the call and the mode, and nothing written
            Assert.Equal(ExitCodes.Failed, exitCode);
            var step = ReportStore.TryRead(world.ReportDir)!.Steps.Single();
            Assert.Equal(StepStatus.Failed, step.Status);
            Assert.Contains("plan writes nothing to Creatio, yet a step asked for POST DataService/json/SyncReply/UpdateQuery", step.Error, StringComparison.Ordinal);
            Assert.Contains("CreatioWriteRefusedException", output.ToString(), StringComparison.Ordinal);
            Assert.Empty(world.Sandbox.Creatio.Writes);
            Assert.NotEmpty(world.Sandbox.Creatio.Requests);
        }
    }
}
