using System.Text;
using Postern.Mime.Parsing;
using Postern.Mime.Text;

namespace Postern.Mime.Encodings;

/// <summary>Decodes header text: unfolds it and decodes RFC 2047 encoded-words and raw 8-bit bytes.</summary>
/// <remarks>
/// Runs in one pass and allocates in proportion to its input, whatever the number of encoded-words.
/// Lenient in the ways real mail needs: encoded-words glued to other text are decoded, adjacent words in
/// one charset are joined before charset decoding (so a character split across two words survives), and
/// raw 8-bit text is read as UTF-8 when valid (RFC 6532) and windows-1252 otherwise.
/// </remarks>
public static class Rfc2047Decoder
{
    /// <summary>Decodes an unstructured header value (RFC 5322 §3.2.5 unstructured, RFC 2047 §5(1)); the result is trimmed.</summary>
    public static string DecodeText(ReadOnlySpan<byte> raw)
    {
        if (Ascii.IsValid(raw) && raw.IndexOfAny((byte)'\r', (byte)'\n') < 0 && raw.IndexOf("=?"u8) < 0)
        {
            return Encoding.ASCII.GetString(raw.Trim(" \t"u8));
        }

        var output = new CharBuffer(raw.Length);
        try
        {
            // White space at either end of a field value carries no meaning (RFC 5322 §3.2.5 unstructured).
            AppendText(ref output, raw);
            output.TrimEnd();
            return output.WrittenSpan.TrimStart().ToString();
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>Appends decoded header text to <paramref name="output"/>.</summary>
    internal static void AppendText(ref CharBuffer output, ReadOnlySpan<byte> raw)
    {
        var pending = new PendingWords(raw.Length);
        try
        {
            var i = 0;
            var afterEncodedWord = false;
            var spaceStart = -1;
            var textStart = -1;
            while (i < raw.Length)
            {
                var b = raw[i];
                if (b is (byte)'\r' or (byte)'\n')
                {
                    // RFC 5322 §2.2.3: unfolding removes the CRLF; the white space after it stays. A line
                    // break not followed by white space (a field broken without folding) reads as one space.
                    FlushText(ref output, raw, ref textStart, i);
                    i++;
                    if (b == (byte)'\n' && i < raw.Length && !ByteClasses.IsWhitespace(raw[i]) && spaceStart < 0)
                    {
                        spaceStart = i - 1;
                    }

                    continue;
                }

                if (ByteClasses.IsWhitespace(b))
                {
                    FlushText(ref output, raw, ref textStart, i);
                    if (spaceStart < 0)
                    {
                        spaceStart = i;
                    }

                    i++;
                    continue;
                }

                if (b == (byte)'=' && EncodedWord.TryRead(raw[i..], out var word))
                {
                    FlushText(ref output, raw, ref textStart, i);

                    // RFC 2047 §6.2: white space between adjacent encoded-words is not displayed.
                    if (!afterEncodedWord && spaceStart >= 0)
                    {
                        pending.Flush(ref output);
                        AppendSpaces(ref output, raw[spaceStart..i]);
                    }

                    spaceStart = -1;
                    pending.Add(ref output, word);
                    afterEncodedWord = true;
                    i += word.Length;
                    continue;
                }

                pending.Flush(ref output);
                if (spaceStart >= 0)
                {
                    AppendSpaces(ref output, raw[spaceStart..i]);
                    spaceStart = -1;
                }

                if (textStart < 0)
                {
                    textStart = i;
                }

                afterEncodedWord = false;
                i++;
            }

            FlushText(ref output, raw, ref textStart, raw.Length);
            pending.Flush(ref output);
            if (spaceStart >= 0)
            {
                AppendSpaces(ref output, raw[spaceStart..]);
            }
        }
        finally
        {
            pending.Dispose();
        }
    }

    /// <summary>Appends one phrase word (an atom or a quoted string's content) that may be an encoded-word.</summary>
    internal static bool TryAppendEncodedWord(ref CharBuffer output, ReadOnlySpan<byte> atom)
    {
        if (!EncodedWord.TryRead(atom, out var word) || word.Length != atom.Length)
        {
            return false;
        }

        var pending = new PendingWords(atom.Length);
        try
        {
            pending.Add(ref output, word);
            pending.Flush(ref output);
            return true;
        }
        finally
        {
            pending.Dispose();
        }
    }

    private static void FlushText(ref CharBuffer output, ReadOnlySpan<byte> raw, ref int textStart, int end)
    {
        if (textStart < 0)
        {
            return;
        }

        Charsets.AppendDecoded(ref output, raw[textStart..end], null);
        textStart = -1;
    }

    /// <summary>Appends a run of white space, line breaks removed; a run of line breaks alone becomes one space.</summary>
    private static void AppendSpaces(ref CharBuffer output, ReadOnlySpan<byte> spaces)
    {
        var appended = false;
        foreach (var s in spaces)
        {
            if (s is not ((byte)'\r' or (byte)'\n'))
            {
                output.Append((char)s);
                appended = true;
            }
        }

        if (!appended)
        {
            output.Append(' ');
        }
    }

    /// <summary>Decoded bytes of consecutive encoded-words in one charset, waiting to be charset-decoded together.</summary>
    private struct PendingWords : IDisposable
    {
        private ByteBuffer _bytes;
        private Encoding? _encoding;
        private bool _lenient;

        public PendingWords(int capacity)
        {
            _bytes = new ByteBuffer(Math.Min(capacity, 256));
        }

        public void Add(ref CharBuffer output, EncodedWord word)
        {
            var encoding = Charsets.Find(word.Charset);
            var lenient = encoding is null;
            if (_bytes.Length > 0 && (encoding != _encoding || lenient != _lenient))
            {
                Flush(ref output);
            }

            _encoding = encoding;
            _lenient = lenient;
            word.DecodeTo(ref _bytes);
        }

        public void Flush(ref CharBuffer output)
        {
            if (_bytes.Length == 0)
            {
                return;
            }

            Charsets.AppendDecoded(ref output, _bytes.WrittenSpan, _encoding);
            _bytes.Clear();
        }

        public void Dispose() => _bytes.Dispose();
    }
}
