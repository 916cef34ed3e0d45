using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CreatioIdentity.Sandbox.Hosting;

/// <summary>The shared shape of both sandbox servers: loopback only, quiet, no console hooks.</summary>
internal static class LoopbackWebApplication
{
    /// <summary>A server on 127.0.0.1:<paramref name="port"/>; with a <paramref name="certificate"/> it serves HTTPS only.</summary>
    public static WebApplicationBuilder CreateBuilder(int port, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(LoopbackWebApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));

        // Tests start many sandboxes; only warnings are worth their output.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // The sandbox is embedded in tests and in a process that handles its own signals,
        // so no host may take over Ctrl+C or SIGTERM.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        // Nothing the sandbox protects outlives it, so no keys are written to the user's profile.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        return builder;
    }

    /// <summary>The address Kestrel really bound, with a trailing slash.</summary>
    public static Uri BoundAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        var address = addresses?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The sandbox server did not report the address it bound.");
        return new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>
    /// Server certificates pass when the system trusts them or when they chain to
    /// <paramref name="authority"/>; a name mismatch fails either way.
    /// </summary>
    public static RemoteCertificateValidationCallback? TrustAlso(X509Certificate2? authority) =>
        authority is null
            ? null
            : (_, certificate, presented, errors) =>
            {
                if (errors == SslPolicyErrors.None)
                {
                    return true;
                }

                if (certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
                {
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(authority);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                if (presented is not null)
                {
                    foreach (var element in presented.ChainElements)
                    {
                        chain.ChainPolicy.ExtraStore.Add(element.Certificate);
                    }
                }

                return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
            };

    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
