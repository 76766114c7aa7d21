using System.Globalization;
using Postern.Mime.Text;

namespace Postern.Mime.Encodings;

/// <summary>Finds and decodes yEnc blocks (yEnc 1.3, as Usenet posts and some mail carry binaries) inside text.</summary>
/// <remarks>
/// A block is <c>=ybegin … name=…</c>, for one part of a split file a <c>=ypart begin= end=</c> line, data lines,
/// and <c>=yend size=…</c>. Each data byte is the file byte plus 42 (mod 256); NUL, LF, CR and <c>=</c> (and,
/// by some encoders, others) are written as <c>=</c> followed by the byte plus 64. Lines starting <c>=y</c> are
/// never data: no encoder escapes the byte that would produce them.
/// </remarks>
public static class YEncDecoder
{
    /// <summary>The most blocks looked for in one text; the rest stays text (as for uuencoded blocks).</summary>
    private const int MaxBlocks = 1000;

    /// <summary>Finds the yEnc blocks in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<YEncBlock> FindBlocks(ReadOnlySpan<byte> text)
    {
        List<YEncBlock>? blocks = null;
        var pos = 0;
        while (pos < text.Length && (blocks?.Count ?? 0) < MaxBlocks)
        {
            var start = FindBeginLine(text, pos);
            if (start < 0)
            {
                break;
            }

            var block = ReadBlock(text, start);
            if (block is null)
            {
                pos = start + 1;
                continue;
            }

            (blocks ??= []).Add(block);
            pos = Math.Max(block.End, start + 1);
        }

        return blocks is null ? [] : blocks;
    }

    /// <summary>Whether the line at <paramref name="start"/> is a <c>=ybegin</c> line naming a file (a cheap test: the block is not read).</summary>
    internal static bool IsBlockAt(ReadOnlySpan<byte> text, int start) =>
        text[start..].StartsWith("=ybegin "u8) && TryReadKeywords(HeaderLine(text, start, "=ybegin "u8), out _, out var name) && name.Length > 0;

    /// <summary>Decodes the data lines of one block (between its header lines and <c>=yend</c>).</summary>
    public static byte[] Decode(ReadOnlySpan<byte> data)
    {
        var output = new byte[data.Length];
        var written = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (b is (byte)'\r' or (byte)'\n')
            {
                continue;   // line breaks are not data; encoders escape CR and LF in the data
            }

            if (b == (byte)'=')
            {
                // An escape; an '=' that ends a line escapes nothing and is dropped.
                if (i + 1 >= data.Length || data[i + 1] is (byte)'\r' or (byte)'\n')
                {
                    continue;
                }

                b = (byte)(data[++i] - 64);
            }

            output[written++] = (byte)(b - 42);
        }

