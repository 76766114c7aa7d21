using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Postern.WebUser.Rendering;

/// <summary>
/// Decides whether an S/MIME signer's certificate is to be trusted (RFC 8550 §4): its chain must lead,
/// through the certificates the message carries, to a trusted root, every certificate valid now and the
/// signer's fit for e-mail protection. Trusted roots are the system's (when
/// <see cref="WebUserOptions.SmimeUseSystemRoots"/>) and those in
/// <see cref="WebUserOptions.SmimeTrustedCertificates"/>.
/// </summary>
/// <remarks>
/// Pages are rendered offline: no revocation lists are fetched and no missing issuer is downloaded, so a
/// chain the message does not carry whole is reported as not trusted rather than waited for.
/// </remarks>
public sealed class SmimeTrust
{
    /// <summary>id-kp-emailProtection (RFC 5280 §4.2.1.12).</summary>
    private static readonly Oid s_emailProtection = new("1.3.6.1.5.5.7.3.4");

    /// <summary>Files read from the trusted-certificates folder, and their size: a folder of roots, not a dump.</summary>
    private const int MaxTrustedFiles = 1000;
    private const long MaxTrustedFileBytes = 1024 * 1024;

    private readonly X509Certificate2Collection _roots;
    private readonly bool _useSystemRoots;

    public SmimeTrust(WebUserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _useSystemRoots = options.SmimeUseSystemRoots;
        _roots = LoadRoots(options.SmimeTrustedCertificates);
    }

    /// <summary>Why <paramref name="signer"/> is not trusted at <paramref name="now"/>, or null when it is.</summary>
    /// <param name="carried">The certificates the signature carries (intermediates).</param>
    public string? Problem(X509Certificate2 signer, X509Certificate2Collection carried, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(carried);
        string? problem = null;
        if (_useSystemRoots && (problem = Check(signer, carried, now, customRoots: null)) is null)
            return null;
        if (_roots.Count > 0 && (problem = Check(signer, carried, now, _roots)) is null)
            return null;
        return problem ?? "No trusted certificate authorities are configured.";
    }

    private static string? Check(X509Certificate2 signer, X509Certificate2Collection carried, DateTimeOffset now, X509Certificate2Collection? customRoots)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = now.UtcDateTime;
        policy.ApplicationPolicy.Add(s_emailProtection);
        policy.ExtraStore.AddRange(carried);
        if (customRoots is not null)
        {
            policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            policy.CustomTrustStore.AddRange(customRoots);
        }
        try
        {
            return chain.Build(signer) ? null : Describe(chain.ChainStatus);
        }
        catch (CryptographicException e)
        {
            return "The certificate cannot be checked: " + e.Message;
        }
        finally
        {
            foreach (var element in chain.ChainElements)
                element.Certificate.Dispose();
        }
    }

    private static string Describe(X509ChainStatus[] statuses)
    {
        var flags = statuses.Aggregate(X509ChainStatusFlags.NoError, (all, status) => all | status.Status);
        if ((flags & (X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested)) != 0)
            return "The certificate has expired or is not valid yet.";
        if ((flags & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0)
            return "The certificate is not issued by a trusted certificate authority.";
        if ((flags & (X509ChainStatusFlags.NotValidForUsage | X509ChainStatusFlags.InvalidExtension)) != 0)
            return "The certificate is not meant for signing e-mail.";
        if ((flags & X509ChainStatusFlags.NotSignatureValid) != 0)
            return "A certificate in the chain has an invalid signature.";
        return "The certificate is not trusted: " + string.Join("; ", statuses.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
    }

    /// <summary>The PEM or DER certificates (<c>.pem</c>, <c>.crt</c>, <c>.cer</c>) in <paramref name="directory"/>.</summary>
    private static X509Certificate2Collection LoadRoots(string? directory)
    {
        var roots = new X509Certificate2Collection();
        if (directory is null)
            return roots;
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"The S/MIME trusted certificates folder {directory} does not exist.");
        var files = Directory.EnumerateFiles(directory)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".pem" or ".crt" or ".cer")
            .Order(StringComparer.Ordinal).Take(MaxTrustedFiles);
        foreach (var file in files)
        {
            if (new FileInfo(file).Length > MaxTrustedFileBytes)
                throw new InvalidDataException($"{file} is larger than {MaxTrustedFileBytes} bytes; it is not a certificate.");
            var bytes = File.ReadAllBytes(file);
            try
            {
                if (bytes.AsSpan().StartsWith("-----BEGIN"u8))
                    roots.ImportFromPem(System.Text.Encoding.ASCII.GetString(bytes));
                else
                    roots.Add(X509CertificateLoader.LoadCertificate(bytes));
            }
            catch (CryptographicException e)
            {
                throw new InvalidDataException($"{file} is not a certificate: {e.Message}", e);
            }
        }
        return roots;
    }
}
