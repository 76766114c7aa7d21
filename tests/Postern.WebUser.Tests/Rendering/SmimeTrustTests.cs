using System.Security.Cryptography.X509Certificates;
using Postern.Testing;
using Postern.WebUser.Rendering;

namespace Postern.WebUser.Tests.Rendering;

/// <summary>Whose S/MIME certificates are trusted: chains to configured or system authorities, valid now, for e-mail.</summary>
public sealed class SmimeTrustTests : IDisposable
{
    private readonly TemporaryDirectory _trusted = new();
    private readonly X509Certificate2 _authority = SmimeMessages.CreateAuthority("Example Root");

    public SmimeTrustTests() =>
        File.WriteAllText(Path.Combine(_trusted.Path, "example-root.pem"), _authority.ExportCertificatePem());

    public void Dispose()
    {
        _authority.Dispose();
        _trusted.Dispose();
    }

    private SmimeTrust Trust(bool systemRoots = false) =>
        new(new WebUserOptions { SmimeTrustedCertificates = _trusted.Path, SmimeUseSystemRoots = systemRoots });

    [Fact]
    public void ACertificateIssuedByAConfiguredAuthorityIsTrusted()
    {
        using var signer = SmimeMessages.Issue(_authority, "signer@example.org", "Sam Signer");

        Assert.Null(Trust().Problem(signer, [], DateTimeOffset.UtcNow));
        Assert.Null(Trust(systemRoots: true).Problem(signer, [], DateTimeOffset.UtcNow));
    }

    [Fact]
    public void AnIntermediateAuthorityCarriedByTheSignatureCompletesTheChain()
    {
        using var intermediate = SmimeMessages.CreateAuthority("Example Issuing CA", _authority);
        using var signer = SmimeMessages.Issue(intermediate, "signer@example.org", "Sam Signer");

        Assert.Null(Trust().Problem(signer, [intermediate], DateTimeOffset.UtcNow));
        Assert.Contains("not issued by a trusted", Trust().Problem(signer, [], DateTimeOffset.UtcNow));
    }

    [Fact]
    public void ASelfSignedCertificateIsNotTrusted()
    {
        using var signer = SmimeMessages.CreateCertificate("signer@example.org", "Sam Signer");

        Assert.Equal("The certificate is not issued by a trusted certificate authority.", Trust(systemRoots: true).Problem(signer, [], DateTimeOffset.UtcNow));
    }

    [Fact]
    public void AnExpiredCertificateIsNotTrusted()
    {
        using var signer = SmimeMessages.Issue(_authority, "signer@example.org", "Sam Signer", notAfter: DateTimeOffset.UtcNow.AddDays(-1));

        Assert.Equal("The certificate has expired or is not valid yet.", Trust().Problem(signer, [], DateTimeOffset.UtcNow));
    }

    [Fact]
    public void ACertificateForWebServersIsNotTrustedForMail()
    {
        using var signer = SmimeMessages.Issue(_authority, "signer@example.org", "Sam Signer", purpose: "1.3.6.1.5.5.7.3.1");

        Assert.Equal("The certificate is not meant for signing e-mail.", Trust().Problem(signer, [], DateTimeOffset.UtcNow));
    }

    [Fact]
    public void WithoutAnyAuthorityNothingIsTrusted()
    {
        using var signer = SmimeMessages.Issue(_authority, "signer@example.org", "Sam Signer");

        Assert.NotNull(new SmimeTrust(new WebUserOptions { SmimeUseSystemRoots = false }).Problem(signer, [], DateTimeOffset.UtcNow));
    }

    [Fact]
    public void AMissingFolderOrAFileThatIsNoCertificateIsAClearConfigurationError()
    {
        Assert.Throws<DirectoryNotFoundException>(() => new SmimeTrust(new WebUserOptions { SmimeTrustedCertificates = Path.Combine(_trusted.Path, "missing") }));
        File.WriteAllText(Path.Combine(_trusted.Path, "junk.crt"), "not a certificate");
        Assert.Contains("junk.crt is not a certificate", Assert.Throws<InvalidDataException>(() => Trust()).Message);
    }
}
