using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Postern.Data;
using Postern.Mime;

namespace Postern.WebUser.Rendering;

/// <summary>
/// WebApp, SignedPart: an S/MIME signed part (RFC 8551 §3.5): multipart/signed ("Text": the content is
/// readable without S/MIME) or application/pkcs7-mime signed-data ("Binary": the content is inside the
/// signature). The signature is checked against the signed bytes; the signers are listed only when it holds.
/// </summary>
/// <remarks>
/// The check proves the content was not changed since the certificate's key signed it; whether the
/// certificate is to be trusted is <see cref="SmimeTrust"/>'s answer, given with each signer
/// (<c>trusted</c>, or <c>trustErrorCode</c> with the reason).
/// </remarks>
public static class SignedPart
{
    /// <summary>Whether the part is an S/MIME signature this component renders.</summary>
    public static bool Handles(MimePart part) =>
        (part.ContentType.Is("multipart", "signed") && part.Children.Count == 2 && IsPkcs7Signature(part.Children[1]))
        || (IsPkcs7Mime(part) && part.ContentType.Parameters["smime-type"]?.Equals("signed-data", StringComparison.OrdinalIgnoreCase) == true);

    internal static bool IsPkcs7Mime(MimePart part) =>
        part.ContentType.Is("application", "pkcs7-mime") || part.ContentType.Is("application", "x-pkcs7-mime");

    private static bool IsPkcs7Signature(MimePart part) =>
        part.ContentType.Is("application", "pkcs7-signature") || part.ContentType.Is("application", "x-pkcs7-signature");

    public static DataDictionary CreateDataset(MimePart part, MessageRenderContext context, MimePart? container, MessageRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(renderer);
        var dataset = PartDataset.Create(context, container ?? part);
        var binary = IsPkcs7Mime(part);
        dataset["encoding"] = binary ? "Binary" : "Text";
        var cms = new SignedCms();
        try
        {
            if (binary)
            {
                cms.Decode(part.DecodeContent().Span);
            }
            else
            {
                // RFC 8551 §3.1.1: the signature covers the content part exactly as sent, in canonical CRLF form.
                cms = new SignedCms(new ContentInfo(Canonical(part.Children[0].RawPart.Span)), detached: true);
                cms.Decode(part.Children[1].DecodeContent().Span);
            }
        }
        catch (CryptographicException e)
        {
            dataset["decryptionErrorCode"] = "The signature cannot be read: " + e.Message;
            if (!binary)
                dataset["signedPart"] = renderer.RenderPart(part.Children[0], context, container);
            return dataset;
        }

        if (cms.SignerInfos.Count > 0)
            dataset["digesterName"] = cms.SignerInfos[0].DigestAlgorithm.FriendlyName ?? cms.SignerInfos[0].DigestAlgorithm.Value ?? "";
        try
        {
            cms.CheckSignature(verifySignatureOnly: true);
            var signatures = new DataArray();
            var now = context.TimeProvider.GetUtcNow();
            foreach (var signer in cms.SignerInfos)
            {
                if (signer.Certificate is not { } certificate)
                    continue;
                var description = SmimeSigner.Describe(certificate);
                // The signature holds; whether its signer is who the certificate says is a separate question.
                if (renderer.Trust.Problem(certificate, cms.Certificates, now) is { } problem)
                    description["trustErrorCode"] = problem;
                else
                    description["trusted"] = "YES";
                signatures.Add(description);
            }
            dataset["signatures"] = signatures;
        }
        catch (CryptographicException e)
        {
            dataset["signatureErrorCode"] = "The signature does not match the content: " + e.Message;
        }

        // Opaque content has no stored part IDs: its parts are reached through the signed part.
        dataset["signedPart"] = binary
            ? renderer.RenderPart(MimeMessage.Parse(cms.ContentInfo.Content).Body, context, container ?? part)
            : renderer.RenderPart(part.Children[0], context, container);
        return dataset;
    }

    /// <summary>The bytes with every line break as CRLF (stored mail may have bare LFs).</summary>
    internal static byte[] Canonical(ReadOnlySpan<byte> bytes)
    {
        var output = new List<byte>(bytes.Length + bytes.Length / 40);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r'))
                output.Add((byte)'\r');
            output.Add(bytes[i]);
        }
        return [.. output];
    }
}
