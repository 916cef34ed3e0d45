using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

/// <summary>Calls the Creatio simulator the way the engine does: cookies from login, CSRF header, runtime prefix.</summary>
internal sealed class CreatioTestClient : IDisposable
{
    private readonly CookieContainer cookies = new();
    private readonly SandboxHost sandbox;

    public CreatioTestClient(SandboxHost sandbox)
    {
        this.sandbox = sandbox;
        Http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = sandbox.CreatioUrl };
    }

    public HttpClient Http { get; }

    public string ServicePrefix => sandbox.Options.Runtime == SandboxRuntime.NetFramework ? "0/" : string.Empty;

    public string? Cookie(string name) => cookies.GetCookies(sandbox.CreatioUrl)[name]?.Value;

    public static async Task<CreatioTestClient> LoggedInAsync(SandboxHost sandbox)
    {
        var client = new CreatioTestClient(sandbox);
        using var response = await client.LoginAsync(sandbox.Options.CreatioUsername, sandbox.Options.CreatioPassword);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Code").GetInt32());
        return client;
    }

    public Task<HttpResponseMessage> LoginAsync(string userName, string password) =>
        Http.PostAsJsonAsync("ServiceModel/AuthService.svc/Login", new { UserName = userName, UserPassword = password });

    /// <summary>A service call under the runtime prefix, with the CSRF header unless told otherwise.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string service, object? body = null, bool withCsrf = true, bool withPrefix = true)
    {
        using var request = new HttpRequestMessage(method, (withPrefix ? ServicePrefix : string.Empty) + service);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
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

    public void Dispose() => Http.Dispose();
}
