using System.Net.Http.Headers;
using System.Text.Json;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Http;

namespace CreatioIdentity.IdentityService;

/// <summary>The runner's look at the discovery document; a failure carries its error code (<see cref="ErrorCodes"/>).</summary>
/// <param name="Reached">How far the discovery got; a failure before the document was read says so in the token check's skip reason.</param>
public sealed record DiscoveryResult(bool Ok, Uri? TokenEndpoint, string Message, string? ErrorCode = null, DiscoveryStage Reached = DiscoveryStage.NotRead)
{
    /// <summary>Why no token was asked for, as far as the discovery got: the token check's skip reason.</summary>
    public string TokenSkipReason => Reached switch
    {
        DiscoveryStage.NotRead => "Skipped: the discovery document could not be read, so no token endpoint is known (see IdentityServiceDiscovery).",
        DiscoveryStage.NoTokenEndpoint => "Skipped: the discovery document named no token endpoint.",
        _ => "Skipped: the client secret was not sent to the token endpoint the discovery document named (see IdentityServiceDiscovery).",
    };
}

/// <summary>How far a look at the discovery document got.</summary>
public enum DiscoveryStage
{
    /// <summary>No usable document: the Identity Service could not be reached, answered an error, or not JSON.</summary>
    NotRead,

    /// <summary>The document was read and names no token endpoint.</summary>
    NoTokenEndpoint,

    /// <summary>The document names a token endpoint; it was refused (another host, plain http) or taken.</summary>
    TokenEndpoint,
}

