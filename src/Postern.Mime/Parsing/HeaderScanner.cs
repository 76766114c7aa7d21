using System.Text;

namespace Postern.Mime.Parsing;

/// <summary>Splits a header block into fields without decoding anything (RFC 5322 §2.2, §3.5).</summary>
internal static class HeaderScanner
{
    [ThreadStatic]
    private static FieldRange[]? t_scratch;

    /// <summary>Scans the header block that starts at <paramref name="start"/> and ends before <paramref name="end"/>.</summary>
    /// <param name="skipMboxMarker">Whether this is a message start, where a byte-order mark and an mbox "From " line are skipped.</param>
    /// <param name="boundaries">Enclosing multipart boundaries: a delimiter line ends the block (a part with no body).</param>
    public static HeaderBlock Scan(ReadOnlySpan<byte> data, int start, int end, MimeLimits limits, bool skipMboxMarker,
        BoundaryStack? boundaries, ref DefectList defects)
    {
        var scratch = t_scratch ??= new FieldRange[64];
        var count = 0;
        var contentType = -1;
        var transferEncoding = -1;
        var pos = start;
        var dropping = false;

        if (skipMboxMarker)
        {
            // Messages saved by Windows tools may start with a UTF-8 byte-order mark; it is not header text.
            if (data[pos..end].StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                pos += 3;
            }

            // An mbox separator, or one escaped as ">From " inside a saved or forwarded message.
            if (IsMboxSeparator(data[pos..end]))
            {
                pos = NextLine(data, pos, end);
            }
        }

        var blockStart = pos;
        var fieldsEnd = -1;
        var bodyStart = end;
        FieldRange current = default;
        var inField = false;

        while (pos < end)
        {
            var first = data[pos];
            if (first == (byte)'\n' || (first == (byte)'\r' && pos + 1 < end && data[pos + 1] == (byte)'\n'))
            {
                // RFC 5322 §2.1: the header section ends at the first empty line.
                fieldsEnd = pos;
                bodyStart = pos + (first == (byte)'\n' ? 1 : 2);
                break;
            }

            if (first == (byte)'-' && boundaries is { Count: > 0 } && boundaries.TryMatch(data, pos, end, out _))
            {
                fieldsEnd = pos;
                bodyStart = pos;
                break;
            }

            var next = NextLine(data, pos, end);
            if (ByteClasses.IsWhitespace(first))
            {
                // RFC 5322 §2.2.3: a line starting with WSP continues the field above it.
                if (inField)
                {
                    current = current with { ValueEnd = LineContentEnd(data, pos, next), End = next };
                }
                else if (!dropping)
                {
                    defects.Add(MimeDefectKind.ContinuationWithoutField, pos);
                }

                pos = next;
                continue;
            }

            var nameEnd = pos;
            while (nameEnd < next && ByteClasses.Is(data[nameEnd], ByteClass.FieldName))
            {
                nameEnd++;
            }

            var colon = nameEnd;
            while (colon < next && ByteClasses.IsWhitespace(data[colon]))
            {
                colon++;   // RFC 5322 §4.5.8 obs-optional: WSP between field name and colon
            }

            if (nameEnd == pos || colon >= next || data[colon] != (byte)':')
            {
                defects.Add(MimeDefectKind.InvalidHeaderLine, pos, Preview(data[pos..next]));
                if (StartsField(data, next, end))
                {
                    // Fields go on after this line: it is a field broken without folding (kept as a
                    // continuation), or junk before the first field (skipped).
                    if (inField)
                    {
                        current = current with { ValueEnd = LineContentEnd(data, pos, next), End = next };
                    }

                    pos = next;
                    continue;
                }

                // Otherwise the header block ends here and this line starts the body.
                fieldsEnd = pos;
                bodyStart = pos;
                break;
            }

            if (inField)
            {
                Append(ref scratch, ref count, Capped(data, current, limits, ref defects));
            }

            if (count >= limits.MaxHeaderCount)
            {
                if (!dropping)
                {
                    defects.Add(MimeDefectKind.TooManyHeaders, pos, $"more than {limits.MaxHeaderCount} fields");
                    dropping = true;
                }

                inField = false;
                pos = next;
                continue;
            }

            var valueStart = colon + 1;
            while (valueStart < next && ByteClasses.IsWhitespace(data[valueStart]))
            {
                valueStart++;
            }

            var lineEnd = LineContentEnd(data, pos, next);
            current = new FieldRange(pos, nameEnd, Math.Min(valueStart, lineEnd), lineEnd, next);
            inField = true;
            if (nameEnd - pos == 12 && contentType < 0 && Ascii.EqualsIgnoreCase(data[pos..nameEnd], "Content-Type"u8))
            {
                contentType = count;
            }
            else if (nameEnd - pos == 25 && transferEncoding < 0
                && Ascii.EqualsIgnoreCase(data[pos..nameEnd], "Content-Transfer-Encoding"u8))
            {
                transferEncoding = count;
            }

            pos = next;
        }

        if (inField)
        {
            Append(ref scratch, ref count, Capped(data, current, limits, ref defects));
        }

        if (fieldsEnd < 0)
        {
            // No empty line: a header without a body (RFC 5322 §3.5 makes the body optional).
            fieldsEnd = end;
        }

        t_scratch = scratch;
        return new HeaderBlock(scratch.AsSpan(0, count).ToArray(), blockStart, fieldsEnd, bodyStart, contentType, transferEncoding);
    }

