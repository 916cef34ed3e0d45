using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.Http;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>How the session builds each call: its body, its headers, the options the resilience pipeline reads, and what it noticed.</summary>
public sealed class CreatioSessionCallTests
{
    private static CreatioFixture Net() => new() { Runtime = CreatioRuntime.Net };

    public sealed class TheBody
    {
        [Fact]
        public async Task Should_Send_No_Body_With_A_Get_And_An_Empty_Object_With_A_Post()
        {
            // Given
            var creatio = Net()
                .Answer("/api/OAuthHealthCheck", _ => CreatioFixture.Json("{}"))
                .Answer("/rest/OAuthConfigService/AddDefaultResource", _ => CreatioFixture.Json("{}"));
            var session = creatio.Session();

            // When
            await session.SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);
            await session.SendAsync(CreatioRoutes.AddDefaultResource, CancellationToken.None);

            // Then
            Assert.Equal(["POST /ServiceModel/AuthService.svc/Login", "GET /api/OAuthHealthCheck", "POST /rest/OAuthConfigService/AddDefaultResource"],
                creatio.Received.Select(call => $"{call.Method} {call.Path}"));
            Assert.Null(creatio.Received[1].Body);
            Assert.Equal("{}", creatio.Received[2].Body);
            Assert.Equal("application/json; charset=utf-8", creatio.Received[2].Header("Content-Type"));
        }
    }

    public sealed class TheRequestOptions
    {
        private static async Task<HttpRequestMessage> SentAsync(CreatioRoute route, string path)
        {
            var creatio = Net().Answer(path, _ => CreatioFixture.Json("{}"));
            await creatio.Session().SendAsync(route, CancellationToken.None);
            return creatio.Received[^1].Request;
        }

        [Fact]
        public async Task Should_Give_Only_The_Health_Check_Its_Own_Longer_Attempt_Timeout()
        {
            // When
            var health = await SentAsync(CreatioRoutes.OAuthHealthCheck, "/api/OAuthHealthCheck");
            var query = await SentAsync(CreatioRoutes.SelectQuery, "/DataService/json/SyncReply/SelectQuery");

            // Then
            Assert.True(health.Options.TryGetValue(CreatioSession.AttemptTimeout, out var timeout));
            Assert.Equal(TimeSpan.FromSeconds(CreatioOptions.DefaultHealthCheckTimeoutSeconds), timeout);
            Assert.True(health.Options.TryGetValue(CreatioSession.AnswersWith500, out var answersWith500) && answersWith500);
            Assert.False(query.Options.TryGetValue(CreatioSession.AttemptTimeout, out _));
            Assert.True(query.Options.TryGetValue(CreatioSession.AnswersWith500, out var queryAnswersWith500) && !queryAnswersWith500);
        }

        [Fact]
        public async Task Should_Let_A_Read_Be_Retried_But_Not_A_Write_By_Post()
        {
            // When
            var read = await SentAsync(CreatioRoutes.SelectQuery, "/DataService/json/SyncReply/SelectQuery");
            var write = await SentAsync(CreatioRoutes.UpdateQuery, "/DataService/json/SyncReply/UpdateQuery");

            // Then
            Assert.True(read.Options.TryGetValue(RetryOptions.Retryable, out var readRetryable) && readRetryable);
            Assert.True(write.Options.TryGetValue(RetryOptions.Retryable, out var writeRetryable) && !writeRetryable);
        }
    }

    public sealed class TheWarnings
    {
        [Fact]
        public async Task Should_Give_What_The_Login_Noticed_In_The_Order_It_Noticed_It_Once()
        {
            // Given: a cookie that cannot be parsed, then login Code 2
            var creatio = Net().Answer("/ServiceModel/AuthService.svc/Login", _ => CreatioFixture.Json("""{"Code":2}""",
                cookies: [".ASPXAUTH=session-1; path=/", "BPMCSRF=csrf-1; path=/", "Broken=x; domain=other.example; path=/"]));
            var session = creatio.Session();

            // When
            await session.LoginAsync(CancellationToken.None);
            var first = session.TakeWarnings();
            var second = session.TakeWarnings();

            // Then
            Assert.Equal(
                [
                    "Creatio set a cookie that cannot be parsed (Broken) on /ServiceModel/AuthService.svc/Login; it was skipped. If later calls are refused, a proxy in front of Creatio may be rewriting cookies.",
                    "Creatio recommends changing the password of user 'Supervisor' (login Code 2). Change it in Creatio before it expires, and update the variable creatio.password reads.",
                ],
                first);
            Assert.Empty(second);
        }

        [Fact]
        public async Task Should_Give_What_A_Later_Call_Noticed()
        {
            // Given
            var creatio = Net().Answer("/api/OAuthHealthCheck", _ => CreatioFixture.Json("{}", cookies: ["Broken=x; domain=other.example; path=/"]));
            var session = creatio.Session();

            // When
            await session.SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);

            // Then
            Assert.Equal(
                "Creatio set a cookie that cannot be parsed (Broken) on /api/OAuthHealthCheck; it was skipped. If later calls are refused, a proxy in front of Creatio may be rewriting cookies.",
                Assert.Single(session.TakeWarnings()));
        }
    }
}
