using System.Text;
using Postern.Mime.Encodings;
using Postern.Mime.Headers;

namespace Postern.Mime.Parsing;

/// <summary>
/// Builds the part tree of a message in one pass over its bytes: header blocks are split into fields,
/// bodies end at the next delimiter line of any enclosing multipart, and nothing is decoded.
/// </summary>
/// <remarks>
/// Delimiter lines are found with a vectorised search for "\n--" and matched against the stack of
/// enclosing boundaries, innermost first. An outer delimiter therefore ends every inner part that is
/// still open (recovering from missing close-delimiters), and multiparts that reuse their parent's
/// boundary nest instead of splitting. Cost is linear in the input whatever the nesting.
/// </remarks>
internal sealed class MimeParser
{
    /// <summary>
    /// How many transfer-encoded multiparts or messages may nest inside each other. Each one is decoded into a
    /// buffer of its own, and quoted-printable barely shrinks, so nesting multiplies the bytes decoded; real mail
    /// encodes one level (a list server wrapping a whole multipart). Deeper ones are kept as opaque leaves.
    /// </summary>
    private const int MaxEncodedCompositeDepth = 8;

    private readonly ReadOnlyMemory<byte> _source;
    private readonly MimeLimits _limits;
    private readonly BoundaryStack _boundaries = new();
    private readonly int _encodedDepth;
    private int _partCount;

    private MimeParser(ReadOnlyMemory<byte> source, MimeLimits limits, int partCount, int encodedDepth)
    {
        _source = source;
        _limits = limits;
        _partCount = partCount;
        _encodedDepth = encodedDepth;
    }

    public static MimeMessage Parse(ReadOnlyMemory<byte> source, MimeLimits limits) =>
        new MimeParser(source, limits, 0, 0).ParseMessage(0, source.Length, depth: 0, enclosingPart: null, out _);

    /// <summary>Parses a message at <paramref name="start"/>; it ends at the first enclosing delimiter line, returned in <paramref name="stop"/>.</summary>
    private MimeMessage ParseMessage(int start, int end, int depth, MimePart? enclosingPart, out Delimiter stop)
    {
        var body = ParseEntity(start, end, depth, inDigest: false, isMessageStart: true, out stop);
        body.EnclosingMessagePart = enclosingPart;
        return new MimeMessage(_source, start, body.EndOffset, body);
    }

    private MimePart ParseEntity(int start, int end, int depth, bool inDigest, bool isMessageStart, out Delimiter stop)
    {
        _partCount++;
        var span = _source.Span;
        var defects = default(DefectList);
        var block = HeaderScanner.Scan(span, start, end, _limits, isMessageStart, _boundaries, ref defects);
        var headers = new HeaderList(_source, block.Fields, block.Start, block.FieldsEnd, []);
        var contentType = ReadContentType(headers, block.ContentTypeIndex, inDigest, ref defects);
        var encoding = ReadTransferEncoding(headers, block.TransferEncodingIndex, ref defects);
        var part = new MimePart(_source, headers, start, block.BodyStart, contentType, encoding, depth);

        var isMultipart = contentType.MediaType == "multipart";
        var isMessage = contentType.MediaType == "message" && contentType.MediaSubtype is "rfc822" or "global";
        if ((isMultipart || isMessage) && depth >= _limits.MaxDepth)
        {
            defects.Add(MimeDefectKind.NestingTooDeep, start, $"depth {depth + 1}");
            ParseLeafBody(part, block.BodyStart, end, out stop);
        }
        else if ((isMultipart || isMessage) && !TransferEncodings.IsIdentity(encoding) && _encodedDepth >= MaxEncodedCompositeDepth)
        {
            defects.Add(MimeDefectKind.NestingTooDeep, start, $"more than {MaxEncodedCompositeDepth} encoded levels");
            ParseLeafBody(part, block.BodyStart, end, out stop);
        }
        else if (isMultipart && contentType.Boundary is { } boundary && !TransferEncodings.IsIdentity(encoding))
        {
            ParseEncodedMultipart(part, boundary.TrimEnd(' ', '\t'), encoding, block.BodyStart, end, depth, ref defects, out stop);
        }
        else if (isMultipart && contentType.Boundary is { } identityBoundary)
        {
            ParseMultipartBody(part, identityBoundary.TrimEnd(' ', '\t'), block.BodyStart, end, depth, ref defects, out stop);
        }
        else if (isMessage)
        {
            ParseEmbeddedMessage(part, encoding, block.BodyStart, end, depth, ref defects, out stop);
        }
        else
        {
            if (isMultipart)
            {
                defects.Add(MimeDefectKind.MissingBoundary, start);
            }

            ParseLeafBody(part, block.BodyStart, end, out stop);
        }

        part.Defects = defects.ToReadOnly();
        return part;
    }