    /// <summary>"From " or "&gt;From " not followed by a colon (which would make it an obsolete "From : x" field).</summary>
    private static bool IsMboxSeparator(ReadOnlySpan<byte> line)
    {
        if (line.StartsWith(">"u8))
        {
            line = line[1..];
        }

        return line.StartsWith("From "u8) && line[5..].TrimStart(" \t"u8) is var rest && (rest.IsEmpty || rest[0] != (byte)':');
    }

    /// <summary>Whether the line at <paramref name="pos"/> is a field or a continuation line.</summary>
    private static bool StartsField(ReadOnlySpan<byte> data, int pos, int end)
    {
        if (pos >= end)
        {
            return false;
        }

        if (ByteClasses.IsWhitespace(data[pos]))
        {
            return true;
        }

        var i = pos;
        while (i < end && ByteClasses.Is(data[i], ByteClass.FieldName))
        {
            i++;
        }

        return i > pos && i < end && data[i] == (byte)':';
    }

    /// <summary>The offset after the next line feed, or <paramref name="end"/>.</summary>
    public static int NextLine(ReadOnlySpan<byte> data, int pos, int end)
    {
        var lf = data[pos..end].IndexOf((byte)'\n');
        return lf < 0 ? end : pos + lf + 1;
    }

    /// <summary>The end of a line's content: before its CRLF or LF.</summary>
    private static int LineContentEnd(ReadOnlySpan<byte> data, int lineStart, int next)
    {
        var e = next;
        if (e > lineStart && data[e - 1] == (byte)'\n')
        {
            e--;
            if (e > lineStart && data[e - 1] == (byte)'\r')
            {
                e--;
            }
        }

        return e;
    }

    private static FieldRange Capped(ReadOnlySpan<byte> data, FieldRange field, MimeLimits limits, ref DefectList defects)
    {
        if (field.ValueEnd - field.ValueStart <= limits.MaxHeaderFieldLength)
        {
            return field;
        }

        defects.Add(MimeDefectKind.HeaderFieldTooLong, field.Start,
            Encoding.ASCII.GetString(data[field.Start..field.NameEnd]));
        return field with { ValueEnd = field.ValueStart + limits.MaxHeaderFieldLength };
    }

    private static void Append(ref FieldRange[] scratch, ref int count, FieldRange field)
    {
        if (count == scratch.Length)
        {
            Array.Resize(ref scratch, scratch.Length * 2);
        }

        scratch[count++] = field;
    }

    /// <summary>A short printable excerpt of a bad line for defect reports.</summary>
    public static string Preview(ReadOnlySpan<byte> line)
    {
        const int MaxPreview = 60;
        var cut = line[..Math.Min(line.Length, MaxPreview)].TrimEnd("\r\n"u8);
        return Encoding.Latin1.GetString(cut);
    }
}