/// <summary>Whether the Identity Service issued a token; a failure carries its error code (<see cref="ErrorCodes"/>).</summary>
public sealed record TokenProbeResult(bool Ok, string Message, string? ErrorCode = null);

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
        request.Options.Set(RetryOptions.Retryable, true);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new DiscoveryResult(false, null, (int)response.StatusCode >= 500
                    ? $"The Identity Service at {address.GetLeftPart(UriPartial.Authority)} answered its discovery document with HTTP {(int)response.StatusCode}{Retried}: it is down or failing; check the Identity Service (its log, its host) and run again."
                    : $"The discovery document {address} answered HTTP {(int)response.StatusCode}: check identityService.url (the Identity Service root, without /connect/token).",
                    ErrorCodes.HttpStatus);
            }

            using var document = JsonDocument.Parse(body);
            var tokenEndpoint = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("token_endpoint", out var endpoint)
                && Uri.TryCreate(endpoint.GetString(), UriKind.Absolute, out var parsed) ? parsed : null;
            if (tokenEndpoint is null)
            {
                return new DiscoveryResult(false, null, $"The discovery document {address} names no token_endpoint: is identityService.url really the Identity Service?", ErrorCodes.UnexpectedAnswer, DiscoveryStage.NoTokenEndpoint);
            }

            return Judge(address, identityService, tokenEndpoint);
        }
        catch (JsonException)
        {
            return new DiscoveryResult(false, null, $"The discovery document {address} is not JSON: identityService.url may point at a web page rather than the Identity Service.", ErrorCodes.UnexpectedAnswer);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && Unreachable(exception, address) is { } failure)
        {
            return new DiscoveryResult(false, null, failure.Message, failure.Code);
        }
    }

    public async Task<TokenProbeResult> RequestTokenAsync(Uri tokenEndpoint, string clientId, Secret clientSecret, CancellationToken cancellationToken) =>
        (await IssueTokenAsync(tokenEndpoint, clientId, clientSecret, cancellationToken)).Result;

    /// <summary>As <see cref="RequestTokenAsync"/>, keeping the token (masked at once) for a read as that client (an integrated application's proof).</summary>
    public async Task<(TokenProbeResult Result, Secret? Token)> IssueTokenAsync(Uri tokenEndpoint, string clientId, Secret clientSecret, CancellationToken cancellationToken)
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
        request.Options.Set(RetryOptions.Retryable, true);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if ((int)response.StatusCode >= 500)
            {
                return (new TokenProbeResult(false,
                    $"The token endpoint {tokenEndpoint} answered HTTP {(int)response.StatusCode}{Retried}: the Identity Service is down or failing; check it (its log, its host) and run again.",
                    ErrorCodes.HttpStatus), null);
            }

            using var document = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            var root = document.RootElement;
            if (response.IsSuccessStatusCode && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("access_token", out var token) && token.GetString() is { Length: > 0 } accessToken)
            {
                // Masked at once, should anything ever quote it; kept only by a caller that reads as this client.
                SecretMasker.Shared.Add(accessToken);
                return (new TokenProbeResult(true, $"The Identity Service issued a client_credentials token to client '{clientId}'."), new Secret(accessToken));
            }

            // The request carried the client secret: of the answer only an OAuth error code is
            // quoted (RFC 6749 §5.2), never free text, which may echo the request.
            var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String
                ? OAuthErrorCode(e.GetString())
                : null;
            return (new TokenProbeResult(false, error switch
            {
                "invalid_client" => $"The Identity Service rejected client '{clientId}' (invalid_client): check identityService.clientId and identityService.clientSecret against the client in the Identity Service's appsettings.json.",
                "unauthorized_client" or "unsupported_grant_type" => $"Client '{clientId}' may not use the client_credentials grant ({error}): allow it in the Identity Service's client configuration.",
                null => $"The token endpoint {tokenEndpoint} answered HTTP {(int)response.StatusCode} without a token.",
                _ => $"The Identity Service refused a token to client '{clientId}' ({error}).",
            }, error is not null ? ErrorCodes.Authentication : response.IsSuccessStatusCode ? ErrorCodes.UnexpectedAnswer : ErrorCodes.HttpStatus), null);
        }
        catch (JsonException)
        {
            return (new TokenProbeResult(false, $"The token endpoint {tokenEndpoint} did not answer JSON: check that identityService.url is the Identity Service and that nothing in between answers for it.", ErrorCodes.UnexpectedAnswer), null);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && Unreachable(exception, tokenEndpoint) is { } failure)
        {
            return (new TokenProbeResult(false, failure.Message, failure.Code), null);
        }
    }

    private const string Retried = " (retried with backoff)";

    /// <summary>
    /// The client secret goes to whatever the document names: so only to the Identity Service's
    /// own origin (scheme, host and port of identityService.url) or to a host the file names, and
    /// over plain http only to this machine or with the file's consent.
    /// </summary>
    private DiscoveryResult Judge(Uri address, Uri identityService, Uri tokenEndpoint)
    {
        var found = tokenEndpoint.GetLeftPart(UriPartial.Authority);
        var sameOrigin = string.Equals(found, identityService.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
        var named = config.IdentityService.TokenEndpointHosts.Any(host =>
            string.Equals(host, tokenEndpoint.Host, StringComparison.OrdinalIgnoreCase) || string.Equals(host, tokenEndpoint.IdnHost, StringComparison.OrdinalIgnoreCase));
        if (!sameOrigin && !named)
        {
            return new DiscoveryResult(false, null,
                $"The discovery document {address} names a token endpoint on {found}, not on the Identity Service's own {identityService.GetLeftPart(UriPartial.Authority)} (identityService.url): the client secret would go to that host, so it was not sent. " +
                $"If {tokenEndpoint.Host} belongs to the Identity Service (a sign-in host, a load balancer), name it in the file: 'identityService.tokenEndpointHosts: [{tokenEndpoint.Host}]'.", ErrorCodes.UnexpectedAnswer, DiscoveryStage.TokenEndpoint);
        }

        return tokenEndpoint.Scheme != Uri.UriSchemeHttps && !tokenEndpoint.IsLoopback && !config.AllowInsecureHttp
            ? new DiscoveryResult(false, null,
                $"The discovery document {address} names a token endpoint on plain http ({found}): the client secret would cross the network unencrypted, so it was not sent. Make the Identity Service publish its https address, or, on a network you trust, write 'allowInsecureHttp: true' in the file.", ErrorCodes.UnexpectedAnswer, DiscoveryStage.TokenEndpoint)
            : new DiscoveryResult(true, tokenEndpoint, $"The runner read the discovery document at {address}.", Reached: DiscoveryStage.TokenEndpoint);
    }

    /// <summary>An error code as OAuth spells them (invalid_client, unauthorized_client, ...); anything else is not quoted.</summary>
    private static string? OAuthErrorCode(string? error) =>
        error is { Length: > 0 and <= 64 } && error.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' or '.')
            ? error
            : error is null ? null : "an error that is not an OAuth error code";

    private (string Code, string Message)? Unreachable(Exception exception, Uri address)
    {
        var where = address.GetLeftPart(UriPartial.Authority);
        return TransportFailures.Classify(exception) switch
        {
            TransportFailure.Timeout => (ErrorCodes.Timeout,
                $"The Identity Service at {where} did not answer in time{Retried}: check that it is up and that the runner's network reaches it, or raise creatio.timeoutSeconds."),
            TransportFailure.Dns => (ErrorCodes.Dns,
                $"The Identity Service host {address.Host} could not be resolved (DNS) from the runner: check identityService.url."),
            TransportFailure.Tls => (ErrorCodes.Tls,
                HandshakeAdvice.Explain(exception, "the Identity Service", address, ConfigPaths.IdentityService.Url, ConfigPaths.IdentityService.Tls.CaCertificate)),
            TransportFailure.Connect => (ErrorCodes.Connect,
                $"The runner could not reach the Identity Service at {where} ({TransportFailures.WhyUnreachable(exception, config.Creatio.Timeout)}){(Timeouts.IsConnectTimeout(exception) ? string.Empty : Retried)}: check that it is up, identityService.url, and any proxy (HTTPS_PROXY, NO_PROXY)."),
            TransportFailure.ConnectionLost => (ErrorCodes.Connect,
                $"The Identity Service at {where} dropped the connection before answering ({exception.Message}){Retried}: check that it is up and healthy, and run again."),
            _ => null,
        };
    }
}
