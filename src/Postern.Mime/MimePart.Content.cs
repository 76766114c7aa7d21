using System.Text;
using Postern.Mime.Encodings;
using Postern.Mime.Text;

namespace Postern.Mime;

/// <summary>Decoding a part's content: transfer encoding, charset, embedded uuencoded and yEnc files.</summary>
public sealed partial class MimePart
{
    /// <summary>The body with its transfer encoding undone; for 7bit, 8bit and binary the raw body itself, not a copy.</summary>
    public ReadOnlyMemory<byte> DecodeContent() => TransferEncodings.Decode(RawBody, TransferEncoding, out _);

    /// <summary>
    /// The start of the body with its transfer encoding undone: the first <paramref name="rawPrefix"/> raw bytes,
    /// cut back to a line break (so no quoted-printable escape is split), decoded.
    /// </summary>
    internal ReadOnlyMemory<byte> DecodeContentStart(int rawPrefix)
    {
        var raw = RawBody;
        if (raw.Length > rawPrefix)
        {
            var cut = raw.Span[..rawPrefix].LastIndexOf((byte)'\n');
            raw = raw[..(cut > 0 ? cut + 1 : rawPrefix)];
        }

        return TransferEncodings.Decode(raw, TransferEncoding, out _);
    }

    /// <summary>
    /// The body as text: transfer encoding undone, then decoded by its charset (the <c>charset</c>
    /// parameter, a byte-order mark, or for HTML a <c>&lt;meta charset&gt;</c>); unknown or missing
    /// charsets decode as UTF-8 when valid and windows-1252 otherwise.
    /// </summary>
    public string GetText() => DecodeText(DecodeContent().Span, TextCharset());

    /// <summary>Writes the decoded body to <paramref name="destination"/> in chunks, without decoding it all in memory first.</summary>
    public async Task CopyDecodedContentToAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (TransferEncodings.IsIdentity(TransferEncoding) || TransferEncoding == ContentTransferEncoding.UUEncode)
        {
            await destination.WriteAsync(DecodeContent(), cancellationToken).ConfigureAwait(false);
            return;
        }

        var decoder = new ChunkedTransferDecoder(RawBody, TransferEncoding);
        while (decoder.TryNext(out var decoded))
        {
            await destination.WriteAsync(decoded, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The decoded size, estimated from the encoded size without decoding (exact for identity encodings).</summary>
    public long EstimateDecodedSize()
    {
        var length = EndOffset - BodyOffset;
        return TransferEncoding switch
        {
            // 76-character lines plus CRLF carry 57 bytes (RFC 2045 §6.8).
            ContentTransferEncoding.Base64 => length * 57L / 78,
            ContentTransferEncoding.UUEncode => length * 45L / 62,
            _ => length,
        };
    }

    /// <summary>
    /// Files uuencoded or yEnc-encoded inside this text part (old mailers and news gateways embed attachments so),
    /// numbered from 1 in order. Empty for non-text parts.
    /// </summary>
    public IReadOnlyList<EmbeddedFile> FindEmbeddedFiles()
    {
        if (!IsText)
        {
            return [];
        }

        var content = DecodeContent();
        var blocks = EmbeddedBlocks.Find(content.Span);
        var files = new EmbeddedFile[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            files[i] = new EmbeddedFile(i + 1, blocks[i], content);
        }

        return files;
    }

    /// <summary>
    /// Decodes the content completely and reports what was wrong with it (damaged base64 or
    /// quoted-printable, an unknown charset, an unterminated uuencoded block, a yEnc block that fails its own
    /// size or CRC-32 check). Structural problems are
    /// in <see cref="Defects"/>; this check costs a full decode (of a non-text part a chunk at a time, never held
    /// whole), so the parser does not run it.
    /// </summary>
    public IReadOnlyList<MimeDefect> CheckContent()
    {
        if (IsMultipart || Message is not null)
        {
            return [];
        }

        var defects = new List<MimeDefect>();
        if (IsDamaged(out var content))
        {
            defects.Add(new MimeDefect(
                TransferEncoding == ContentTransferEncoding.QuotedPrintable ? MimeDefectKind.InvalidQuotedPrintable
                    : TransferEncoding == ContentTransferEncoding.UUEncode ? MimeDefectKind.UnterminatedUuencode
                    : MimeDefectKind.InvalidBase64,
                BodyOffset));
        }

        if (IsText && Charset is { } charset && !Charsets.IsKnown(charset))
        {
            defects.Add(new MimeDefect(MimeDefectKind.UnknownCharset, Offset, charset));
        }

        if (IsText)
        {
            foreach (var block in EmbeddedBlocks.Find(content.Span))
            {
                if (block is UUBlock { IsTerminated: false })
                {
                    defects.Add(new MimeDefect(MimeDefectKind.UnterminatedUuencode, BodyOffset, block.FileName));
                }
                else if (block is YEncBlock)
                {
                    block.Decode(content.Span, out var damaged);
                    if (damaged)
                    {
                        defects.Add(new MimeDefect(MimeDefectKind.DamagedYEnc, BodyOffset, block.FileName));
                    }
                }
            }
        }

        return defects;
    }

    /// <summary>
    /// Whether the transfer encoding is damaged; <paramref name="content"/> is the decoded body of a text part (for its
    /// embedded files), and empty for others, whose base64 or quoted-printable is checked a chunk at a time so a large
    /// attachment is never held decoded.
    /// </summary>
    private bool IsDamaged(out ReadOnlyMemory<byte> content)
    {
        if (!IsText && TransferEncoding is ContentTransferEncoding.Base64 or ContentTransferEncoding.QuotedPrintable)
        {
            content = default;
            return ChunkedTransferDecoder.IsDamaged(RawBody, TransferEncoding);
        }

        content = TransferEncodings.Decode(RawBody, TransferEncoding, out var invalid);
        return invalid;
    }

    internal static string DecodeText(ReadOnlySpan<byte> content, string? charset)
    {
        // A byte-order mark decides over the label (HTML5 §13.2.3.1 does the same).
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Charsets.Utf8.GetString(content[3..]);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(content[2..]);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(content[2..]);
        }

        return Charsets.Decode(content, charset);
    }

    /// <summary>The charset to decode text with: the label, or for HTML without one the document's meta charset.</summary>
    private string? TextCharset()
    {
        var charset = Charset;
        if (charset is not null || !ContentType.Is("text", "html"))
        {
            return charset;
        }

        return HtmlCharsetSniffer.Find(DecodeContent().Span);
    }
}
