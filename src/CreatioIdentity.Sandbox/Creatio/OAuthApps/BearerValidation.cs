using System.Security.Cryptography.X509Certificates;
using CreatioIdentity.Sandbox.Hosting;
using OpenIddict.Validation.AspNetCore;

namespace CreatioIdentity.Sandbox.Creatio.OAuthApps;

/// <summary>
/// OpenIddict's token validation for the Creatio simulator: the issuer is the Identity Service, whose
/// discovery document and signing keys are fetched over HTTP, as Creatio trusts its Identity Service.
/// </summary>
internal static class BearerValidation
{
    public static void Add(IServiceCollection services, Uri issuer, X509Certificate2? trustedAuthority)
    {
        services.AddOpenIddict().AddValidation(validation =>
        {
            validation.SetIssuer(issuer);
            validation.UseSystemNetHttp().ConfigureHttpClientHandler(handler =>
            {
                if (LoopbackWebApplication.TrustAlso(trustedAuthority) is { } trust)
                {
                    handler.ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => trust(request, certificate, chain, errors);
                }
            });
            validation.UseAspNetCore();
        });
        services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
    }
}
