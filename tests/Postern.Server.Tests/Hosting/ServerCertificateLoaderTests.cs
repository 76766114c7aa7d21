using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Postern.Server.Configuration;
using Postern.Server.Hosting.Tls;
using Postern.Testing;

namespace Postern.Server.Tests.Hosting;

public class ServerCertificateLoaderTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private X509Certificate2 Load(TlsOptions options) => ServerCertificateLoader.Load(options, _data.Path, "mail.example.com", TimeProvider.System);

    [Fact]
    public void WithoutConfigurationASelfSignedCertificateIsMadeOnceAndKept()
    {
        var first = Load(new TlsOptions());
        var second = Load(new TlsOptions());

        Assert.True(first.HasPrivateKey);
        Assert.Equal(first.Thumbprint, second.Thumbprint);
        Assert.Contains("CN=mail.example.com", first.Subject);
        Assert.Contains("localhost", first.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames());
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_data.File("tls", "selfsigned.pfx")));
    }

    [Fact]
    public void AConfiguredPkcs12FileWithItsPasswordIsUsed()
    {
        using var made = MakeCertificate();
        File.WriteAllBytes(_data.File("server.pfx"), made.Export(X509ContentType.Pkcs12, "pfx-password"));

        var loaded = Load(new TlsOptions { Certificate = "server.pfx", Password = "pfx-password" });

        Assert.Equal(made.Thumbprint, loaded.Thumbprint);
        Assert.True(loaded.HasPrivateKey);
        Assert.False(File.Exists(_data.File("tls", "selfsigned.pfx")));
    }

    [Fact]
    public void AConfiguredPemCertificateAndKeyAreUsed()
    {
        using var made = MakeCertificate();
        File.WriteAllText(_data.File("server.crt"), made.ExportCertificatePem());
        File.WriteAllText(_data.File("server.key"), made.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());

        var loaded = Load(new TlsOptions { Certificate = "server.crt", Key = "server.key" });

        Assert.Equal(made.Thumbprint, loaded.Thumbprint);
        Assert.True(loaded.HasPrivateKey);
    }

    [Theory]
    [InlineData("missing.pfx", "")]
    [InlineData("server.pfx", "wrong-password")]
    public void AnUnusableConfiguredCertificateStopsTheServerWithItsName(string file, string password)
    {
        using var made = MakeCertificate();
        File.WriteAllBytes(_data.File("server.pfx"), made.Export(X509ContentType.Pkcs12, "pfx-password"));

        var error = Assert.Throws<ConfigurationException>(() => Load(new TlsOptions { Certificate = file, Password = password }));

        Assert.StartsWith($"Postern:Tls: cannot load the certificate {_data.File(file)}", error.Message);
    }

    private static X509Certificate2 MakeCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=configured.example.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }
}