    private void ParseLeafBody(MimePart part, int bodyStart, int end, out Delimiter stop)
    {
        stop = _boundaries.FindNext(_source.Span, bodyStart, end);
        part.EndOffset = EndBefore(stop, bodyStart);
    }

    private void ParseMultipartBody(MimePart part, string boundaryText, int bodyStart, int end, int depth,
        ref DefectList defects, out Delimiter stop)
    {
        var span = _source.Span;
        _boundaries.Push(Encoding.UTF8.GetBytes(boundaryText));
        var level = _boundaries.Count - 1;
        var delimiter = _boundaries.FindNext(span, bodyStart, end);
        if (delimiter.Level != level)
        {
            // No delimiter of its own before an enclosing one (or the end): the body is all preamble.
            _boundaries.Pop();
            defects.Add(MimeDefectKind.BoundaryNotFound, bodyStart, boundaryText);
            stop = delimiter;
            part.EndOffset = EndBefore(delimiter, bodyStart);
            part.SetMultipart([], preambleEnd: part.EndOffset, epilogueStart: part.EndOffset);
            return;
        }

        var preambleEnd = EndBefore(delimiter, bodyStart);
        var inDigest = part.ContentType.MediaSubtype == "digest";
        var children = new List<MimePart>();
        var epilogueStart = -1;
        while (!delimiter.IsClose)
        {
            if (_partCount >= _limits.MaxPartCount)
            {
                // Keep the remaining parts as raw epilogue text, and look for where this multipart ends.
                defects.Add(MimeDefectKind.TooManyParts, delimiter.AfterLine, $"more than {_limits.MaxPartCount} parts");
                epilogueStart = delimiter.AfterLine;
                do
                {
                    delimiter = _boundaries.FindNext(span, delimiter.AfterLine, end);
                }
                while (delimiter.Level == level && !delimiter.IsClose);

                if (delimiter.Level == level)
                {
                    break;
                }

                _boundaries.Pop();
                stop = delimiter;
                part.EndOffset = EndBefore(delimiter, epilogueStart);
                part.SetMultipart([.. children], preambleEnd, epilogueStart);
                return;
            }

            var child = ParseEntity(delimiter.AfterLine, end, depth + 1, inDigest, isMessageStart: false, out var childStop);
            child.Parent = part;
            child.Index = children.Count;
            children.Add(child);
            if (childStop.Level != level)
            {
                // The data or an enclosing multipart ended first: this one was never closed.
                _boundaries.Pop();
                defects.Add(MimeDefectKind.MissingCloseDelimiter, childStop.LineStart, boundaryText);
                stop = childStop;
                part.EndOffset = child.EndOffset;
                part.SetMultipart([.. children], preambleEnd, epilogueStart: child.EndOffset);
                return;
            }

            delimiter = childStop;
        }

        // After the close-delimiter comes the epilogue, up to the next enclosing delimiter; lines that look
        // like this multipart's own delimiters are epilogue text now, so its boundary leaves the stack first.
        _boundaries.Pop();
        stop = _boundaries.FindNext(span, delimiter.AfterLine, end);
        part.EndOffset = EndBefore(stop, delimiter.LineStart);
        part.SetMultipart([.. children], preambleEnd, epilogueStart: Math.Min(epilogueStart < 0 ? delimiter.AfterLine : epilogueStart, part.EndOffset));
    }

