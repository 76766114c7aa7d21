using System.Text;
using Postern.Mime.Encodings;
using Postern.Mime.Headers;

namespace Postern.Mime.Parsing;

/// <summary>
/// Builds the part tree of a message by scanning its bytes once per nesting level: header blocks are
/// split into fields, multipart bodies are cut at their delimiter lines, and nothing is decoded.
/// </summary>
/// <remarks>
/// Each multipart searches its own range for its delimiters, so a part nested n deep is scanned n times;
/// the search is a vectorised search for "\n--", and <see cref="MimeLimits.MaxDepth"/> bounds n.
/// Outer delimiters end inner parts (their range stops there), which is how broken inner boundaries
/// are recovered from.
/// </remarks>
internal sealed class MimeParser
{
    private readonly ReadOnlyMemory<byte> _source;
    private readonly MimeLimits _limits;
    private int _partCount;

    private MimeParser(ReadOnlyMemory<byte> source, MimeLimits limits, int partCount)
    {
        _source = source;
        _limits = limits;
        _partCount = partCount;
    }

    public static MimeMessage Parse(ReadOnlyMemory<byte> source, MimeLimits limits) =>
        new MimeParser(source, limits, 0).ParseMessage(0, source.Length, depth: 0, enclosingPart: null);

    private MimeMessage ParseMessage(int start, int end, int depth, MimePart? enclosingPart)
    {
        var body = ParseEntity(start, end, depth, inDigest: false, isMessageStart: true);
        body.EnclosingMessagePart = enclosingPart;
        return new MimeMessage(_source, start, end, body);
    }

