using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CreatioIdentity.Tests.Tls;

/// <summary>
/// A certificate authority made for one test, as a company's private CA is: it signs server
/// certificates that no system store trusts, so only a client told about the CA accepts them.
/// </summary>
public sealed class PrivateAuthority : IDisposable
{
    private readonly X509Certificate2 authority;

    private PrivateAuthority(X509Certificate2 authority) => this.authority = authority;

    /// <summary>The CA's certificate, without its key: what a client is given to trust.</summary>
    public X509Certificate2 Certificate => X509CertificateLoader.LoadCertificate(authority.RawData);

    public static PrivateAuthority Create(string name = "creatio-identity test CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = DateTimeOffset.UtcNow;
        return new PrivateAuthority(request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1)));
    }

    /// <summary>A server certificate with its key for 127.0.0.1, localhost and <paramref name="hostNames"/>.</summary>
    public X509Certificate2 IssueServerCertificate(params string[] hostNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        foreach (var hostName in hostNames)
        {
            names.AddDnsName(hostName);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(authority, now.AddMinutes(-1), now.AddHours(12), RandomNumberGenerator.GetBytes(16));
        using var withKey = issued.CopyWithPrivateKey(key);

        // Through PKCS#12 so that the key is one Kestrel can use on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null);
    }

    /// <summary>Writes the CA's certificate as PEM into <paramref name="directory"/> and returns its file name.</summary>
    public string WritePem(string directory, string fileName = "private-ca.pem")
    {
        File.WriteAllText(Path.Combine(directory, fileName), authority.ExportCertificatePem() + "\n");
        return fileName;
    }

    public void Dispose() => authority.Dispose();
}
