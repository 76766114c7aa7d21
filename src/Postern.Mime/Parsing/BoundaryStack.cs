namespace Postern.Mime.Parsing;

/// <summary>
/// The boundaries of the multiparts enclosing the part being parsed, innermost last. A delimiter line
/// belongs to the innermost multipart whose boundary it matches (RFC 2046 §5.1.2: an inner boundary must
/// not occur in outer content, so checking innermost first also untangles mail that reuses one).
/// </summary>
internal sealed class BoundaryStack
{
    private readonly List<byte[]> _boundaries = [];

    public int Count => _boundaries.Count;

    public void Push(byte[] boundary) => _boundaries.Add(boundary);

    public void Pop() => _boundaries.RemoveAt(_boundaries.Count - 1);

    /// <summary>
    /// Finds the first delimiter line of any boundary at or after <paramref name="from"/> (a line start).
    /// </summary>
    /// <returns>The delimiter found, or one with <see cref="Delimiter.Level"/> -1 at <paramref name="end"/>.</returns>
    public Delimiter FindNext(ReadOnlySpan<byte> span, int from, int end)
    {
        if (_boundaries.Count == 0)
        {
            return Delimiter.None(end);
        }

        if (TryMatch(span, from, end, out var found))
        {
            return found;
        }

        var pos = from;
        while (pos < end)
        {
            var hit = span[pos..end].IndexOf("\n--"u8);
            if (hit < 0)
            {
                break;
            }

            var lineStart = pos + hit + 1;
            if (TryMatch(span, lineStart, end, out found))
            {
                return found;
            }

            pos = lineStart;
        }

        return Delimiter.None(end);
    }

    /// <summary>Whether the line at <paramref name="lineStart"/> is a delimiter line, and of which level.</summary>
    public bool TryMatch(ReadOnlySpan<byte> span, int lineStart, int end, out Delimiter delimiter)
    {
        delimiter = Delimiter.None(end);
        var line = span[lineStart..end];
        if (line.Length < 2 || line[0] != (byte)'-' || line[1] != (byte)'-')
        {
            return false;
        }

        for (var level = _boundaries.Count - 1; level >= 0; level--)
        {
            if (IsDelimiterLine(line, _boundaries[level], out var length, out var isClose))
            {
                delimiter = new Delimiter(level, lineStart, lineStart + length, isClose);
                return true;
            }
        }

        return false;
    }

    /// <summary>RFC 2046 §5.1.1: "--" boundary, "--" for the close-delimiter, transport padding, line break.</summary>
    private static bool IsDelimiterLine(ReadOnlySpan<byte> line, ReadOnlySpan<byte> boundary, out int length, out bool isClose)
    {
        length = 0;
        isClose = false;
        if (line.Length < boundary.Length + 2 || !line.Slice(2, boundary.Length).SequenceEqual(boundary))
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
            i++;
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
}

/// <summary>A delimiter line found in a multipart body.</summary>
/// <param name="Level">Index of the boundary in the stack (0 outermost), or -1 when none was found.</param>
/// <param name="LineStart">Where the delimiter line starts (or the end of the data when none was found).</param>
/// <param name="AfterLine">Just after the delimiter line's line break.</param>
/// <param name="IsClose">Whether it is a close-delimiter (<c>--boundary--</c>).</param>
internal readonly record struct Delimiter(int Level, int LineStart, int AfterLine, bool IsClose)
{
    public static Delimiter None(int end) => new(-1, end, end, false);

    public bool Found => Level >= 0;
}
