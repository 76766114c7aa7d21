using Postern.Mime.Encodings;
using Postern.Mime.Parsing;
using Postern.Mime.Text;

namespace Postern.Mime.Addresses;

/// <summary>Turning the words of an address into a display name or a local part.</summary>
internal ref partial struct AddressParser
{
    private readonly bool IsLocalPartOnly()
    {
        for (var i = 1; i < _words.Count; i++)
        {
            if (_words[i].SpaceBefore && _words[i].Kind != WordKind.Dot && _words[i - 1].Kind != WordKind.Dot)
            {
                return false;
            }
        }

        return _words[0].Kind != WordKind.Quoted || _words.Count > 1 || !HasSpace(_words[0].Range);
    }

    private readonly bool HasSpace(Range range) => _s[range].IndexOfAny(" \t"u8) >= 0;

    /// <summary>The local part the words spell, unquoted (RFC 5322 §4.4 obs-local-part joins words and dots).</summary>
    private readonly string LocalPart(int from, int to)
    {
        var buffer = new ByteBuffer(64);
        try
        {
            for (var i = from; i < to; i++)
            {
                var word = _words[i];
                if (word.Kind == WordKind.Quoted)
                {
                    AppendUnescaped(ref buffer, _s[word.Range]);
                }
                else
                {
                    buffer.Append(_s[word.Range]);
                }
            }

            return Charsets.DecodeLenient(buffer.WrittenSpan);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>The display name the words spell: encoded-words decoded, quotes removed, words joined by a space.</summary>
    private readonly string? Phrase(int from, int to)
    {
        if (from >= to)
        {
            return null;
        }

        var output = new CharBuffer(64);
        try
        {
            for (var i = from; i < to; i++)
            {
                var word = _words[i];
                if (word.SpaceBefore && output.Length > 0 && output.Last != ' ')
                {
                    output.Append(' ');
                }

                switch (word.Kind)
                {
                    case WordKind.Dot:
                        output.Append('.');
                        break;
                    case WordKind.Quoted:
                        AppendQuotedText(ref output, _s[word.Range]);
                        break;
                    default:
                        if (IsEncodedWord(word))
                        {
                            // A run of encoded-words separated only by white space decodes as one (RFC 2047 §6.2).
                            var last = i;
                            while (last + 1 < to && _words[last + 1].Kind == WordKind.Atom && IsEncodedWord(_words[last + 1])
                                && IsWhitespaceOnly(_words[last].Range.End.Value, _words[last + 1].Range.Start.Value))
                            {
                                last++;
                            }

                            Rfc2047Decoder.AppendText(ref output, _s[word.Range.Start.Value.._words[last].Range.End.Value]);
                            i = last;
                        }
                        else
                        {
                            Charsets.AppendDecoded(ref output, _s[word.Range], null);
                        }

                        break;
                }
            }

            output.TrimEnd();
            return output.Length == 0 ? null : output.ToString();
        }
        finally
        {
            output.Dispose();
        }
    }

    private readonly bool IsEncodedWord(Word word)
    {
        var atom = _s[word.Range];
        return atom.Length >= 8 && atom.StartsWith("=?"u8) && atom.EndsWith("?="u8);
    }

    private readonly bool IsWhitespaceOnly(int start, int end) =>
        _s[start..end].IndexOfAnyExcept(" \t\r\n"u8) < 0;

    private static void AppendQuotedText(ref CharBuffer output, ReadOnlySpan<byte> content)
    {
        var buffer = new ByteBuffer(content.Length);
        try
        {
            AppendUnescaped(ref buffer, content);

            // Encoded-words inside quotes are not allowed (RFC 2047 §5(3)) but common; decode them anyway.
            if (buffer.WrittenSpan.IndexOf("=?"u8) >= 0)
            {
                Rfc2047Decoder.AppendText(ref output, buffer.WrittenSpan);
            }
            else
            {
                // RFC 5322 §3.2.4: folding inside a quoted string is removed, the white space kept.
                var text = buffer.WrittenSpan;
                var start = output.Length;
                Charsets.AppendDecoded(ref output, text, null);
                if (text.IndexOfAny((byte)'\r', (byte)'\n') >= 0)
                {
                    var written = output.WrittenSpan[start..].ToString().Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
                    output.Truncate(start);
                    output.Append(written);
                }
            }
        }
        finally
        {
            buffer.Dispose();
        }
    }

    private static void AppendUnescaped(ref ByteBuffer buffer, ReadOnlySpan<byte> content)
    {
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == (byte)'\\' && i + 1 < content.Length)
            {
                i++;   // RFC 5322 §3.2.1 quoted-pair
            }

            buffer.Append(content[i]);
        }
    }

    private readonly string? CommentText()
    {
        if (_commentStart < 0)
        {
            return null;
        }

        var text = Rfc2047Decoder.DecodeText(_s[_commentStart.._commentEnd]).Trim();
        return text.Length == 0 ? null : text;
    }
}
