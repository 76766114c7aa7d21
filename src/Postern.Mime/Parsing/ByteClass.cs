namespace Postern.Mime.Parsing;

/// <summary>Character classes of the mail grammars, one 256-entry table indexed by byte.</summary>
[Flags]
internal enum ByteClass : ushort
{
    None = 0,
    /// <summary>SP or HTAB (RFC 5322 §2.2.2 WSP).</summary>
    Whitespace = 1 << 0,
    /// <summary>RFC 5322 §3.2.3 atext, plus every byte ≥ 0x80 (RFC 6532 §3.2 UTF8-non-ascii).</summary>
    AtomText = 1 << 1,
    /// <summary>RFC 2045 §5.1 token characters (any CHAR except SPACE, CTLs and tspecials).</summary>
    Token = 1 << 2,
    /// <summary>RFC 5322 §2.2 field-name characters: printable US-ASCII except colon.</summary>
    FieldName = 1 << 3,
    /// <summary>RFC 2047 §5(3) characters allowed unencoded in a Q-encoded word that sits in a phrase.</summary>
    QPhraseSafe = 1 << 4,
    /// <summary>RFC 2045 §6.7 printable characters that quoted-printable may leave as they are.</summary>
    QuotedPrintableSafe = 1 << 5,
    /// <summary>RFC 2231 §7 attribute-char: token characters except '*', ''' and '%'.</summary>
    AttributeChar = 1 << 6,
}

internal static class ByteClasses
{
    // RFC 5322 §3.2.3: specials = "(" / ")" / "<" / ">" / "[" / "]" / ":" / ";" / "@" / "\" / "," / "." / DQUOTE
    private const string AtomSpecials = "()<>[]:;@\\,.\"";

    // RFC 2045 §5.1: tspecials := "(" / ")" / "<" / ">" / "@" / "," / ";" / ":" / "\" / <"> / "/" / "[" / "]" / "?" / "="
    private const string TokenSpecials = "()<>@,;:\\\"/[]?=";

    private static readonly ByteClass[] s_table = BuildTable();

    public static bool Is(byte b, ByteClass cls) => (s_table[b] & cls) != 0;

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t';

    /// <summary>Folding white space: WSP or a line break (RFC 5322 §3.2.2 FWS).</summary>
    public static bool IsFoldingWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static ByteClass[] BuildTable()
    {
        var table = new ByteClass[256];
        for (var i = 0; i < 256; i++)
        {
            var c = (char)i;
            var cls = ByteClass.None;
            if (c is ' ' or '\t')
            {
                cls |= ByteClass.Whitespace;
            }

            if (i >= 0x80 || (i > 32 && i < 127 && !AtomSpecials.Contains(c)))
            {
                cls |= ByteClass.AtomText;
            }

            if (i > 32 && i < 127 && !TokenSpecials.Contains(c))
            {
                cls |= ByteClass.Token;
                if (c is not ('*' or '\'' or '%'))
                {
                    cls |= ByteClass.AttributeChar;
                }
            }

            if (i > 32 && i < 127 && c != ':')
            {
                cls |= ByteClass.FieldName;
            }

            if (char.IsAsciiLetterOrDigit(c) || c is '!' or '*' or '+' or '-' or '/')
            {
                cls |= ByteClass.QPhraseSafe;
            }

            if ((i >= 33 && i <= 60) || (i >= 62 && i <= 126))
            {
                cls |= ByteClass.QuotedPrintableSafe;
            }

            table[i] = cls;
        }

        return table;
    }
}