    private MimePart ParseEntity(int start, int end, int depth, bool inDigest, bool isMessageStart)
    {
        _partCount++;
        var span = _source.Span;
        var defects = default(DefectList);
        var block = HeaderScanner.Scan(span, start, end, _limits, skipMboxMarker: isMessageStart, ref defects);
        var headers = new HeaderList(_source, block.Fields, block.Start, block.FieldsEnd, []);
        var contentType = ReadContentType(headers, block.ContentTypeIndex, inDigest, ref defects);
        var encoding = ContentTransferEncoding.Default;
        if (block.TransferEncodingIndex >= 0)
        {
            var field = headers[block.TransferEncodingIndex];
            encoding = TransferEncodings.Parse(field.RawValue.Span);
            if (encoding == ContentTransferEncoding.Unknown)
            {
                defects.Add(MimeDefectKind.UnknownTransferEncoding, field.Offset, field.GetText());
            }
        }

        var part = new MimePart(_source, headers, start, block.BodyStart, end, contentType, encoding, depth);
        var isMultipart = contentType.MediaType == "multipart";
        var isMessage = contentType.MediaType == "message" && contentType.MediaSubtype is "rfc822" or "global";
        if ((isMultipart || isMessage) && depth >= _limits.MaxDepth)
        {
            defects.Add(MimeDefectKind.NestingTooDeep, start, $"depth {depth + 1}");
        }
        else if (isMultipart)
        {
            ParseMultipartBody(part, contentType, block.BodyStart, end, depth, ref defects);
        }
        else if (isMessage)
        {
            ParseEmbeddedMessage(part, encoding, block.BodyStart, end, depth, ref defects);
        }

        part.Defects = defects.ToReadOnly();
        return part;
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

    private void ParseMultipartBody(MimePart part, ContentType contentType, int bodyStart, int end, int depth, ref DefectList defects)
    {
        var boundaryText = contentType.Boundary?.TrimEnd(' ', '\t');
        if (string.IsNullOrEmpty(boundaryText))
        {
            defects.Add(MimeDefectKind.MissingBoundary, part.Offset);
            return;
        }

        var boundary = Encoding.UTF8.GetBytes(boundaryText);
        var span = _source.Span;
        if (!FindDelimiter(span, bodyStart, end, boundary, out var lineStart, out var afterLine, out var isClose))
        {
            defects.Add(MimeDefectKind.BoundaryNotFound, bodyStart, boundaryText);
            part.SetMultipart([], preambleEnd: end, epilogueStart: end);
            return;
        }

        var preambleEnd = BeforeLineBreak(span, bodyStart, lineStart);
        var inDigest = contentType.MediaSubtype == "digest";
        var children = new List<MimePart>();
        while (!isClose)
        {
            if (_partCount >= _limits.MaxPartCount)
            {
                defects.Add(MimeDefectKind.TooManyParts, afterLine, $"more than {_limits.MaxPartCount} parts");
                part.SetMultipart([.. children], preambleEnd, epilogueStart: afterLine);
                return;
            }

            var partStart = afterLine;
            var found = FindDelimiter(span, partStart, end, boundary, out lineStart, out afterLine, out isClose);
            var partEnd = found ? BeforeLineBreak(span, partStart, lineStart) : end;
            var child = ParseEntity(partStart, partEnd, depth + 1, inDigest, isMessageStart: false);
            child.Parent = part;
            child.Index = children.Count;
            children.Add(child);
            if (!found)
            {
                defects.Add(MimeDefectKind.MissingCloseDelimiter, end, boundaryText);
                part.SetMultipart([.. children], preambleEnd, epilogueStart: end);
                return;
            }
        }

        part.SetMultipart([.. children], preambleEnd, epilogueStart: afterLine);
    }

    private void ParseEmbeddedMessage(MimePart part, ContentTransferEncoding encoding, int bodyStart, int end, int depth, ref DefectList defects)
    {
        if (TransferEncodings.IsIdentity(encoding))
        {
            part.Message = ParseMessage(bodyStart, end, depth + 1, part);
            return;
        }

        // RFC 2045 §6.4 forbids encoding message/rfc822, but some mailers do; decode and parse the result.
        defects.Add(MimeDefectKind.EncodedCompositeBody, bodyStart, TransferEncodings.ToHeaderValue(encoding));
        var decoded = TransferEncodings.Decode(_source[bodyStart..end], encoding, out _);
        var inner = new MimeParser(decoded, _limits, _partCount);
        part.Message = inner.ParseMessage(0, decoded.Length, depth + 1, part);
        _partCount = inner._partCount;
    }

    /// <summary>
    /// Finds the next delimiter line (RFC 2046 §5.1.1: "--" boundary, optional "--", trailing white space)
    /// at or after <paramref name="from"/>, which must be the start of a line.
    /// </summary>
    private static bool FindDelimiter(ReadOnlySpan<byte> span, int from, int end, ReadOnlySpan<byte> boundary,
        out int lineStart, out int afterLine, out bool isClose)
    {
        if (IsDelimiterLine(span[from..end], boundary, out var length, out isClose))
        {
            lineStart = from;
            afterLine = from + length;
            return true;
        }

        var pos = from;
        while (pos < end)
        {
            var hit = span[pos..end].IndexOf("\n--"u8);
            if (hit < 0)
            {
                break;
            }

            var candidate = pos + hit + 1;
            if (IsDelimiterLine(span[candidate..end], boundary, out length, out isClose))
            {
                lineStart = candidate;
                afterLine = candidate + length;
                return true;
            }

            pos = candidate;
        }

        lineStart = afterLine = end;
        isClose = false;
        return false;
    }

    private static bool IsDelimiterLine(ReadOnlySpan<byte> line, ReadOnlySpan<byte> boundary, out int length, out bool isClose)
    {
        length = 0;
        isClose = false;
        if (line.Length < boundary.Length + 2 || line[0] != (byte)'-' || line[1] != (byte)'-'
            || !line.Slice(2, boundary.Length).SequenceEqual(boundary))
        {
            return false;
        }

        var i = boundary.Length + 2;
        if (i + 1 < line.Length && line[i] == (byte)'-' && line[i + 1] == (byte)'-')
        {
            isClose = true;
            i += 2;
        }

        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t')
        {
            i++;   // RFC 2046 §5.1.1: transport padding
        }

        if (i < line.Length && line[i] == (byte)'\r')
        {
            i++;
        }

        if (i < line.Length)
        {
            if (line[i] != (byte)'\n')
            {
                return false;
            }

            i++;
        }

        length = i;
        return true;
    }

    /// <summary>RFC 2046 §5.1.1: the line break before a delimiter line belongs to the delimiter, not the part.</summary>
    private static int BeforeLineBreak(ReadOnlySpan<byte> span, int partStart, int lineStart)
    {
        var e = lineStart;
        if (e > partStart && span[e - 1] == (byte)'\n')
        {
            e--;
            if (e > partStart && span[e - 1] == (byte)'\r')
            {
                e--;
            }
        }

        return e;
    }
}
