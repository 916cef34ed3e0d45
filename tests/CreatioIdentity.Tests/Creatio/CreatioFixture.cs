using System.Net;
using System.Text;
using System.Text.Json;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>One request the fixture received, with what a test may want to assert about it.</summary>
internal sealed record ReceivedRequest(string Method, string Path, string? Csrf, string? Cookie, string? Body, HttpRequestMessage Request)
{
    /// <summary>The JSON body, parsed.</summary>
    public JsonElement Json()
    {
        using var body = JsonDocument.Parse(Body!);
        return body.RootElement.Clone();
    }

    public string? Header(string name) =>
        Request.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : Request.Content?.Headers.TryGetValues(name, out var contentValues) == true ? string.Join(", ", contentValues)
        : null;
}

/// <summary>
/// A Creatio that answers whatever a test tells it, by path: the fixture is itself the HTTP
/// handler, and records what it received. It answers the anonymous Ping of the runtime it plays
/// (.NET unless told), so that runtime: auto finds it.
/// </summary>
internal sealed class CreatioFixture : HttpMessageHandler
{
    public static readonly Uri Site = new("http://creatio.test/");

    private readonly Dictionary<string, Func<HttpRequestMessage, HttpResponseMessage>> answers = new(StringComparer.Ordinal);

    public CreatioFixture(bool netFramework = false)
    {
        Answer("/ServiceModel/AuthService.svc/Login", _ => Json("""{"Code":0,"Message":""}""", cookies: [".ASPXAUTH=session-1; path=/", "BPMCSRF=csrf-1; path=/"]));
        Answer("/ServiceModel/AuthService.svc/Logout", _ => Json("{}"));
        Answer(netFramework ? "/0/api/HealthCheck/Ping" : "/api/HealthCheck/Ping", _ => Json("\"Pong\""));
    }

    public List<ReceivedRequest> Received { get; } = [];

    public CreatioRuntime Runtime { get; init; } = CreatioRuntime.Auto;

    /// <summary>A .NET site (services at the root) that answers <paramref name="path"/> with this JSON.</summary>
    public static CreatioFixture Net(string path, string answer, HttpStatusCode status = HttpStatusCode.OK) =>
        new CreatioFixture { Runtime = CreatioRuntime.Net }.Answer(path, _ => Json(answer, status));

    public CreatioFixture Answer(string path, Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        answers[path] = answer;
        return this;
    }

    /// <param name="cache">The run's session cache, which later processes of the run read: none unless given.</param>
    public CreatioSession Session(CreatioAccess? access = null, SessionCache? cache = null) =>
        new(new HttpClient(this), new CreatioOptions(Site, Runtime, "Supervisor", new Secret("p@ss"), TimeSpan.FromSeconds(5), TlsOptions.Default), cache ?? SessionCache.None,
            access ?? CreatioAccess.ReadWrite);

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK, string[]? cookies = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var cookie in cookies ?? [])
        {
            response.Headers.TryAddWithoutValidation("Set-Cookie", cookie);
        }

        return response;
    }

    public static HttpResponseMessage Html(HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent("<!DOCTYPE html><html><body>Login</body></html>", Encoding.UTF8, "text/html") };

    /// <summary>A 302 to the login page, as DataService and pages answer an expired session.</summary>
    public static HttpResponseMessage RedirectToLogin(string page = "/Login/Login.html")
    {
        var response = Html(HttpStatusCode.Found);
        response.Headers.Location = new Uri(page + "?ReturnUrl=%2f", UriKind.Relative);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Received.Add(new ReceivedRequest(request.Method.Method, path,
            request.Headers.TryGetValues("BPMCSRF", out var csrf) ? csrf.Single() : null,
            request.Headers.TryGetValues("Cookie", out var cookie) ? cookie.Single() : null,
            body,
            request));
        return answers.TryGetValue(path, out var answer) ? answer(request) : new HttpResponseMessage(HttpStatusCode.NotFound);
    }
}
