using Postern.Mime.Parsing;

namespace Postern.Mime.Mbox;

/// <summary>Splits an mbox file into its messages' byte ranges without copying or decoding them.</summary>
/// <remarks>
/// A message starts at every line that begins with "From " (the mboxo/mboxrd separator); a leading
/// UTF-8 byte-order mark is skipped. When a message carries a Content-Length field that ends its body
/// exactly at the end of the file or at the next separator line (as in the Solaris and some Netscape
/// mailboxes), the length is trusted, so unescaped "From " lines inside the body do not split it.
/// Unescaping "&gt;From " lines is left to the caller, who knows which mbox flavour it reads.
/// </remarks>
public static class MboxReader
{
    /// <summary>The messages of <paramref name="mbox"/>, in order.</summary>
    public static IEnumerable<MboxEntry> Split(ReadOnlyMemory<byte> mbox)
    {
        var pos = mbox.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        pos = NextSeparator(mbox.Span, pos);
        while (pos < mbox.Length)
        {
            var entry = ReadEntry(mbox.Span, pos);
            yield return entry;
            pos = NextSeparator(mbox.Span, entry.EndOffset);
        }
    }

    /// <summary>The messages of <paramref name="mbox"/>, parsed (each over its slice of the buffer).</summary>
    public static IEnumerable<MimeMessage> Parse(ReadOnlyMemory<byte> mbox, MimeLimits? limits = null)
    {
        foreach (var entry in Split(mbox))
        {
            yield return MimeMessage.Parse(mbox[entry.Range], limits);
        }
    }

    private static MboxEntry ReadEntry(ReadOnlySpan<byte> mbox, int marker)
    {
        var start = HeaderScanner.NextLine(mbox, marker, mbox.Length);
        var end = ContentLengthEnd(mbox, start);
        if (end < 0)
        {
            var next = FindSeparatorLine(mbox, start);
            end = next < 0 ? mbox.Length : BeforeLineBreak(mbox, start, next);
        }

        return new MboxEntry(marker, start, end);
    }

    /// <summary>The end the Content-Length field gives, when it lands on a separator or the end of the file; else -1.</summary>
    private static int ContentLengthEnd(ReadOnlySpan<byte> mbox, int start)
    {
        var defects = default(DefectList);
        var block = HeaderScanner.Scan(mbox, start, mbox.Length, MimeLimits.Default, skipMboxMarker: false, boundaries: null, ref defects);
        foreach (var field in block.Fields)
        {
            var name = mbox[field.Start..field.NameEnd];
            if (name.Length != 14 || !System.Text.Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                continue;
            }

            var value = mbox[field.ValueStart..field.ValueEnd].Trim(" \t"u8);
            if (!System.Buffers.Text.Utf8Parser.TryParse(value, out long length, out var consumed) || consumed != value.Length
                || length < 0 || length > mbox.Length - block.BodyStart)
            {
                return -1;
            }

            var end = block.BodyStart + (int)length;
            var after = mbox[end..];
            if (after.IsEmpty)
            {
                return end;
            }

            // One line break separates the body from the next separator line.
            after = after.StartsWith("\r\n"u8) ? after[2..] : after.StartsWith("\n"u8) ? after[1..] : after;
            return after.StartsWith("From "u8) ? end : -1;
        }

        return -1;
    }

    /// <summary>The offset of the next line that starts with "From ", at or after <paramref name="pos"/> (a line start); the end when none.</summary>
    private static int NextSeparator(ReadOnlySpan<byte> mbox, int pos)
    {
        if (pos < mbox.Length && mbox[pos..].StartsWith("From "u8))
        {
            return pos;
        }

        var next = FindSeparatorLine(mbox, pos);
        return next < 0 ? mbox.Length : next;
    }

    /// <summary>The start of the next "From " line strictly after <paramref name="pos"/>, or -1.</summary>
    private static int FindSeparatorLine(ReadOnlySpan<byte> mbox, int pos)
    {
        var hit = mbox[pos..].IndexOf("\nFrom "u8);
        return hit < 0 ? -1 : pos + hit + 1;
    }

    private static int BeforeLineBreak(ReadOnlySpan<byte> mbox, int start, int lineStart)
    {
        var e = lineStart - 1;
        if (e > start && mbox[e - 1] == (byte)'\r')
        {
            e--;
        }

        return Math.Max(e, start);
    }
}
