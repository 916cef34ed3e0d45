using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace CreatioIdentity.Tests.Tracing;

/// <summary>The trace handler records each exchange as a HAR 1.2 entry, and changes nothing of the exchange itself.</summary>
public sealed class HttpTraceHandlerTests
{
    public sealed class TheSendAsyncMethod
    {
        [Fact]
        public async Task Should_Record_Method_Url_Version_Status_Body_And_Timings()
        {
            // Given
            using var fixture = new TraceFixture { Answer = _ => TraceFixture.Json("""{"HasProblem":false}""") };
            using var client = fixture.Client();

            // When
            var before = DateTimeOffset.UtcNow;
            (await client.GetAsync("http://creatio.test/0/api/OAuthHealthCheck")).Dispose();
            var (text, entries) = fixture.Saved();

            // Then
            var document = System.Text.Json.Nodes.JsonNode.Parse(text)!["log"]!;
            Assert.Equal("1.2", (string)document["version"]!);
            Assert.Equal("creatio-identity", (string)document["creator"]!["name"]!);
            var entry = Assert.Single(entries)!;
            Assert.Equal("GET", (string)entry["request"]!["method"]!);
            Assert.Equal("http://creatio.test/0/api/OAuthHealthCheck", (string)entry["request"]!["url"]!);
            Assert.Equal("HTTP/1.1", (string)entry["request"]!["httpVersion"]!);
            Assert.Equal(200, (int)entry["response"]!["status"]!);
            Assert.Equal("""{"HasProblem":false}""", (string)entry["response"]!["content"]!["text"]!);
            Assert.StartsWith("application/json", (string)entry["response"]!["content"]!["mimeType"]!, StringComparison.Ordinal);
            Assert.Equal("connect", (string)entry["_command"]!);
            Assert.Null(entry["_environment"]);
            var started = DateTimeOffset.Parse((string)entry["startedDateTime"]!, CultureInfo.InvariantCulture);
            Assert.InRange(started, before.AddSeconds(-1), DateTimeOffset.UtcNow);
            Assert.True((double)entry["timings"]!["wait"]! >= 0);
            Assert.Equal((double)entry["timings"]!["wait"]! + (double)entry["timings"]!["receive"]!, (double)entry["time"]!, 3);
            Assert.NotNull(entry["cache"]);
        }

        [Fact]
        public async Task Should_Record_A_Request_That_Got_No_Answer_With_Status_0_And_The_Reason()
        {
            // Given
            using var fixture = new TraceFixture { Answer = _ => throw new TaskCanceledException("The attempt timed out.") };
            using var client = fixture.Client();

            // When
            await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetAsync("http://creatio.test/0/api/OAuthHealthCheck"));
            var (_, entries) = fixture.Saved();

            // Then
            var entry = Assert.Single(entries)!;
            Assert.Equal(0, (int)entry["response"]!["status"]!);
            Assert.StartsWith("Timeout: TaskCanceledException", (string)entry["_error"]!, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Send_A_Json_Body_As_It_Would_Without_A_Trace()
        {
            // Given: a body whose length is not known before it is written goes out chunked
            using var fixture = new TraceFixture();
            using var client = fixture.Client();

            // When
            (await client.PostAsJsonAsync("http://creatio.test/ServiceModel/AuthService.svc/Login", new Dictionary<string, string> { ["UserName"] = "Supervisor" })).Dispose();

            // Then: the trace read a copy, and left the content unbuffered
            var (_, contentLength, body) = Assert.Single(fixture.Received);
            Assert.Null(contentLength);
            Assert.Equal("""{"UserName":"Supervisor"}""", body);
        }

        [Fact]
        public async Task Should_Hand_The_Caller_The_Whole_Answer_It_Recorded()
        {
            // Given
            using var fixture = new TraceFixture { Answer = _ => TraceFixture.Json("""{"rows":[1,2,3]}""", HttpStatusCode.InternalServerError) };
            using var client = fixture.Client();

            // When
            using var response = await client.GetAsync("http://creatio.test/rows");

            // Then
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("""{"rows":[1,2,3]}""", await response.Content.ReadAsStringAsync());
            Assert.Equal(500, (int)fixture.Saved().Entries[0]!["response"]!["status"]!);
        }
    }
}
