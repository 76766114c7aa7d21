using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Postern.WebUser.Tests.Rendering;

/// <summary>S/MIME test messages made with a throw-away self-signed certificate.</summary>
internal static class SmimeMessages
{
    public static X509Certificate2 CreateCertificate(string email, string commonName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O=Example Org, C=GB", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddEmailAddress(email);
        request.CertificateExtensions.Add(names.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        // Round trip through PKCS#12 so the key is usable on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12, "pw"), "pw", X509KeyStorageFlags.Exportable);
    }

    /// <summary>A certificate authority that may issue certificates (RFC 5280 §4.2.1.9 basic constraints, key usage).</summary>
    public static X509Certificate2 CreateAuthority(string commonName, X509Certificate2? issuer = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O=Example Trust", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var notBefore = DateTimeOffset.UtcNow.AddDays(-2);
        var authority = issuer is null
            ? request.CreateSelfSigned(notBefore, DateTimeOffset.UtcNow.AddYears(5))
            : request.Create(issuer, notBefore, DateTimeOffset.UtcNow.AddYears(4), RandomNumberGenerator.GetBytes(16)).CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(authority.Export(X509ContentType.Pkcs12, "pw"), "pw", X509KeyStorageFlags.Exportable);
    }

    /// <summary>A signing certificate for <paramref name="email"/> issued by <paramref name="issuer"/>.</summary>
    /// <param name="purpose">The extended key usage; e-mail protection unless given.</param>
    public static X509Certificate2 Issue(X509Certificate2 issuer, string email, string commonName, DateTimeOffset? notAfter = null, string purpose = "1.3.6.1.5.5.7.3.4")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O=Example Org, C=GB", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddEmailAddress(email);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(purpose)], critical: false));
        var end = notAfter ?? DateTimeOffset.UtcNow.AddYears(1);
        // Valid from the issuer's own start: a certificate may not predate its issuer.
        var certificate = request.Create(issuer, new DateTimeOffset(issuer.NotBefore.ToUniversalTime()), end, RandomNumberGenerator.GetBytes(16)).CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12, "pw"), "pw", X509KeyStorageFlags.Exportable);
    }

    /// <summary>A multipart/signed message (RFC 8551 §3.5.3) whose signature covers <paramref name="text"/>.</summary>
    public static byte[] Signed(X509Certificate2 signer, string text, bool tamper = false)
    {
        var content = "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n";
        var cms = new SignedCms(new ContentInfo(Encoding.UTF8.GetBytes(content)), detached: true);
        cms.ComputeSignature(new CmsSigner(signer));
        var signature = Convert.ToBase64String(cms.Encode(), Base64FormattingOptions.InsertLineBreaks);
        var shown = tamper ? content.Replace(text, text + " (changed)", StringComparison.Ordinal) : content;
        return Encoding.UTF8.GetBytes(
            "From: Signer <signer@example.org>\r\nTo: alice@example.com\r\nSubject: Signed\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"s1\"\r\n\r\n"
            // RFC 2046 §5.1.1: the line break before a boundary belongs to the boundary, not to the signed part.
            + "--s1\r\n" + shown + "\r\n--s1\r\n"
            + "Content-Type: application/pkcs7-signature; name=smime.p7s\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + signature + "\r\n--s1--\r\n");
    }

    /// <summary>An enveloped-data message (RFC 8551 §3.3) for <paramref name="recipient"/>.</summary>
    public static byte[] Encrypted(X509Certificate2 recipient, string text)
    {
        var inner = "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n";
        var cms = new EnvelopedCms(new ContentInfo(Encoding.UTF8.GetBytes(inner)), new AlgorithmIdentifier(new Oid("2.16.840.1.101.3.4.1.42")));
        cms.Encrypt(new CmsRecipient(recipient));
        return Encoding.UTF8.GetBytes(
            "From: Sender <sender@example.org>\r\nTo: alice@example.com\r\nSubject: Encrypted\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Convert.ToBase64String(cms.Encode(), Base64FormattingOptions.InsertLineBreaks) + "\r\n");
    }
}
