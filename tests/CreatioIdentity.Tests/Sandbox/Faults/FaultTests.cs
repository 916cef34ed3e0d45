using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox.Faults;

/// <summary>Each fault the sandbox injects, as a client on the wire sees it, and what the request record keeps of it.</summary>
public static partial class FaultTests
{
    private const string QuerySysSettings = "DataService/json/SyncReply/QuerySysSettings";
    private const string PostSysSettingsValues = "DataService/json/SyncReply/PostSysSettingsValues";
    private const string HealthCheck = "api/OAuthHealthCheck";
    private const string ClientIdCode = "OAuth20IdentityServerClientId";

    private static object Query => CreatioBodies.QuerySysSettings(ClientIdCode);

    private static object Write(string value) => new { isPersonal = false, sysSettingsValues = new Dictionary<string, string> { [ClientIdCode] = value } };

    [Collection(SandboxGroup.Name)]
    public sealed class TheLatencyOption
    {
        [Fact]
        public async Task Should_Delay_Every_Creatio_Answer_But_Not_The_Sandbox_Endpoints()
        {
            // Given
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Latency = TimeSpan.FromMilliseconds(150) });
            using var client = new CreatioTestClient(sandbox);

            // When
            var clock = Stopwatch.StartNew();
            using (await client.LoginAsync(sandbox.Options.CreatioUsername, sandbox.Options.CreatioPassword))
            {
            }

            var login = clock.Elapsed;

            // And when: a latency no sandbox endpoint could hide from a client that waits 15 s (ample for one
            // request on a busy machine, where 2 s was not)
            sandbox.Faults.Latency = TimeSpan.FromMinutes(5);
            using var impatient = new HttpClient { BaseAddress = sandbox.CreatioUrl, Timeout = TimeSpan.FromSeconds(15) };
            using var record = await impatient.GetAsync("_sandbox/record");

