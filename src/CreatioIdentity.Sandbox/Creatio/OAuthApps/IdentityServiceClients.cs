using System.Security.Cryptography;
using CreatioIdentity.Sandbox.IdentityService;
using OpenIddict.Abstractions;

namespace CreatioIdentity.Sandbox.Creatio.OAuthApps;

/// <summary>
/// How the simulated Creatio registers its integrated applications in the Identity Service, as 8.1's
/// <c>OAuthClientAppListener</c> does through its IdentityServiceWrapper (AddClient, UpdateClient, RemoveClient):
/// here through OpenIddict's application manager of the sandbox's own Identity Service. The Identity Service
/// makes the client id and the secret; a disabled application keeps its registration but may not get tokens.
/// </summary>
internal sealed class IdentityServiceClients(IServiceProvider identityService)
{
    /// <summary>The address the Creatio simulator validates bearer tokens against (issuer, discovery, keys).</summary>
    public required Uri Issuer { get; init; }

    public async Task<(string ClientId, string Secret)> AddAsync(string name, bool enabled, CancellationToken cancellationToken)
    {
        var clientId = Guid.NewGuid().ToString("N").ToUpperInvariant();
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var scope = identityService.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(Descriptor(clientId, secret, name, enabled), cancellationToken);
        return (clientId, secret);
    }

    /// <summary>A disabled client loses its token permission: the Identity Service refuses it a token.</summary>
    public async Task UpdateAsync(string clientId, string name, bool enabled, CancellationToken cancellationToken)
    {
        await using var scope = identityService.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
        {
            return;
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.DisplayName = name;
        descriptor.Permissions.Clear();
        foreach (var permission in Permissions(enabled))
        {
            descriptor.Permissions.Add(permission);
        }

        await applications.UpdateAsync(application, descriptor, cancellationToken);
    }

    public async Task RemoveAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var scope = identityService.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application)
        {
            // Not the manager's DeleteAsync: its store deletes tokens with ExecuteDelete, which the in-memory database lacks.
            var database = scope.ServiceProvider.GetRequiredService<IdentityServiceDbContext>();
            database.Remove(application);
            await database.SaveChangesAsync(cancellationToken);
        }
    }

    private static OpenIddictApplicationDescriptor Descriptor(string clientId, string secret, string name, bool enabled)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = OpenIddictConstants.ClientTypes.Confidential,
            DisplayName = name,
        };
        foreach (var permission in Permissions(enabled))
        {
            descriptor.Permissions.Add(permission);
        }

        return descriptor;
    }

    private static string[] Permissions(bool enabled) =>
        enabled ? [OpenIddictConstants.Permissions.Endpoints.Token, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials] : [];
}
