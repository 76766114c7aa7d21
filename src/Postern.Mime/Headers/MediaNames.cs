using System.Text;

namespace Postern.Mime.Headers;

/// <summary>Lower-case names of common media types, shared so parsing them does not allocate.</summary>
internal static class MediaNames
{
    private static readonly string[] s_common =
    [
        "text", "plain", "html", "multipart", "mixed", "alternative", "related", "signed", "encrypted", "digest",
        "report", "message", "rfc822", "global", "delivery-status", "disposition-notification", "partial",
        "external-body", "application", "octet-stream", "pdf", "pkcs7-signature", "pkcs7-mime", "x-pkcs7-signature",
        "pgp-signature", "pgp-encrypted", "ms-tnef", "image", "jpeg", "png", "gif", "audio", "video", "calendar",
        "directory", "x-vcard", "vcard", "rfc822-headers", "enriched", "richtext", "parallel", "inline", "attachment",
        "zip", "xml", "json", "css", "javascript",
    ];

    /// <summary>The lower-case name for <paramref name="token"/>, shared when it is a common one.</summary>
    public static string Get(ReadOnlySpan<byte> token)
    {
        foreach (var name in s_common)
        {
            if (name.Length == token.Length && Ascii.EqualsIgnoreCase(token, name))
            {
                return name;
            }
        }

        return Encoding.ASCII.GetString(token).ToLowerInvariant();
    }
}
