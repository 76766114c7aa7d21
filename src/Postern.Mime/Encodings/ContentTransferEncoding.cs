namespace Postern.Mime.Encodings;

/// <summary>A Content-Transfer-Encoding (RFC 2045 §6), plus the uuencode variants seen in the wild.</summary>
public enum ContentTransferEncoding
{
    /// <summary>No Content-Transfer-Encoding field: 7bit (RFC 2045 §6.1).</summary>
    Default,

    /// <summary><c>7bit</c>.</summary>
    SevenBit,

    /// <summary><c>8bit</c>.</summary>
    EightBit,

    /// <summary><c>binary</c>.</summary>
    Binary,

    /// <summary><c>base64</c> (RFC 2045 §6.8).</summary>
    Base64,

    /// <summary><c>quoted-printable</c> (RFC 2045 §6.7).</summary>
    QuotedPrintable,

    /// <summary><c>x-uuencode</c>, <c>uuencode</c>, <c>x-uue</c>: a uuencoded body.</summary>
    UUEncode,

    /// <summary>Any other value; the body is taken as it is.</summary>
    Unknown,
}
