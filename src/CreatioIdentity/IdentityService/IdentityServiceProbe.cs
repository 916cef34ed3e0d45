using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.IdentityService;

public sealed record DiscoveryResult(bool Ok, Uri? TokenEndpoint, string Message);

public sealed record TokenProbeResult(bool Ok, string Message);

/// <summary>
/// The runner's own look at the Identity Service, the same two things Creatio checks: the
/// discovery document and a client_credentials token for the configured client. The token itself
/// is dropped at once; only whether one was issued is kept.
/// </summary>
public sealed class IdentityServiceProbe(HttpClient http, IdentityConfig config)
{
    public async Task<DiscoveryResult> DiscoverAsync(Uri identityService, CancellationToken cancellationToken)
    {
        var address = new Uri(identityService.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration");
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Options.Set(CreatioSession.Retryable, true);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new DiscoveryResult(false, null,
                    $"The discovery document {address} answered HTTP {(int)response.StatusCode}: check identityService.url (the Identity Service root, without /connect/token).");
            }

            using var document = JsonDocument.Parse(body);
            var tokenEndpoint = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("token_endpoint", out var endpoint)
                && Uri.TryCreate(endpoint.GetString(), UriKind.Absolute, out var parsed) ? parsed : null;
            if (tokenEndpoint is null)
            {
                return new DiscoveryResult(false, null, $"The discovery document {address} names no token_endpoint: is identityService.url really the Identity Service?");
            }

            // The client secret goes to whatever the document names; plain http elsewhere than this machine needs the file's consent.
            return tokenEndpoint.Scheme != Uri.UriSchemeHttps && !tokenEndpoint.IsLoopback && !config.AllowInsecureHttp
                ? new DiscoveryResult(false, null,
                    $"The discovery document {address} names a token endpoint on plain http ({tokenEndpoint.GetLeftPart(UriPartial.Authority)}): the client secret would cross the network unencrypted, so it was not sent. Make the Identity Service publish its https address, or, on a network you trust, write 'allowInsecureHttp: true' in the file.")
                : new DiscoveryResult(true, tokenEndpoint, $"The runner read the discovery document at {address}.");
        }
        catch (JsonException)
        {
            return new DiscoveryResult(false, null, $"The discovery document {address} is not JSON: identityService.url may point at a web page rather than the Identity Service.");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && Unreachable(exception, address) is { } message)
        {
            return new DiscoveryResult(false, null, message);
        }
    }

    public async Task<TokenProbeResult> RequestTokenAsync(Uri tokenEndpoint, string clientId, Secret clientSecret, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = clientSecret.Reveal(),
            }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Options.Set(CreatioSession.Retryable, true);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            var root = document.RootElement;
            if (response.IsSuccessStatusCode && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("access_token", out var token) && token.GetString() is { Length: > 0 })
            {
                return new TokenProbeResult(true, $"The Identity Service issued a client_credentials token to client '{clientId}'.");
            }

            var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) ? e.GetString() : null;
            return new TokenProbeResult(false, error switch
            {
                "invalid_client" => $"The Identity Service rejected client '{clientId}' (invalid_client): check identityService.clientId and identityService.clientSecret against the client in the Identity Service's appsettings.json.",
                "unauthorized_client" or "unsupported_grant_type" => $"Client '{clientId}' may not use the client_credentials grant ({error}): allow it in the Identity Service's client configuration.",
                null => $"The token endpoint {tokenEndpoint} answered HTTP {(int)response.StatusCode} without a token.",
                _ => $"The Identity Service refused a token to client '{clientId}' ({error}).",
            });
        }
        catch (JsonException)
        {
            return new TokenProbeResult(false, $"The token endpoint {tokenEndpoint} did not answer JSON.");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && Unreachable(exception, tokenEndpoint) is { } message)
        {
            return new TokenProbeResult(false, message);
        }
    }

    private static string? Unreachable(Exception exception, Uri address) => exception switch
    {
        Exception when Timeouts.IsTimeout(exception) => $"The Identity Service at {address.GetLeftPart(UriPartial.Authority)} did not answer in time.",
        HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } } =>
            $"The Identity Service host {address.Host} could not be resolved (DNS) from the runner: check identityService.url.",
        HttpRequestException { InnerException: System.Security.Authentication.AuthenticationException } =>
            $"The TLS handshake with the Identity Service at {address.GetLeftPart(UriPartial.Authority)} failed: trust its certificate authority with creatio.tls.caCertificate.",
        HttpRequestException => $"The runner could not reach the Identity Service at {address.GetLeftPart(UriPartial.Authority)} ({exception.Message}).",
        _ => null,
    };
}
