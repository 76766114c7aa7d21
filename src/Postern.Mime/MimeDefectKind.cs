namespace Postern.Mime;

/// <summary>What was wrong with a message. The parser tolerates every one of these.</summary>
public enum MimeDefectKind
{
    /// <summary>A header line that is neither a field nor a continuation; the header block ends there.</summary>
    InvalidHeaderLine,

    /// <summary>A folded continuation line before the first field of a header block; it is ignored.</summary>
    ContinuationWithoutField,

    /// <summary>More fields than <see cref="MimeLimits.MaxHeaderCount"/>; the rest are not indexed.</summary>
    TooManyHeaders,

    /// <summary>A field longer than <see cref="MimeLimits.MaxHeaderFieldLength"/>; it is decoded only up to the cap.</summary>
    HeaderFieldTooLong,

    /// <summary>A Content-Type that could not be read; a default type was used instead.</summary>
    InvalidContentType,

    /// <summary>A multipart without a boundary parameter; its body is kept as one opaque part.</summary>
    MissingBoundary,

    /// <summary>A multipart whose body holds no delimiter line; the whole body is its preamble.</summary>
    BoundaryNotFound,

    /// <summary>A multipart not closed by its close-delimiter line; its last part runs to the end.</summary>
    MissingCloseDelimiter,

    /// <summary>Nesting deeper than <see cref="MimeLimits.MaxDepth"/>; the part is kept as an opaque leaf.</summary>
    NestingTooDeep,

    /// <summary>More parts than <see cref="MimeLimits.MaxPartCount"/>; the rest are left in the enclosing part.</summary>
    TooManyParts,

    /// <summary>A Content-Transfer-Encoding the parser does not know; the body is taken as it is.</summary>
    UnknownTransferEncoding,

    /// <summary>A multipart or embedded message with a base64 or quoted-printable encoding (RFC 2045 §6.4 forbids it).</summary>
    EncodedCompositeBody,

    /// <summary>A charset .NET cannot decode; UTF-8 (or windows-1252 for invalid UTF-8) was used instead.</summary>
    UnknownCharset,

    /// <summary>Base64 content with characters outside the alphabet or a truncated final quantum.</summary>
    InvalidBase64,

    /// <summary>Quoted-printable content with an '=' not followed by two hex digits or a line break.</summary>
    InvalidQuotedPrintable,

    /// <summary>A uuencoded block without its <c>end</c> line.</summary>
    UnterminatedUuencode,

    /// <summary>A yEnc block without its <c>=yend</c> line, or whose data does not match the size or CRC-32 it states.</summary>
    DamagedYEnc,
}