        return written == output.Length ? output : output[..written];
    }

    /// <summary>The next line at or after <paramref name="pos"/> that starts with <c>=ybegin </c>, or -1.</summary>
    private static int FindBeginLine(ReadOnlySpan<byte> text, int pos)
    {
        while (pos < text.Length)
        {
            var hit = text[pos..].IndexOf("=ybegin "u8);
            if (hit < 0)
            {
                return -1;
            }

            var start = pos + hit;
            if (start == 0 || text[start - 1] == (byte)'\n')
            {
                return start;
            }

            pos = start + 1;
        }

        return -1;
    }

    private static YEncBlock? ReadBlock(ReadOnlySpan<byte> text, int start)
    {
        if (!TryReadKeywords(HeaderLine(text, start, "=ybegin "u8), out var begin, out var name) || name.Length == 0)
        {
            return null;
        }

        var dataStart = LineEndings.NextLine(text, LineEndings.LineEnd(text, start));
        var part = begin.Part;
        Keywords partLine = default;
        if (part is not null && dataStart < text.Length && text[dataStart..].StartsWith("=ypart "u8))
        {
            TryReadKeywords(HeaderLine(text, dataStart, "=ypart "u8), out partLine, out _);
            dataStart = LineEndings.NextLine(text, LineEndings.LineEnd(text, dataStart));
        }

        var (dataEnd, endLine) = FindEnd(text, dataStart);
        Keywords end = default;
        var blockEnd = dataEnd;
        if (endLine >= 0)
        {
            TryReadKeywords(HeaderLine(text, endLine, "=yend"u8), out end, out _);
            blockEnd = LineEndings.NextLine(text, LineEndings.LineEnd(text, endLine));
        }

        return new YEncBlock(
            start, dataStart, dataEnd, blockEnd, Charsets.DecodeLenient(name), IsTerminated: endLine >= 0,
            FileSize: begin.Size, PartNumber: part ?? end.Part, TotalParts: begin.Total,
            PartBegin: partLine.Begin, PartEnd: partLine.End,
            EndSize: end.Size, PartCrc32: end.PartCrc, FileCrc32: end.Crc);
    }

    /// <summary>
    /// Where the data starting at <paramref name="pos"/> ends, and where its <c>=yend</c> line starts (-1 when the
    /// text ends, or another block begins, first).
    /// </summary>
    private static (int DataEnd, int EndLine) FindEnd(ReadOnlySpan<byte> text, int pos)
    {
        for (var lineStart = pos; lineStart < text.Length;)
        {
            var line = text[lineStart..];
            if (line.StartsWith("=yend"u8) && (line.Length == 5 || line[5] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return (lineStart, lineStart);
            }

            if (line.StartsWith("=ybegin "u8))
            {
                return (lineStart, -1);
            }

            var next = line.IndexOf("\n=y"u8);
            if (next < 0)
            {
                break;
            }

            lineStart += next + 1;
        }

        return (text.Length, -1);
    }

    /// <summary>The keywords of the header line at <paramref name="lineStart"/>, after <paramref name="prefix"/>.</summary>
    private static ReadOnlySpan<byte> HeaderLine(ReadOnlySpan<byte> text, int lineStart, ReadOnlySpan<byte> prefix) =>
        text[(lineStart + prefix.Length)..LineEndings.LineEnd(text, lineStart)].TrimEnd("\r"u8);

    /// <summary>
    /// Reads <c>key=value</c> pairs separated by spaces; <c>name=</c> is always last and runs to the end of the
    /// line (file names may hold spaces). Unknown keys are skipped; false when a pair has no <c>=</c>.
    /// </summary>
    private static bool TryReadKeywords(ReadOnlySpan<byte> line, out Keywords keywords, out ReadOnlySpan<byte> name)
    {
        keywords = default;
        name = default;
        while (true)
        {
            line = line.TrimStart(" \t"u8);
            if (line.IsEmpty)
            {
                return true;
            }

            var eq = line.IndexOf((byte)'=');
            var space = line.IndexOfAny((byte)' ', (byte)'\t');
            if (eq <= 0 || (space >= 0 && space < eq))
            {
                return false;
            }

            var key = line[..eq];
            if (key.SequenceEqual("name"u8))
            {
                name = line[(eq + 1)..].Trim(" \t"u8);
                return true;
            }

            var valueEnd = space < 0 ? line.Length : space;
            keywords = keywords.With(key, line[(eq + 1)..valueEnd]);
            line = line[valueEnd..];
        }
    }

    /// <summary>The numeric keywords of a header line that matter for decoding.</summary>
    private readonly record struct Keywords(long? Size, int? Part, int? Total, long? Begin, long? End, uint? PartCrc, uint? Crc)
    {
        public Keywords With(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => key switch
        {
            _ when key.SequenceEqual("size"u8) => this with { Size = Number(value) },
            _ when key.SequenceEqual("part"u8) => this with { Part = (int?)Number(value) },
            _ when key.SequenceEqual("total"u8) => this with { Total = (int?)Number(value) },
            _ when key.SequenceEqual("begin"u8) => this with { Begin = Number(value) },
            _ when key.SequenceEqual("end"u8) => this with { End = Number(value) },
            _ when key.SequenceEqual("pcrc32"u8) => this with { PartCrc = Hex(value) },
            _ when key.SequenceEqual("crc32"u8) => this with { Crc = Hex(value) },
            _ => this,
        };

        /// <summary>A non-negative decimal that fits an int (yEnc sizes and part numbers), or null.</summary>
        private static long? Number(ReadOnlySpan<byte> value) =>
            int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

        /// <summary>A CRC-32 in hex, with or without <c>0x</c>, or null.</summary>
        private static uint? Hex(ReadOnlySpan<byte> value)
        {
            if (value.Length > 2 && value[0] == (byte)'0' && (value[1] | 0x20) == (byte)'x')
            {
                value = value[2..];
            }

            return uint.TryParse(value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var crc) ? crc : null;
        }
    }
}
