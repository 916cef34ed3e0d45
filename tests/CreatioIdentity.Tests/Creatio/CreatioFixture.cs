using System.Net;
using System.Text;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>
/// A Creatio that answers whatever a test tells it, by path: the fixture is itself the HTTP
/// handler, and records what it received.
/// </summary>
internal sealed class CreatioFixture : HttpMessageHandler
{
    public static readonly Uri Site = new("http://creatio.test/");

    private readonly Dictionary<string, Func<HttpRequestMessage, HttpResponseMessage>> answers = new(StringComparer.Ordinal);

    public CreatioFixture()
    {
        Answer("/ServiceModel/AuthService.svc/Login", _ => Json("""{"Code":0,"Message":""}""", cookies: [".ASPXAUTH=session-1; path=/", "BPMCSRF=csrf-1; path=/"]));
    }

    public List<(string Method, string Path, string? Csrf, string? Cookie)> Received { get; } = [];

    public CreatioRuntime Runtime { get; init; } = CreatioRuntime.Auto;

    public CreatioFixture Answer(string path, Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        answers[path] = answer;
        return this;
    }

    public CreatioSession Session() =>
        new(new HttpClient(this), new CreatioOptions(Site, Runtime, "Supervisor", new Secret("p@ss"), TimeSpan.FromSeconds(5), TlsOptions.Default), SessionCache.None);

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK, string[]? cookies = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var cookie in cookies ?? [])
        {
            response.Headers.Add("Set-Cookie", cookie);
        }

        return response;
    }

    public static HttpResponseMessage Html(HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent("<!DOCTYPE html><html><body>Login</body></html>", Encoding.UTF8, "text/html") };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        Received.Add((request.Method.Method, path,
            request.Headers.TryGetValues("BPMCSRF", out var csrf) ? csrf.Single() : null,
            request.Headers.TryGetValues("Cookie", out var cookie) ? cookie.Single() : null));
        return Task.FromResult(answers.TryGetValue(path, out var answer) ? answer(request) : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
