using Postern.Mime.Text;

namespace Postern.Mime.Encodings;

/// <summary>Finds and decodes uuencoded blocks (POSIX <c>uuencode</c> format), as embedded in old mail.</summary>
public static class UUDecoder
{
    /// <summary>The most blocks looked for in one text; a text with more keeps the rest as text.</summary>
    /// <remarks>Real mail embeds a handful of files; the cap bounds the list for hostile input.</remarks>
    private const int MaxBlocks = 1000;

    /// <summary>Finds the uuencoded blocks in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<UUBlock> FindBlocks(ReadOnlySpan<byte> text)
    {
        List<UUBlock>? blocks = null;
        var pos = 0;
        while ((blocks?.Count ?? 0) < MaxBlocks && FindBeginLine(text, pos, out var mode, out var name) is var (start, dataStart))
        {
            var (dataEnd, end, terminated) = FindEnd(text, dataStart);
            (blocks ??= []).Add(new UUBlock(start, dataStart, dataEnd, end, mode, name, terminated));
            pos = end;
        }

        return blocks is null ? [] : blocks;
    }

    /// <summary>Whether the line at <paramref name="start"/> begins a uuencoded block (a cheap test: the block is not read).</summary>
    internal static bool IsBlockAt(ReadOnlySpan<byte> text, int start) => IsBeginLine(text, start, out _, out _, out _);

    /// <summary>Decodes the encoded lines of one block (between its <c>begin</c> and <c>end</c> lines).</summary>
    public static byte[] Decode(ReadOnlySpan<byte> lines)
    {
        var output = new ByteBuffer(DecodedLength(lines) + 3);
        try
        {
            foreach (var range in lines.Split((byte)'\n'))
            {
                var line = lines[range].TrimEnd((byte)'\r');
                if (line.IsEmpty)
                {
                    continue;
                }

                var count = Value(line[0]);
                if (count == 0)
                {
                    continue;
                }

                var span = output.GetSpan(count + 3);
                var produced = 0;
                for (var i = 1; produced < count; i += 4)
                {
                    uint quantum = 0;
                    for (var j = 0; j < 4; j++)
                    {
                        quantum = (quantum << 6) | (uint)(i + j < line.Length ? Value(line[i + j]) : 0);
                    }

                    for (var k = 0; k < 3 && produced < count; k++)
                    {
                        span[produced++] = (byte)(quantum >> (16 - (8 * k)));
                    }
                }

                output.Advance(produced);
            }

            return output.ToArray();
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>The decoded size of encoded lines, read from each line's length character.</summary>
    public static int DecodedLength(ReadOnlySpan<byte> lines)
    {
        var total = 0;
        foreach (var range in lines.Split((byte)'\n'))
        {
            var line = lines[range];
            if (!line.IsEmpty && line[0] is not ((byte)'\r'))
            {
                total += Value(line[0]);
            }
        }

        return total;
    }

    /// <summary>
    /// The next <c>begin MODE NAME</c> line at or after <paramref name="pos"/> that is followed by a plausible
    /// data line: where it starts and where its data starts; null when there is none.
    /// </summary>
    private static (int Start, int DataStart)? FindBeginLine(ReadOnlySpan<byte> text, int pos, out string mode, out string name)
    {
        mode = "";
        name = "";
        while (pos < text.Length)
        {
            var hit = text[pos..].IndexOf("begin "u8);
            if (hit < 0)
            {
                return null;
            }

            // Only a line start is looked at further, so text full of "begin " costs one scan.
            var start = pos + hit;
            pos = start + 6;
            if (start > 0 && text[start - 1] != (byte)'\n')
            {
                continue;
            }

            if (IsBeginLine(text, start, out mode, out name, out var dataStart))
            {
                return (start, dataStart);
            }
        }

        return null;
    }

    /// <summary>Whether the line at <paramref name="start"/> is a <c>begin MODE NAME</c> line followed by a plausible data line.</summary>
    private static bool IsBeginLine(ReadOnlySpan<byte> text, int start, out string mode, out string name, out int dataStart)
    {
        var lineEnd = LineEndings.LineEnd(text, start);
        dataStart = LineEndings.NextLine(text, lineEnd);
        return TryReadBegin(text[start..lineEnd], out mode, out name) && LooksEncoded(text, dataStart);
    }

    // POSIX uuencode: each character is (6-bit value + 0x20); '`' stands for zero.
    private static int Value(byte b) => (b - 0x20) & 0x3F;

    private static bool TryReadBegin(ReadOnlySpan<byte> line, out string mode, out string name)
    {
        mode = "";
        name = "";
        line = line.TrimEnd("\r"u8)["begin "u8.Length..];
        var space = line.IndexOf((byte)' ');
        if (space is < 3 or > 4)
        {
            return false;
        }

        foreach (var b in line[..space])
        {
            if (b is < (byte)'0' or > (byte)'7')
            {
                return false;
            }
        }

        var fileName = line[(space + 1)..].Trim(" \t"u8);
        if (fileName.IsEmpty)
        {
            return false;
        }

        mode = System.Text.Encoding.ASCII.GetString(line[..space]);
        name = Charsets.DecodeLenient(fileName);
        return true;
    }

    /// <summary>Whether the line at <paramref name="pos"/> is a plausible first data line (its length matches its count).</summary>
    private static bool LooksEncoded(ReadOnlySpan<byte> text, int pos)
    {
        if (pos >= text.Length)
        {
            return false;
        }

        var line = text[pos..LineEndings.LineEnd(text, pos)].TrimEnd("\r"u8);
        if (line.SequenceEqual("end"u8) || line.SequenceEqual("`"u8))
        {
            return true;
        }

        if (line.IsEmpty)
        {
            return false;
        }

        var expected = ((Value(line[0]) + 2) / 3 * 4) + 1;
        return Value(line[0]) > 0 && line.Length >= expected - 1 && line.Length <= expected + 2;
    }

    private static (int DataEnd, int End, bool Terminated) FindEnd(ReadOnlySpan<byte> text, int pos)
    {
        while (pos < text.Length)
        {
            var lineEnd = LineEndings.LineEnd(text, pos);
            var line = text[pos..lineEnd].TrimEnd("\r"u8);
            if (line.SequenceEqual("end"u8))
            {
                return (pos, Math.Min(lineEnd + 1, text.Length), true);
            }

            if (line.IsEmpty)
            {
                // A blank line ends the data; a well-formed block would have "`" and "end" first.
                return (pos, pos, false);
            }

            pos = Math.Min(lineEnd + 1, text.Length);
        }

        return (text.Length, text.Length, false);
    }
}
