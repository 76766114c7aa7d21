using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Postern.Server.Configuration;

namespace Postern.Server.Hosting.Tls;

/// <summary>
/// Loads the configured certificate (<see cref="TlsOptions"/>), or the self-signed one kept in
/// <c>&lt;data&gt;/tls/</c>, generating it the first time.
/// </summary>
public static class ServerCertificateLoader
{
    /// <summary>Where the generated certificate lives, relative to the data directory.</summary>
    public const string SelfSignedPath = "tls/selfsigned.pfx";

    // Long enough not to lapse on an unattended server; replace it with a real certificate for clients that check.
    private static readonly TimeSpan s_selfSignedLifetime = TimeSpan.FromDays(825);

    /// <exception cref="ConfigurationException">The configured files cannot be read as a certificate with its key.</exception>
    public static X509Certificate2 Load(TlsOptions options, string dataDirectory, string hostName, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Certificate.Length > 0)
            return LoadConfigured(options, dataDirectory);

        var path = Path.Combine(dataDirectory, SelfSignedPath);
        if (File.Exists(path))
            return X509CertificateLoader.LoadPkcs12FromFile(path, null);
        var certificate = CreateSelfSigned(hostName, time.GetUtcNow());
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // The key is the server's secret: readable by the server's user only.
        File.WriteAllBytes(path, []);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    private static X509Certificate2 LoadConfigured(TlsOptions options, string dataDirectory)
    {
        var certificatePath = Path.Combine(dataDirectory, options.Certificate);
        try
        {
            var extension = Path.GetExtension(certificatePath);
            if (extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase))
                return X509CertificateLoader.LoadPkcs12FromFile(certificatePath, options.Password.Length == 0 ? null : options.Password);
            var keyPath = options.Key.Length == 0 ? null : Path.Combine(dataDirectory, options.Key);
            var pem = options.Password.Length == 0
                ? X509Certificate2.CreateFromPemFile(certificatePath, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(certificatePath, options.Password, keyPath);
            // SslStream needs the key in a form the platform keeps; a PEM key is ephemeral until exported.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new ConfigurationException($"Postern:Tls: cannot load the certificate {certificatePath}: {e.Message}");
        }
    }

    private static X509Certificate2 CreateSelfSigned(string hostName, DateTimeOffset now)
    {
        // RSA 2048 rather than an elliptic curve: every TLS client, old Java and Flash ones too, takes it.
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={hostName}, O=Postern self-signed", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(hostName);
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false)); // id-kp-serverAuth
        return request.CreateSelfSigned(now.AddDays(-1), now + s_selfSignedLifetime);
    }
}
