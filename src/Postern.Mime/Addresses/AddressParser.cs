using Postern.Mime.Encodings;
using Postern.Mime.Parsing;
using Postern.Mime.Text;

namespace Postern.Mime.Addresses;

/// <summary>Reads address lists (RFC 5322 §3.4) the way real mail writes them.</summary>
/// <remarks>
/// Accepts groups, comments (a comment after a bare address is its display name, as in
/// <c>user@host (Full Name)</c>), quoted and obsolete dotted local parts, domain literals, obsolete
/// source routes, missing angle brackets, encoded-words in display names (also inside quotes),
/// Unicode local parts and domains (RFC 6532), and addresses without a domain (<c>To: abel, braun</c>).
/// An entry with a display name but no address becomes a mailbox with an empty address. Linear in its
/// input: runs of encoded-words are decoded in one pass.
/// </remarks>
internal ref struct AddressParser
{
    /// <summary>How many entries one list keeps; beyond it the rest of the header is ignored.</summary>
    /// <remarks>The largest real recipient lists (mailing-list bounces) hold a few thousand addresses.</remarks>
    private const int MaxEntries = 10_000;

    private const int MaxCommentDepth = 64;

    private readonly ReadOnlySpan<byte> _s;
    private readonly List<Word> _words;
    private int _pos;
    private int _commentStart;
    private int _commentEnd;

    private AddressParser(ReadOnlySpan<byte> s)
    {
        _s = s;
        _words = [];
        _pos = 0;
        _commentStart = -1;
        _commentEnd = -1;
    }

    private enum WordKind : byte
    {
        Atom,
        Quoted,
        Dot,
    }

    public static AddressList Parse(ReadOnlySpan<byte> raw)
    {
        var parser = new AddressParser(raw);
        var entries = new List<AddressEntry>();
        while (entries.Count < MaxEntries)
        {
            var before = parser._pos;
            var entry = parser.ParseEntry(allowGroup: true);
            if (entry is not null)
            {
                entries.Add(entry);
            }

            if (!parser.SkipSeparator(before, out _))
            {
                break;
            }
        }

        return entries.Count == 0 ? AddressList.Empty : new AddressList(entries);
    }

    /// <summary>Reads one mailbox or group, stopping before ',' / ';' or at the end.</summary>
    private AddressEntry? ParseEntry(bool allowGroup)
    {
        _words.Clear();
        _commentStart = -1;
        while (true)
        {
            var spaced = SkipCfws();
            if (_pos >= _s.Length)
            {
                return PhraseOnly();
            }

            var b = _s[_pos];
            switch (b)
            {
                case (byte)',' or (byte)';':
                    return PhraseOnly();
                case (byte)'<':
                    return AngleAddress();
                case (byte)'@':
                    return BareAddress();
                case (byte)':' when allowGroup && _words.Count > 0:
                    return Group();
                case (byte)'"':
                    _words.Add(new Word(ReadQuoted(), WordKind.Quoted, spaced));
                    break;
                case (byte)'.':
                    _words.Add(new Word(new Range(_pos, _pos + 1), WordKind.Dot, spaced));
                    _pos++;
                    break;
                default:
                    if (b == (byte)'=' && EncodedWord.TryRead(_s[_pos..], out var encoded))
                    {
                        // An encoded-word is one word even when it holds specials (':' in the wild).
                        _words.Add(new Word(new Range(_pos, _pos + encoded.Length), WordKind.Atom, spaced));
                        _pos += encoded.Length;
                    }
                    else if (ByteClasses.Is(b, ByteClass.AtomText))
                    {
                        _words.Add(new Word(ReadAtom(), WordKind.Atom, spaced));
                    }
                    else
                    {
                        _pos++;   // a stray special (':', '>', '[', '\') that cannot start anything
                    }

                    break;
            }
        }
    }

    /// <summary>Words with no address after them: one atom is a domain-less address, more are a bare display name.</summary>
    private MailboxAddress? PhraseOnly()
    {
        if (_words.Count == 0)
        {
            return null;
        }

        var comment = CommentText();
        if (IsLocalPartOnly())
        {
            return new MailboxAddress(comment, LocalPart(0, _words.Count), "");
        }

        return new MailboxAddress(Phrase(0, _words.Count), "", "");
    }

    private MailboxAddress? AngleAddress()
    {
        var name = Phrase(0, _words.Count);
        _pos++;   // '<'
        SkipCfws();
        string? route = null;
        if (_pos < _s.Length && _s[_pos] == (byte)'@')
        {
            // RFC 5322 §4.4 obs-route: "@domain,@domain:" before the addr-spec.
            var colon = _s[_pos..].IndexOfAny((byte)':', (byte)'>');
            if (colon >= 0 && _s[_pos + colon] == (byte)':')
            {
                route = Charsets.DecodeLenient(_s.Slice(_pos, colon));
                _pos += colon + 1;
            }
        }

        _words.Clear();
        while (true)
        {
            var spaced = SkipCfws();
            if (_pos >= _s.Length || _s[_pos] is (byte)'>' or (byte)',' or (byte)';' or (byte)'@')
            {
                break;
            }

            if (_s[_pos] == (byte)'"')
            {
                _words.Add(new Word(ReadQuoted(), WordKind.Quoted, spaced));
            }
            else if (_s[_pos] == (byte)'.')
            {
                _words.Add(new Word(new Range(_pos, _pos + 1), WordKind.Dot, spaced));
                _pos++;
            }
            else if (ByteClasses.Is(_s[_pos], ByteClass.AtomText))
            {
                _words.Add(new Word(ReadAtom(), WordKind.Atom, spaced));
            }
            else
            {
                _pos++;
            }
        }

        var local = LocalPart(0, _words.Count);
        var domain = "";
        if (_pos < _s.Length && _s[_pos] == (byte)'@')
        {
            _pos++;
            domain = Domain();
        }

        SkipTo((byte)'>');
        if (_pos < _s.Length && _s[_pos] == (byte)'>')
        {
            _pos++;
        }

        _commentStart = -1;
        SkipCfws();
        name ??= CommentText();
        return name is null && local.Length == 0 && domain.Length == 0 ? null : new MailboxAddress(name, local, domain, route);
    }

    /// <summary>An addr-spec without angle brackets; the words read so far are its local part.</summary>
    private MailboxAddress BareAddress()
    {
        var local = LocalPart(0, _words.Count);
        _pos++;   // '@'
        var domain = Domain();
        _commentStart = -1;
        SkipCfws();
        return new MailboxAddress(CommentText(), local, domain);
    }

    private GroupAddress Group()
    {
        var name = Phrase(0, _words.Count);
        _pos++;   // ':'
        var members = new List<MailboxAddress>();
        while (members.Count < MaxEntries)
        {
            var before = _pos;
            var entry = ParseEntry(allowGroup: false);
            if (entry is MailboxAddress mailbox)
            {
                members.Add(mailbox);
            }

            // RFC 5322 §3.4: the group ends at ';'.
            if (!SkipSeparator(before, out var separator) || separator == (byte)';')
            {
                break;
            }
        }

        return new GroupAddress(name, members);
    }

    private string Domain()
    {
        SkipCfws();
        var buffer = new ByteBuffer(64);
        try
        {
            while (_pos < _s.Length)
            {
                var b = _s[_pos];
                if (b == (byte)'[')
                {
                    // RFC 5322 §3.4.1 domain-literal
                    var close = _s[_pos..].IndexOf((byte)']');
                    var end = close < 0 ? _s.Length : _pos + close + 1;
                    buffer.Append(_s[_pos..end]);
                    _pos = end;
                }
                else if (b == (byte)'.' || ByteClasses.Is(b, ByteClass.AtomText))
                {
                    buffer.Append(b);
                    _pos++;
                }
                else if (ByteClasses.IsFoldingWhitespace(b) || b == (byte)'(')
                {
                    // RFC 5322 §4.4 obs-domain allows CFWS around the dots.
                    var save = _pos;
                    SkipCfws();
                    if (_pos >= _s.Length || (_s[_pos] != (byte)'.' && buffer.Length > 0 && buffer.WrittenSpan[^1] != (byte)'.'))
                    {
                        _pos = save;
                        break;
                    }
                }
                else
                {
                    break;
                }
            }

            return Charsets.DecodeLenient(buffer.WrittenSpan);
        }
        finally
        {
            buffer.Dispose();
        }
    }

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

    private Range ReadAtom()
    {
        var start = _pos;
        while (_pos < _s.Length && ByteClasses.Is(_s[_pos], ByteClass.AtomText))
        {
            _pos++;
        }

        return new Range(start, _pos);
    }

    /// <summary>Reads a quoted string and returns the range of its content; an unclosed one runs to the end.</summary>
    private Range ReadQuoted()
    {
        var start = ++_pos;
        while (_pos < _s.Length)
        {
            var b = _s[_pos];
            if (b == (byte)'\\' && _pos + 1 < _s.Length)
            {
                _pos += 2;
                continue;
            }

            if (b == (byte)'"')
            {
                return new Range(start, _pos++);
            }

            _pos++;
        }

        return new Range(start, _pos);
    }

    /// <summary>
    /// After an entry: consumes a ',' or ';' (or one byte, when the entry consumed nothing, so the loop
    /// advances). A missing comma between two addresses consumes nothing. False at the end.
    /// </summary>
    private bool SkipSeparator(int entryStart, out byte separator)
    {
        separator = 0;
        SkipCfws();
        if (_pos >= _s.Length)
        {
            return false;
        }

        var b = _s[_pos];
        if (b is (byte)',' or (byte)';')
        {
            separator = b;
            _pos++;
        }
        else if (_pos == entryStart)
        {
            _pos++;
        }

        return true;
    }

    private void SkipTo(byte stop)
    {
        var i = _s[_pos..].IndexOfAny(stop, (byte)',');
        _pos = i < 0 ? _s.Length : _pos + i;
    }

    /// <summary>Skips CFWS (RFC 5322 §3.2.2), remembering the last comment; answers whether anything was skipped.</summary>
    private bool SkipCfws()
    {
        var start = _pos;
        while (_pos < _s.Length)
        {
            var b = _s[_pos];
            if (ByteClasses.IsFoldingWhitespace(b))
            {
                _pos++;
            }
            else if (b == (byte)'(')
            {
                SkipComment();
            }
            else
            {
                break;
            }
        }

        return _pos > start;
    }

    private void SkipComment()
    {
        var contentStart = _pos + 1;
        var depth = 0;
        while (_pos < _s.Length)
        {
            var b = _s[_pos++];
            if (b == (byte)'\\')
            {
                _pos++;
            }
            else if (b == (byte)'(' && depth < MaxCommentDepth)
            {
                depth++;
            }
            else if (b == (byte)')' && --depth == 0)
            {
                _commentStart = contentStart;
                _commentEnd = _pos - 1;
                return;
            }
        }

        _pos = Math.Min(_pos, _s.Length);
        _commentStart = contentStart;
        _commentEnd = _pos;
    }

    private readonly record struct Word(Range Range, WordKind Kind, bool SpaceBefore);
}
