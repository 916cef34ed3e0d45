using CreatioIdentity.Sandbox.Faults;
using CreatioIdentity.Sandbox.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;

namespace CreatioIdentity.Sandbox.IdentityService;

/// <summary>
/// A real OAuth 2.0 / OpenID Connect server (OpenIddict), configured like Creatio's Identity Service
/// for system actions: discovery plus a client_credentials token endpoint for confidential clients.
/// </summary>
internal static class IdentityServiceServer
{
    public const string DiscoveryPath = ".well-known/openid-configuration";
    public const string TokenPath = "connect/token";

    public static async Task<WebApplication> StartAsync(SandboxOptions options, IssuedTokens issued, FaultPlan faults, CancellationToken cancellationToken)
    {
        var builder = LoopbackWebApplication.CreateBuilder(options.IdentityServicePort, options.IdentityServiceCertificate);
        var databaseName = "identity-service-" + Guid.NewGuid().ToString("N");

        builder.Services.AddDbContext<IdentityServiceDbContext>(db =>
        {
            db.UseInMemoryDatabase(databaseName);
            db.UseOpenIddict();
        });

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityServiceDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenPath);
                server.AllowClientCredentialsFlow();

                // Ephemeral keys of kinds that are generated in microseconds: a fresh RSA pair costs about
                // a second on a small machine, paid by every sandbox a test starts.
                server.AddEphemeralSigningKey(SecurityAlgorithms.EcdsaSha256);
                server.AddEphemeralEncryptionKey(SecurityAlgorithms.Aes256KW);
                server.DisableAccessTokenEncryption();
                server.DisableTokenStorage();

                // A sandbox should not fail a caller over which scope it names.
                server.DisableScopeValidation();
                server.IgnoreScopePermissions();

                // Remember each access token handed out, so tests can prove a client never prints one.
                server.AddEventHandler<OpenIddictServerEvents.ApplyTokenResponseContext>(handler => handler.UseInlineHandler(context =>
                {
                    issued.Add(context.Response.AccessToken);
                    return default;
                }));

                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .DisableTransportSecurityRequirement(); // loopback; http unless a certificate is given
            });

        var app = builder.Build();
        app.UseFaultInjection(faults, FaultServer.IdentityService, TimeProvider.System);
        app.UseAuthentication();
        app.MapPost("/" + TokenPath, TokenEndpoint.Handle);

        try
        {
            await RegisterClientsAsync(app.Services, options, cancellationToken);
            await app.StartAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private static async Task RegisterClientsAsync(IServiceProvider services, SandboxOptions options, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        IEnumerable<KeyValuePair<string, string>> clients =
            [new(options.ClientId, options.ClientSecret), .. options.AdditionalClients];

        foreach (var (clientId, clientSecret) in clients)
        {
            await applications.CreateAsync(
                new OpenIddictApplicationDescriptor
                {
                    ClientId = clientId,
                    ClientSecret = clientSecret,
                    ClientType = OpenIddictConstants.ClientTypes.Confidential,
                    DisplayName = clientId,
                    Permissions =
                    {
                        OpenIddictConstants.Permissions.Endpoints.Token,
                        OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
                    },
                },
                cancellationToken);
        }
    }
}
