namespace Postern.Mime.Encodings;

/// <summary>Files encoded inside text, uuencoded or yEnc, found together in the order they appear.</summary>
internal static class EmbeddedBlocks
{
    /// <summary>Every uuencoded and yEnc block in <paramref name="text"/>, in order; a block inside another's range is not one.</summary>
    public static IReadOnlyList<EmbeddedBlock> Find(ReadOnlySpan<byte> text)
    {
        var uu = UUDecoder.FindBlocks(text);
        var yEnc = YEncDecoder.FindBlocks(text);
        if (yEnc.Count == 0)
        {
            return uu;
        }

        if (uu.Count == 0)
        {
            return yEnc;
        }

        var all = new List<EmbeddedBlock>(uu.Count + yEnc.Count);
        all.AddRange(uu);
        all.AddRange(yEnc);
        all.Sort((a, b) => a.Start.CompareTo(b.Start));
        var kept = new List<EmbeddedBlock>(all.Count);
        foreach (var block in all)
        {
            // A "begin 644 x" line inside yEnc data (or the reverse) is data, not a file of its own.
            if (kept.Count == 0 || block.Start >= kept[^1].End)
            {
                kept.Add(block);
            }
        }

        return kept;
    }

    /// <summary>Whether <paramref name="text"/> holds the first line of an embedded file; much cheaper than <see cref="Find"/>.</summary>
    /// <remarks>
    /// One vectorised search for <c>begin </c> finds both kinds: a uuencoded block starts a line with it, a yEnc
    /// block with <c>=ybegin </c>. Only hits at a line start are looked at further.
    /// </remarks>
    public static bool Contains(ReadOnlySpan<byte> text)
    {
        var pos = 0;
        while (pos < text.Length)
        {
            var hit = text[pos..].IndexOf("begin "u8);
            if (hit < 0)
            {
                return false;
            }

            var at = pos + hit;
            pos = at + 1;
            if (IsLineStart(text, at) && UUDecoder.IsBlockAt(text, at))
            {
                return true;
            }

            if (at >= 2 && text[at - 2] == (byte)'=' && text[at - 1] == (byte)'y' && IsLineStart(text, at - 2) && YEncDecoder.IsBlockAt(text, at - 2))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLineStart(ReadOnlySpan<byte> text, int at) => at == 0 || text[at - 1] == (byte)'\n';
}