    /// <summary>
    /// A multipart whose body was base64 or quoted-printable encoded (RFC 2045 §6.4 forbids it; some mailers
    /// and list servers do it): the body ends at the next enclosing delimiter, is decoded, and the decoded
    /// bytes are parsed as the multipart's body. Its children live in the decoded buffer, numbered as usual;
    /// its preamble and epilogue are left empty.
    /// </summary>
    private void ParseEncodedMultipart(MimePart part, string boundaryText, ContentTransferEncoding encoding, int bodyStart, int end,
        int depth, ref DefectList defects, out Delimiter stop)
    {
        defects.Add(MimeDefectKind.EncodedCompositeBody, bodyStart, TransferEncodings.ToHeaderValue(encoding));
        ParseLeafBody(part, bodyStart, end, out stop);
        var encodedEnd = part.EndOffset;
        var decoded = TransferEncodings.Decode(_source[bodyStart..encodedEnd], encoding, out _);
        var inner = new MimeParser(decoded, _limits, _partCount, _encodedDepth + 1);
        inner.ParseMultipartBody(part, boundaryText, 0, decoded.Length, depth, ref defects, out _);
        _partCount = inner._partCount;
        part.EndOffset = encodedEnd;
        part.SetMultipart([.. part.Children], preambleEnd: bodyStart, epilogueStart: encodedEnd);
    }

    private void ParseEmbeddedMessage(MimePart part, ContentTransferEncoding encoding, int bodyStart, int end, int depth,
        ref DefectList defects, out Delimiter stop)
    {
        if (TransferEncodings.IsIdentity(encoding))
        {
            part.Message = ParseMessage(bodyStart, end, depth + 1, part, out stop);
            part.EndOffset = part.Message.EndOffset;
            return;
        }

        // RFC 2045 §6.4 forbids encoding message/rfc822, but some mailers do; decode and parse the result.
        defects.Add(MimeDefectKind.EncodedCompositeBody, bodyStart, TransferEncodings.ToHeaderValue(encoding));
        ParseLeafBody(part, bodyStart, end, out stop);
        var decoded = TransferEncodings.Decode(_source[bodyStart..part.EndOffset], encoding, out _);
        var inner = new MimeParser(decoded, _limits, _partCount, _encodedDepth + 1);
        part.Message = inner.ParseMessage(0, decoded.Length, depth + 1, part, out _);
        _partCount = inner._partCount;
    }

    private static ContentType ReadContentType(HeaderList headers, int index, bool inDigest, ref DefectList defects)
    {
        if (index < 0)
        {
            // RFC 2045 §5.2 default, and RFC 2046 §5.1.5 inside multipart/digest.
            return inDigest ? ContentType.DigestDefault : ContentType.Default;
        }

        var field = headers[index];
        if (!ContentType.TryParse(field.RawValue.Span, out var contentType))
        {
            defects.Add(MimeDefectKind.InvalidContentType, field.Offset, field.GetText());
        }

        return contentType;
    }

    private static ContentTransferEncoding ReadTransferEncoding(HeaderList headers, int index, ref DefectList defects)
    {
        if (index < 0)
        {
            return ContentTransferEncoding.Default;
        }

        var field = headers[index];
        var encoding = TransferEncodings.Parse(field.RawValue.Span);
        if (encoding == ContentTransferEncoding.Unknown)
        {
            defects.Add(MimeDefectKind.UnknownTransferEncoding, field.Offset, field.GetText());
        }

        return encoding;
    }

    /// <summary>
    /// Where content that runs up to <paramref name="delimiter"/> ends: RFC 2046 §5.1.1 gives the line break
    /// before a delimiter line to the delimiter. Content that starts at <paramref name="contentStart"/> keeps
    /// at least zero bytes.
    /// </summary>
    private int EndBefore(Delimiter delimiter, int contentStart)
    {
        var span = _source.Span;
        var e = delimiter.LineStart;
        if (!delimiter.Found)
        {
            return e;
        }

        if (e > contentStart && span[e - 1] == (byte)'\n')
        {
            e--;
            if (e > contentStart && span[e - 1] == (byte)'\r')
            {
                e--;
            }
        }

        return e;
    }
}