            // Then
            Assert.True(login >= TimeSpan.FromMilliseconds(140), $"login took {login.TotalMilliseconds} ms");
            Assert.True(record.IsSuccessStatusCode);
        }

        [Fact]
        public void Should_Be_Set_From_The_Command_Line()
        {
            // When
            var arguments = CreatioIdentity.Sandbox.Cli.SandboxArguments.Parse(["--latency-ms", "20"]);

            // Then
            Assert.Equal(TimeSpan.FromMilliseconds(20), arguments.Options.Latency);
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheStatusFault : LoggedInSandbox
    {
        [Fact]
        public async Task Should_Answer_The_Status_With_An_Html_Page_For_N_Calls_Then_Recover()
        {
            // Given
            Sandbox.Faults.Add(Fault.Status("QuerySysSettings", 503, count: 2));

            // When
            var statuses = new List<HttpStatusCode>();
            string? firstBody = null;
            for (var call = 0; call < 3; call++)
            {
                using var response = await Client.PostAsync(QuerySysSettings, Query);
                statuses.Add(response.StatusCode);
                firstBody ??= await response.Content.ReadAsStringAsync();
            }

            // Then
            Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
            Assert.StartsWith("<!DOCTYPE html>", firstBody, StringComparison.Ordinal);
            Assert.Equal([503, 503, 200], Sandbox.Creatio.Requests.Where(r => r.Path.EndsWith("QuerySysSettings", StringComparison.Ordinal)).Select(r => r.StatusCode));
            Assert.Empty(Sandbox.Faults.Armed);
        }

        [Fact]
        public async Task Should_Leave_A_Write_Undone_Unless_Armed_After_Handling()
        {
            // Given
            Sandbox.Faults.Add(Fault.Status("PostSysSettingsValues", 502));

            // When
            using var refused = await Client.PostAsync(PostSysSettingsValues, Write("before"));
            Sandbox.Faults.Add(Fault.Status("PostSysSettingsValues", 502, afterHandling: true));
            using var lost = await Client.PostAsync(PostSysSettingsValues, Write("after"));

            // Then: both answers are 502, but only the second write reached Creatio
            Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
            Assert.Equal(HttpStatusCode.BadGateway, lost.StatusCode);
            Assert.Equal("after", Sandbox.Creatio.GetSetting(ClientIdCode));
            Assert.Equal(2, Sandbox.Creatio.Writes.Count);
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheHangFault : LoggedInSandbox
    {
        [Fact]
        public async Task Should_Hold_The_Request_Until_The_Client_Gives_Up()
        {
            // Given
            Sandbox.Faults.Add(Fault.Hang("QuerySysSettings"));
            using var impatient = new HttpClient { BaseAddress = Sandbox.CreatioUrl, Timeout = TimeSpan.FromMilliseconds(500) };

            // When
            var clock = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.PostAsync(QuerySysSettings, CreatioTestClient.Json(Query)));

            // Then
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(450));
            var recorded = await EventuallyAsync(() => Sandbox.Creatio.Requests.LastOrDefault(r => r.Path.EndsWith("QuerySysSettings", StringComparison.Ordinal)));
            Assert.Equal(0, recorded.StatusCode);
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheResetFault : LoggedInSandbox
    {
        [Fact]
        public async Task Should_Drop_The_Connection_Without_An_Answer()
        {
            // Given
            Sandbox.Faults.Add(Fault.Reset("QuerySysSettings"));

            // When
            await Assert.ThrowsAsync<HttpRequestException>(() => Client.PostAsync(QuerySysSettings, Query));
            using var next = await Client.PostAsync(QuerySysSettings, Query);

            // Then: the dropped request may be recorded after the next one has been answered
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
            await EventuallyAsync(() => Sandbox.Creatio.Requests.FirstOrDefault(r => r.Path.EndsWith("QuerySysSettings", StringComparison.Ordinal) && r.StatusCode == 0));
            Assert.Equal([0, 200], Sandbox.Creatio.Requests.Where(r => r.Path.EndsWith("QuerySysSettings", StringComparison.Ordinal)).Select(r => r.StatusCode).Order());
        }

        [Fact]
        public async Task Should_Apply_The_Write_And_Lose_The_Answer_When_Armed_After_Handling()
        {
            // Given
            Sandbox.Faults.Add(Fault.Reset("PostSysSettingsValues", afterHandling: true));

            // When
            await Assert.ThrowsAsync<HttpRequestException>(() => Client.PostAsync(PostSysSettingsValues, Write("applied")));

            // Then: the client sees the reset before the server has recorded the request it cut short
            Assert.Equal("applied", Sandbox.Creatio.GetSetting(ClientIdCode));
            var write = await EventuallyAsync(() => Sandbox.Creatio.Writes is [var first, ..] ? first : null);
            Assert.Equal(0, write.StatusCode);
            Assert.Single(Sandbox.Creatio.Writes);
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheMalformedJsonFault : LoggedInSandbox
    {
        [Fact]
        public async Task Should_Answer_200_With_A_Body_That_Is_Not_Json()
        {
            // Given
            Sandbox.Faults.Add(Fault.MalformedJson("QuerySysSettings"));

            // When
            using var response = await Client.PostAsync(QuerySysSettings, Query);
            var body = await response.Content.ReadAsStringAsync();

            // Then
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheHealthFlipFault : LoggedInSandbox
    {
        [Fact]
        public async Task Should_Alternate_Red_And_The_Real_Answer_Then_Stop()
        {
            // Given: a Creatio whose real health check is green
            Sandbox.Connected();
            Sandbox.Faults.Add(Fault.HealthFlip(count: 4));

            // When
            var answers = new List<(HttpStatusCode Status, bool Available)>();
            for (var call = 0; call < 5; call++)
            {
                using var response = await Client.GetAsync(HealthCheck);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                answers.Add((response.StatusCode, body.GetProperty("IsIdentityServiceAvailable").GetBoolean()));
            }

            // Then
            Assert.Equal(
                [(HttpStatusCode.InternalServerError, false), (HttpStatusCode.OK, true), (HttpStatusCode.InternalServerError, false), (HttpStatusCode.OK, true), (HttpStatusCode.OK, true)],
                answers);
        }
    }

    [Collection(SandboxGroup.Name)]
    public sealed class TheIdentityServiceDownFault : LoggedInSandbox
    {
        [Fact]
        public async Task Should_Make_The_Identity_Service_Unavailable_To_The_Runner_And_To_Creatio_Until_Cleared()
        {
            // Given
            Sandbox.Connected();
            Sandbox.Faults.Add(Fault.IdentityServiceDown());
            using var runner = new HttpClient { BaseAddress = Sandbox.IdentityServiceUrl };

            // When
            using var discovery = await runner.GetAsync(".well-known/openid-configuration");
            using var health = await Client.GetAsync(HealthCheck);
            var creatioSees = await health.Content.ReadFromJsonAsync<JsonElement>();
            Sandbox.Faults.Clear();
            using var recovered = await runner.GetAsync(".well-known/openid-configuration");

            // Then
            Assert.Equal(HttpStatusCode.ServiceUnavailable, discovery.StatusCode);
            Assert.False(creatioSees.GetProperty("IsIdentityServiceAvailable").GetBoolean());
            Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        }

        [Fact]
        public async Task Should_Drop_Connections_When_Down_By_Reset()
        {
            // Given
            Sandbox.Faults.Add(Fault.IdentityServiceDown(FaultKind.Reset));
            using var runner = new HttpClient { BaseAddress = Sandbox.IdentityServiceUrl };

            // When / Then
            await Assert.ThrowsAsync<HttpRequestException>(() => runner.GetAsync(".well-known/openid-configuration"));
        }
    }

    /// <summary>The server records an abandoned request once it notices the client gone: soon, but later on a busy machine.</summary>
    private static async Task<RecordedRequest> EventuallyAsync(Func<RecordedRequest?> find)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (find() is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException("The request never appeared in the record.");
    }
}
