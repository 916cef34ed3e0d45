using System.Text.Json;

namespace CreatioIdentity.Sandbox.Creatio.Health;

/// <summary>What Creatio itself asks the configured Identity Service: the discovery document, then a client_credentials token.</summary>
internal sealed class IdentityServiceProbe(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "creatio-to-identity-service";

    /// <summary>The token endpoint from discovery, or null when the Identity Service is not available.</summary>
    public async Task<Uri?> DiscoverTokenEndpointAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url.TrimEnd('/') + "/.well-known/openid-configuration", UriKind.Absolute, out var discovery))
        {
            return null;
        }

        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(discovery, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return document.RootElement.TryGetProperty("token_endpoint", out var endpoint)
                && Uri.TryCreate(endpoint.GetString(), UriKind.Absolute, out var tokenEndpoint)
                    ? tokenEndpoint
                    : null;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public async Task<bool> CanGetTokenAsync(Uri tokenEndpoint, string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });

        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).PostAsync(tokenEndpoint, form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return document.RootElement.TryGetProperty("access_token", out var token)
                && !string.IsNullOrEmpty(token.GetString());
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
