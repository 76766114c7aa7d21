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
internal ref partial struct AddressParser
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

    private readonly record struct Word(Range Range, WordKind Kind, bool SpaceBefore);
}
