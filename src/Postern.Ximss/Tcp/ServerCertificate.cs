using System.Security.Cryptography.X509Certificates;

namespace Postern.Ximss.Tcp;

/// <summary>The certificate XIMSS channels present for TLS (the TLS port and <c>starttls</c>); none when TLS is off.</summary>
public sealed class ServerCertificate(X509Certificate2? certificate)
{
    public X509Certificate2? Certificate { get; } = certificate;
}
