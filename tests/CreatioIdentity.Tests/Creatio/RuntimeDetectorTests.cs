using System.Net;
using CreatioIdentity.Creatio;
using CreatioIdentity.Http;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>Where a site's services live, found from anonymous answers only (clio EnvironmentRuntimeDetectionService; SPEC §4).</summary>
public sealed class RuntimeDetectorTests
{
    private static readonly Uri Site = new("https://creatio.example.com/");

    /// <summary>Detects with these statuses by path (404 for any other), and gives the requests it saw.</summary>
    private static async Task<(string? Prefix, List<HttpRequestMessage> Asked)> DetectAsync(params (string Path, HttpStatusCode Status)[] statuses)
    {
        var asked = new List<HttpRequestMessage>();
        var detector = new RuntimeDetector(Site, (request, _, _) =>
        {
            asked.Add(request);
            var status = statuses.Where(entry => entry.Path == request.RequestUri!.AbsolutePath).Select(entry => (HttpStatusCode?)entry.Status).FirstOrDefault() ?? HttpStatusCode.NotFound;
            return Task.FromResult(new HttpResponseMessage(status));
        });
        return (await detector.DetectAsync(CancellationToken.None), asked);
    }

    [Fact]
    public async Task Should_Decide_From_The_Ping_Under_0_Alone_When_It_Answers()
    {
        // When
        var (prefix, asked) = await DetectAsync(("/0/api/HealthCheck/Ping", HttpStatusCode.OK));

        // Then
        Assert.Equal("0/", prefix);
        var ping = Assert.Single(asked);
        Assert.Equal(HttpMethod.Get, ping.Method);
        Assert.Equal("https://creatio.example.com/0/api/HealthCheck/Ping", ping.RequestUri!.AbsoluteUri);
        Assert.True(ping.Options.TryGetValue(RetryOptions.Retryable, out var retryable) && retryable);
        Assert.StartsWith("creatio-identity/", ping.Headers.UserAgent.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Take_A_404_Under_0_As_Net_Without_Asking_More()
    {
        // When
        var (prefix, asked) = await DetectAsync();

        // Then
        Assert.Equal(string.Empty, prefix);
        Assert.Single(asked);
    }

    [Fact]
    public async Task Should_Take_A_Ping_At_The_Root_As_Net_When_The_One_Under_0_Does_Not_Decide()
    {
        // When
        var (prefix, asked) = await DetectAsync(("/0/api/HealthCheck/Ping", HttpStatusCode.InternalServerError), ("/api/HealthCheck/Ping", HttpStatusCode.OK));

        // Then
        Assert.Equal(string.Empty, prefix);
        Assert.Equal(["/0/api/HealthCheck/Ping", "/api/HealthCheck/Ping"], asked.Select(request => request.RequestUri!.AbsolutePath));
    }

    [Theory]
    [InlineData(true, false, "0/")]
    [InlineData(false, true, "")]
    [InlineData(true, true, null)]
    [InlineData(false, false, null)]
    public async Task Should_Tell_From_The_Login_Pages_Only_When_One_Answers(bool netFrameworkPage, bool netPage, string? expected)
    {
        // Given: neither ping decides
        (string, HttpStatusCode)[] statuses =
        [
            ("/0/api/HealthCheck/Ping", HttpStatusCode.Unauthorized),
            ("/api/HealthCheck/Ping", HttpStatusCode.Found),
            ("/0/Login/NuiLogin.aspx", netFrameworkPage ? HttpStatusCode.OK : HttpStatusCode.Forbidden),
            ("/Login/Login.html", netPage ? HttpStatusCode.OK : HttpStatusCode.MovedPermanently),
        ];

        // When
        var (prefix, asked) = await DetectAsync(statuses);

        // Then
        Assert.Equal(expected, prefix);
        Assert.Equal(["/0/api/HealthCheck/Ping", "/api/HealthCheck/Ping", "/0/Login/NuiLogin.aspx", "/Login/Login.html"], asked.Select(request => request.RequestUri!.AbsolutePath));
    }

    [Theory]
    [InlineData(HttpStatusCode.NoContent, "0/")]
    [InlineData((HttpStatusCode)299, "0/")]
    [InlineData(HttpStatusCode.MultipleChoices, null)]
    [InlineData((HttpStatusCode)199, null)]
    public async Task Should_Count_Any_2xx_Under_0_As_An_Answer(HttpStatusCode status, string? expected)
    {
        // When
        var (prefix, _) = await DetectAsync(("/0/api/HealthCheck/Ping", status));

        // Then
        Assert.Equal(expected, prefix);
    }

    [Fact]
    public async Task Should_Not_Take_A_3xx_At_The_Root_As_An_Answer()
    {
        // When
        var (prefix, _) = await DetectAsync(("/0/api/HealthCheck/Ping", HttpStatusCode.Unauthorized), ("/api/HealthCheck/Ping", HttpStatusCode.MultipleChoices));

        // Then
        Assert.Null(prefix);
    }
}
