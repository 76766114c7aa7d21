using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Postern.Data;
using Postern.Mime;

namespace Postern.WebUser.Rendering;

/// <summary>
/// WebApp, EncryptedPart: an S/MIME enveloped-data part (RFC 8551 §3.3), decrypted with the session's
/// unlocked private key (<c>SMIMEUnlock</c>) when it is one of the recipients' keys.
/// </summary>
public static class EncryptedPart
{
    /// <summary>The error code when the session has no unlocked S/MIME key.</summary>
    public const string NoKey = "No S/MIME private key is unlocked in this session";

    /// <summary>Whether the part is an S/MIME encrypted part.</summary>
    /// <remarks>application/pkcs7-mime without an smime-type is taken for enveloped data, as older clients send it.</remarks>
    public static bool Handles(MimePart part) =>
        SignedPart.IsPkcs7Mime(part)
        && (part.ContentType.Parameters["smime-type"] is not { } type || type.Equals("enveloped-data", StringComparison.OrdinalIgnoreCase));

    public static DataDictionary CreateDataset(MimePart part, MessageRenderContext context, MimePart? container, MessageRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(renderer);
        var dataset = PartDataset.Create(context, container ?? part);
        var cms = new EnvelopedCms();
        try
        {
            cms.Decode(part.DecodeContent().Span);
        }
        catch (CryptographicException e)
        {
            dataset["decryptionErrorCode"] = "The encrypted part cannot be read: " + e.Message;
            return dataset;
        }
        var algorithm = cms.ContentEncryptionAlgorithm;
        dataset["cipherName"] = algorithm.Oid.FriendlyName ?? algorithm.Oid.Value ?? "";
        dataset["keyLength"] = (algorithm.KeyLength > 0 ? algorithm.KeyLength : KnownKeyLength(algorithm.Oid.Value)).ToString(CultureInfo.InvariantCulture);

        if (context.PrivateKey is not { } key)
        {
            dataset["decryptionErrorCode"] = NoKey;
            return dataset;
        }
        try
        {
            cms.Decrypt(new X509Certificate2Collection(key));
        }
        catch (CryptographicException)
        {
            dataset["decryptionErrorCode"] = "The message was not encrypted for your key";
            return dataset;
        }
        // Decrypted content has no stored part IDs: its parts are reached through the encrypted part.
        dataset["decryptedPart"] = renderer.RenderPart(MimeMessage.Parse(cms.ContentInfo.Content).Body, context, container ?? part);
        return dataset;
    }

    /// <summary>RFC 3565 AES and RFC 3370 3DES key sizes, which .NET reports as 0 for fixed-size ciphers.</summary>
    private static int KnownKeyLength(string? oid) => oid switch
    {
        "2.16.840.1.101.3.4.1.2" => 128,
        "2.16.840.1.101.3.4.1.22" => 192,
        "2.16.840.1.101.3.4.1.42" => 256,
        "1.2.840.113549.3.7" => 192,
        _ => 0,
    };
}
