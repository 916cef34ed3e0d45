using System.Net;
using CreatioIdentity.Configuration;

namespace CreatioIdentity.Hosting;

/// <summary>
/// The proxy every engine HTTP client uses, from the engine's environment: <c>HTTPS_PROXY</c> for
/// https URLs, <c>HTTP_PROXY</c> for http ones (each falling back to <c>ALL_PROXY</c>; the lower
/// case names win, as with curl and .NET), and <c>NO_PROXY</c> for the hosts reached directly.
/// .NET reads the same variables, but from the process once per process; the engine takes them
/// from the environment it is given, like every <c>${VAR}</c>, so that what it does is what a test
/// can set. A loopback URL never goes through a proxy: the proxy's 127.0.0.1 is the proxy itself.
/// With none of the variables set, the system's default proxy applies (the Windows settings, say).
/// Credentials in a proxy URL (<c>http://user:password@proxy:3128</c>) are taken out of it and
/// handed over on the proxy's challenge only, so the URL that .NET puts in messages holds none.
/// </summary>
public sealed class EnvironmentProxy : IWebProxy
{
    private static readonly string[] SupportedSchemes = ["http", "https", "socks4", "socks4a", "socks5"];

    private readonly Uri? http;
    private readonly Uri? https;
    private readonly IReadOnlyList<string> bypass;
    private readonly IWebProxy? system;

    private EnvironmentProxy(Uri? http, Uri? https, IReadOnlyList<string> bypass, ProxyCredentials credentials, IWebProxy? system)
    {
        this.http = http;
        this.https = https;
        this.bypass = bypass;
        this.system = system;
        Credentials = system is null ? credentials : system.Credentials;
    }

    public ICredentials? Credentials { get; set; }

    /// <summary>
    /// The proxy the environment names. A value that is no proxy URL is a configuration error
    /// (exit 3) that names the variable but never repeats its value, which may hold a password.
    /// </summary>
    public static EnvironmentProxy FromEnvironment(Func<string, string?> environment, string configPath)
    {
        ArgumentNullException.ThrowIfNull(environment);

        var credentials = new ProxyCredentials();
        var all = Read(environment, "all_proxy", "ALL_PROXY", credentials, configPath);
        var http = Read(environment, "http_proxy", "HTTP_PROXY", credentials, configPath) ?? all;
        var https = Read(environment, "https_proxy", "HTTPS_PROXY", credentials, configPath) ?? all;
        var noProxy = Variable(environment, "no_proxy", "NO_PROXY").Value ?? string.Empty;
        var bypass = noProxy.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return http is null && https is null
            ? new EnvironmentProxy(null, null, bypass, credentials, HttpClient.DefaultProxy)
            : new EnvironmentProxy(http, https, bypass, credentials, system: null);
    }

    /// <summary>The passwords in the proxy URLs, for the log masks.</summary>
    public IReadOnlyList<string> Passwords => Credentials is ProxyCredentials own ? own.Passwords : [];

    public Uri? GetProxy(Uri destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (IsBypassed(destination))
        {
            return null;
        }

        return system is not null ? system.GetProxy(destination) : destination.Scheme == Uri.UriSchemeHttps ? https : http;
    }

    public bool IsBypassed(Uri host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.IsLoopback)
        {
            return true;
        }

        if (system is not null)
        {
            return system.IsBypassed(host);
        }

        return (host.Scheme == Uri.UriSchemeHttps ? https : http) is null || bypass.Any(entry => Matches(entry, host));
    }

    /// <summary>
    /// A NO_PROXY entry: <c>*</c> (every host), a domain (<c>example.com</c>, <c>.example.com</c>
    /// and <c>*.example.com</c> all take the domain and its subdomains), an IP address, or a CIDR
    /// range (<c>10.0.0.0/8</c>); a <c>:port</c> after a host or address narrows it to that port.
    /// </summary>
    private static bool Matches(string entry, Uri host)
    {
        if (entry == "*")
        {
            return true;
        }

        if (IPNetwork.TryParse(entry, out var network))
        {
            return IPAddress.TryParse(host.IdnHost, out var address) && network.Contains(address);
        }

        var pattern = entry;
        var colon = pattern.LastIndexOf(':');
        if (colon > 0 && pattern[(colon + 1)..].All(char.IsAsciiDigit) && !IPAddress.TryParse(pattern, out _))
        {
            if (!int.TryParse(pattern[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var port) || port != host.Port)
            {
                return false;
            }

            pattern = pattern[..colon];
        }

        pattern = pattern.Trim('[', ']').TrimStart('*').TrimStart('.');
        var name = host.IdnHost.Trim('[', ']');
        return name.Equals(pattern, StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("." + pattern, StringComparison.OrdinalIgnoreCase);
    }

    private static Uri? Read(Func<string, string?> environment, string lower, string upper, ProxyCredentials credentials, string configPath)
    {
        var (name, value) = Variable(environment, lower, upper);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Host.Length == 0 || !SupportedSchemes.Contains(url.Scheme, StringComparer.Ordinal))
        {
            throw new ConfigurationException(
            [
                new ConfigDiagnostic(DiagnosticSeverity.Error, new SourceLocation(configPath, 1, 1),
                    $"environment variable {name} is not a proxy URL such as http://proxy.example.com:3128 (schemes: {string.Join(", ", SupportedSchemes)}); correct or unset it"),
            ]);
        }

        var proxy = new UriBuilder(url) { UserName = string.Empty, Password = string.Empty, Path = "/", Query = string.Empty, Fragment = string.Empty }.Uri;
        if (url.UserInfo.Length > 0)
        {
            var separator = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Uri.UnescapeDataString(separator < 0 ? url.UserInfo : url.UserInfo[..separator]);
            var password = separator < 0 ? string.Empty : Uri.UnescapeDataString(url.UserInfo[(separator + 1)..]);
            credentials.Add(proxy, new NetworkCredential(user, password));
        }

        return proxy;
    }

    private static (string Name, string? Value) Variable(Func<string, string?> environment, string lower, string upper) =>
        environment(lower) is { Length: > 0 } value ? (lower, value) : (upper, environment(upper));

    /// <summary>The credentials of each proxy, given only to that proxy when it asks.</summary>
    private sealed class ProxyCredentials : ICredentials
    {
        private readonly Dictionary<string, NetworkCredential> byProxy = new(StringComparer.OrdinalIgnoreCase);

        public IReadOnlyList<string> Passwords => [.. byProxy.Values.Select(credential => credential.Password).Where(password => password.Length > 0)];

        public void Add(Uri proxy, NetworkCredential credential) => byProxy[proxy.GetLeftPart(UriPartial.Authority)] = credential;

        public NetworkCredential? GetCredential(Uri uri, string authType) =>
            byProxy.GetValueOrDefault(uri.GetLeftPart(UriPartial.Authority));
    }
}
