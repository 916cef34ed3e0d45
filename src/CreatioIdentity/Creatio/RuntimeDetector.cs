using CreatioIdentity.Http;

namespace CreatioIdentity.Creatio;

/// <summary>
/// Finds where a site's services live when <c>creatio.runtime</c> is auto: under /0 (.NET Framework)
/// or at the site root (.NET). It asks only what needs no session, as clio's
/// EnvironmentRuntimeDetectionService does: the anonymous HealthCheck Ping under /0 and at the root, then
/// the login pages (/0/Login/NuiLogin.aspx vs /Login/Login.html). A 3xx, 401 or 403 never decides (SPEC §4).
/// The /0 Ping decides alone when it is an answer: 404 means no services under /0 (a .NET site), 2xx means
/// services are served under /0 (a .NET Framework site, or a site that answers both prefixes, where /0 serves
/// them too), so that the usual site costs one request, not two.
/// </summary>
internal sealed class RuntimeDetector(Uri site, Func<HttpRequestMessage, CreatioRoute, CancellationToken, Task<HttpResponseMessage>> send)
{
    public const string NetPrefix = "";
    public const string NetFrameworkPrefix = "0/";

    /// <summary>The prefix, or null when the anonymous answers cannot tell.</summary>
    public async Task<string?> DetectAsync(CancellationToken cancellationToken)
    {
        switch (await StatusAsync(NetFrameworkPrefix + CreatioRoutes.Ping.Path, CreatioRoutes.Ping, cancellationToken))
        {
            case >= 200 and < 300:
                return NetFrameworkPrefix;
            case 404:
                return NetPrefix;
        }

        if (await AnswersAsync(NetPrefix + CreatioRoutes.Ping.Path, CreatioRoutes.Ping, cancellationToken))
        {
            return NetPrefix;
        }

        var netFrameworkPage = await AnswersAsync(CreatioRoutes.NetFrameworkLoginPage.Path, CreatioRoutes.NetFrameworkLoginPage, cancellationToken);
        var netPage = await AnswersAsync(CreatioRoutes.NetLoginPage.Path, CreatioRoutes.NetLoginPage, cancellationToken);
        return netFrameworkPage == netPage ? null : netFrameworkPage ? NetFrameworkPrefix : NetPrefix;
    }

    private async Task<bool> AnswersAsync(string path, CreatioRoute route, CancellationToken cancellationToken) =>
        await StatusAsync(path, route, cancellationToken) is >= 200 and < 300;

    private async Task<int> StatusAsync(string path, CreatioRoute route, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(site, path));
        ProductHeaders.Apply(request.Headers);
        request.Options.Set(RetryOptions.Retryable, true);
        using var response = await send(request, route, cancellationToken);
        return (int)response.StatusCode;
    }
}
