using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

/// <summary>
/// Calls the Creatio simulator the way the engine does: cookies from login (and later ones), the CSRF
/// header, the runtime prefix, and bodies with a Content-Length (never chunked).
/// </summary>
internal sealed class CreatioTestClient : IDisposable
{
    private readonly SandboxHost sandbox;

    public CreatioTestClient(SandboxHost sandbox, bool followRedirects = false)
    {
        this.sandbox = sandbox;
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = followRedirects }) { BaseAddress = sandbox.CreatioUrl };
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; } = new();

    public string ServicePrefix => sandbox.Options.Runtime == SandboxRuntime.NetFramework ? "0/" : string.Empty;

    public string? Cookie(string name) => Cookies.GetCookies(sandbox.CreatioUrl)[name]?.Value;

    public static async Task<CreatioTestClient> LoggedInAsync(SandboxHost sandbox)
    {
        var client = new CreatioTestClient(sandbox);
        using var response = await client.LoginAsync(sandbox.Options.CreatioUsername, sandbox.Options.CreatioPassword);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Code").GetInt32());
        return client;
    }

    /// <summary>The JSON text of a body, sent with a Content-Length as every reference client does.</summary>
    public static HttpContent Json(object body) =>
        new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public async Task<HttpResponseMessage> LoginAsync(string userName, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "ServiceModel/AuthService.svc/Login")
        {
            Content = Json(new { UserName = userName, UserPassword = password }),
        };
        request.Headers.Add("ForceUseSession", "true");
        request.Headers.Add("Accept", "application/json");
        return await Http.SendAsync(request);
    }

    /// <summary>A service call under the runtime prefix, with the CSRF header unless told otherwise.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string service, object? body = null, bool withCsrf = true, bool withPrefix = true)
    {
        using var request = new HttpRequestMessage(method, (withPrefix ? ServicePrefix : string.Empty) + service);
        if (body is not null)
        {
            request.Content = Json(body);
        }

        if (withCsrf && Cookie("BPMCSRF") is { } csrf)
        {
            request.Headers.Add("BPMCSRF", csrf);
        }

        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string service, object body) => SendAsync(HttpMethod.Post, service, body);

    public Task<HttpResponseMessage> GetAsync(string service) => SendAsync(HttpMethod.Get, service);

    /// <summary>Posts and reads a successful JSON answer.</summary>
    public async Task<JsonElement> PostJsonAsync(string service, object body)
    {
        using var response = await PostAsync(service, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> GetJsonAsync(string service)
    {
        using var response = await GetAsync(service);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A SelectQuery's rows, asserting success.</summary>
    public async Task<IReadOnlyList<JsonElement>> SelectAsync(object query)
    {
        var answer = await PostJsonAsync(CreatioBodies.SelectQueryPath, query);
        Assert.True(answer.GetProperty("success").GetBoolean(), answer.ToString());
        return [.. answer.GetProperty("rows").EnumerateArray()];
    }

    /// <summary>A call with exactly the cookies given (no container, no redirects followed), as a client that kept old ones.</summary>
    public static async Task<HttpResponseMessage> SendWithCookiesAsync(SandboxHost sandbox, string path, string cookies, string? csrf, object? body = null)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = sandbox.CreatioUrl };
        using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, path);
        request.Content = body is null ? null : Json(body);
        request.Headers.Add("Cookie", cookies);
        if (csrf is not null)
        {
            request.Headers.Add("BPMCSRF", csrf);
        }

        return await http.SendAsync(request);
    }

    public void Dispose() => Http.Dispose();
}
