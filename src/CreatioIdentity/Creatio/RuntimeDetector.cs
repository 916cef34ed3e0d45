using System.Net;
using CreatioIdentity.Http;

namespace CreatioIdentity.Creatio;

/// <summary>
/// Finds where a site's services live when <c>creatio.runtime</c> is auto: under /0 (.NET Framework)
/// or at the site root (.NET). It asks what needs no session, as clio's EnvironmentRuntimeDetectionService
/// does: the anonymous HealthCheck Ping under each prefix, then the login pages (/0/Login/NuiLogin.aspx vs
/// /Login/Login.html). Only a 2xx counts as "there": real sites answer some routes on both prefixes, and a
/// 3xx, 401 or 403 says nothing about where the services are (SPEC §4).
/// </summary>
internal sealed class RuntimeDetector(Uri site, Func<HttpRequestMessage, CreatioRoute, CancellationToken, Task<HttpResponseMessage>> send)
{
    public const string NetPrefix = "";
    public const string NetFrameworkPrefix = "0/";

    /// <summary>The prefix, or null when the anonymous answers cannot tell (both or neither answered).</summary>
    public async Task<string?> DetectAsync(CancellationToken cancellationToken)
    {
        var netFrameworkPing = await AnswersAsync(NetFrameworkPrefix + CreatioRoutes.Ping.Path, CreatioRoutes.Ping, cancellationToken);
        var netPing = await AnswersAsync(NetPrefix + CreatioRoutes.Ping.Path, CreatioRoutes.Ping, cancellationToken);
        if (netFrameworkPing != netPing)
        {
            return netFrameworkPing ? NetFrameworkPrefix : NetPrefix;
        }

        var netFrameworkPage = await AnswersAsync(CreatioRoutes.NetFrameworkLoginPage.Path, CreatioRoutes.NetFrameworkLoginPage, cancellationToken);
        var netPage = await AnswersAsync(CreatioRoutes.NetLoginPage.Path, CreatioRoutes.NetLoginPage, cancellationToken);
        return netFrameworkPage == netPage ? null : netFrameworkPage ? NetFrameworkPrefix : NetPrefix;
    }

    private async Task<bool> AnswersAsync(string path, CreatioRoute route, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(site, path));
        ProductHeaders.Apply(request.Headers);
        request.Options.Set(CreatioSession.Retryable, true);
        using var response = await send(request, route, cancellationToken);
        return response.StatusCode is >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices;
    }

    /// <summary>The runtime's name for messages.</summary>
    public static string Describe(string prefix) => prefix == NetFrameworkPrefix ? ".NET Framework (services under /0)" : ".NET (services at the site root)";
}
