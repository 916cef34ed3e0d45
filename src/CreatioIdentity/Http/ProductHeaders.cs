using System.Net.Http.Headers;
using System.Reflection;

namespace CreatioIdentity.Http;

/// <summary>
/// The headers every request of the tool carries: a User-Agent that names the tool and its version
/// (so a Creatio administrator can find the tool's requests in the site's logs), and Accept: JSON
/// (Creatio's services answer JSON to a client that asks for it; SPEC §4).
/// </summary>
public static class ProductHeaders
{
    public const string Product = "creatio-identity";

    /// <summary>The informational version of the engine (from git tags once the build stamps them), without build metadata.</summary>
    public static string Version { get; } = ReadVersion();

    public static ProductInfoHeaderValue UserAgent { get; } = new(Product, Version);

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    public static void Apply(HttpRequestHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.UserAgent.Clear();
        headers.UserAgent.Add(UserAgent);
        headers.Accept.Clear();
        headers.Accept.Add(Json);
    }

    private static string ReadVersion()
    {
        var informational = typeof(ProductHeaders).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = string.IsNullOrWhiteSpace(informational) ? typeof(ProductHeaders).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" : informational;
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
