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

    public sealed class TheLogin
    {
        [Fact]
        public async Task Should_Say_The_Url_Or_Forms_Authentication_Is_Wrong_When_The_Login_Answers_A_Page()
        {
            // Given
            var creatio = Net().Answer("/ServiceModel/AuthService.svc/Login", _ => CreatioFixture.Html());

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => creatio.Session().LoginAsync(CancellationToken.None));

            // Then
            Assert.Equal(CreatioFailure.Authentication, exception.Failure);
            Assert.Equal(
                "Creatio answered the login with an HTML page (HTTP 200) instead of JSON: check that creatio.url is the site root and that forms authentication is enabled.",
                exception.Message);
        }

        [Fact]
        public async Task Should_Take_A_401_Page_As_The_Credentials()
        {
            // Given
            var creatio = Net().Answer("/ServiceModel/AuthService.svc/Login", _ => CreatioFixture.Html(System.Net.HttpStatusCode.Unauthorized));

            // When
            var exception = await Assert.ThrowsAsync<CreatioException>(() => creatio.Session().LoginAsync(CancellationToken.None));

            // Then
            Assert.StartsWith("Creatio refused the login of user 'Supervisor' with HTTP 401", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Find_The_Services_Under_The_Path_Of_A_Site_In_A_Virtual_Directory()
        {
            // Given: creatio.url without its last slash
            var creatio = Net()
                .Answer("/creatio/ServiceModel/AuthService.svc/Login", _ => CreatioFixture.Json("""{"Code":0}""", cookies: [".ASPXAUTH=session-1; path=/", "BPMCSRF=csrf-1; path=/"]))
                .Answer("/creatio/api/OAuthHealthCheck", _ => CreatioFixture.Json("{}"));
            var session = new CreatioSession(new HttpClient(creatio),
                new CreatioOptions(new Uri("http://creatio.test/creatio"), CreatioRuntime.Net, "Supervisor", new Secret("p@ss"), TimeSpan.FromSeconds(5), TlsOptions.Default),
                SessionCache.None, CreatioAccess.ReadWrite);

            // When
            await session.SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);

            // Then
            Assert.Equal(["/creatio/ServiceModel/AuthService.svc/Login", "/creatio/api/OAuthHealthCheck"], creatio.Received.Select(call => call.Path));
        }

        [Fact]
        public async Task Should_Let_The_Callers_Cancellation_Through_As_It_Is()
        {
            // Given: the caller cancels while Creatio is answering
            using var cancellation = new CancellationTokenSource();
            var creatio = Net().Answer("/api/OAuthHealthCheck", _ =>
            {
                cancellation.Cancel();
                throw new TaskCanceledException("The operation was canceled.", null, cancellation.Token);
            });

            // When
            var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => creatio.Session().SendAsync(CreatioRoutes.OAuthHealthCheck, cancellation.Token));

            // Then: not a timeout of Creatio's
            Assert.Equal(cancellation.Token, exception.CancellationToken);
        }
    }

    public sealed class TheLogout
    {
        [Fact]
        public async Task Should_Forget_The_Session_Even_When_Creatio_Cannot_Be_Reached()
        {
            // Given
            var creatio = Net().Answer("/ServiceModel/AuthService.svc/Logout", _ => throw new HttpRequestException("Connection reset by peer"));
            var session = creatio.Session();
            await session.LoginAsync(CancellationToken.None);

            // When
            await session.LogoutAsync(CancellationToken.None);
            await session.LogoutAsync(CancellationToken.None);

            // Then: the second logout had no session to end
            Assert.Equal(["/ServiceModel/AuthService.svc/Login", "/ServiceModel/AuthService.svc/Logout"], creatio.Received.Select(call => call.Path));
        }

        [Fact]
        public async Task Should_Not_Swallow_The_Callers_Cancellation()
        {
            // Given
            using var cancellation = new CancellationTokenSource();
            var creatio = Net().Answer("/ServiceModel/AuthService.svc/Logout", _ =>
            {
                cancellation.Cancel();
                throw new OperationCanceledException(cancellation.Token);
            });
            var session = creatio.Session();
            await session.LoginAsync(CancellationToken.None);

            // Then
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.LogoutAsync(cancellation.Token));
        }
    }

    public sealed class TheBearerCall
    {
        [Fact]
        public async Task Should_Send_The_Token_Under_The_Service_Prefix_Without_A_Session()
        {
            // Given
            var creatio = new CreatioFixture { Runtime = CreatioRuntime.NetFramework }.Answer("/0/DataService/json/SyncReply/SelectQuery", _ => CreatioFixture.Json("""{"rows":[]}"""));

            // When
            var answer = await creatio.Session().SendWithBearerAsync(CreatioRoutes.SelectQuery, "{}"u8.ToArray(), new Secret("app-token"), CancellationToken.None);

            // Then
            Assert.Equal(200, answer.StatusCode);
            var call = Assert.Single(creatio.Received);
            Assert.Equal("/0/DataService/json/SyncReply/SelectQuery", call.Path);
            Assert.Equal("Bearer app-token", call.Header("Authorization"));
            Assert.Null(call.Cookie);
            Assert.Null(call.Csrf);
        }

        [Fact]
        public async Task Should_Ask_Nothing_About_The_Runtime_For_A_Route_At_The_Site_Root()
        {
            // Given: runtime auto, a run's session cache, and no session yet
            using var run = new RunSessionFolder();
            var creatio = new CreatioFixture();

            // When
            await creatio.Session(cache: run.Cache()).SendWithBearerAsync(CreatioRoutes.Logout, "{}"u8.ToArray(), new Secret("app-token"), CancellationToken.None);

            // Then
            Assert.Equal("/ServiceModel/AuthService.svc/Logout", Assert.Single(creatio.Received).Path);
            Assert.False(File.Exists(run.SessionFile));
        }

        [Fact]
        public async Task Should_Find_The_Runtime_Without_Logging_In()
        {
            // Given
            using var run = new RunSessionFolder();
            var creatio = new CreatioFixture(netFramework: true).Answer("/0/DataService/json/SyncReply/SelectQuery", _ => CreatioFixture.Json("""{"rows":[]}"""));

            // When
            await creatio.Session(cache: run.Cache()).SendWithBearerAsync(CreatioRoutes.SelectQuery, "{}"u8.ToArray(), new Secret("app-token"), CancellationToken.None);

            // Then
            Assert.Equal(["/0/api/HealthCheck/Ping", "/0/DataService/json/SyncReply/SelectQuery"], creatio.Received.Select(call => call.Path));
        }
    }

    public sealed class TheTransport
    {
        [Fact]
        public void Should_Put_A_Route_At_The_Site_Root_Outside_The_Service_Prefix()
        {
            // Given
            var transport = new CreatioTransport(new HttpClient(new CreatioFixture()),
                new CreatioOptions(CreatioFixture.Site, CreatioRuntime.NetFramework, "Supervisor", new Secret("p@ss"), TimeSpan.FromSeconds(5), TlsOptions.Default), CreatioAccess.ReadWrite);

            // When
            using var login = transport.Request(CreatioRoutes.Login, "0/", null);
            using var query = transport.Request(CreatioRoutes.SelectQuery, "0/", null);

            // Then
            Assert.Equal("http://creatio.test/ServiceModel/AuthService.svc/Login", login.RequestUri!.AbsoluteUri);
            Assert.Equal("http://creatio.test/0/DataService/json/SyncReply/SelectQuery", query.RequestUri!.AbsoluteUri);
            Assert.Null(query.Content);
        }
    }
}
