using System.Globalization;
using System.Text;
using Postern.Mime.Addresses;
using Postern.Mime.Headers;
using Postern.Mime.Parsing;

namespace Postern.Mime.Writing;

/// <summary>Writes header field values of each kind: text, addresses, identifiers, dates, parameterised values.</summary>
internal static class HeaderFormatter
{
    /// <summary>The longest parameter section written on one line (RFC 2231 §3 continuations keep lines short).</summary>
    private const int MaxParameterSection = 60;

    /// <summary>Field names whose values are address lists (RFC 5322 §3.6, RFC 8098 §2.1, and CommuniGate's list).</summary>
    public static readonly HashSet<string> AddressFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Resent-From", "Resent-Sender", "Resent-To", "Resent-Cc",
        "Resent-Bcc", "Disposition-Notification-To", "Return-Receipt-To", "Errors-To",
    };

    /// <summary>Unstructured text (RFC 5322 §3.2.5): plain words as they are, the span of words that need it encoded.</summary>
    public static void WriteText(HeaderLineWriter writer, string name, string value)
    {
        writer.StartField(name);

        // A line break inside a value would end the field early (and let text inject fields): it becomes a space.
        var words = SplitWords(value.Replace('\r', ' ').Replace('\n', ' '));
        var first = words.FindIndex(w => !Rfc2047Encoder.IsPlain(w.Word));
        var last = words.FindLastIndex(w => !Rfc2047Encoder.IsPlain(w.Word));
        for (var i = 0; i < words.Count; i++)
        {
            if (i == first)
            {
                var encoded = Rfc2047Encoder.Encode(Join(words, first, last), phrase: false);
                writer.WriteToken(words[i].Space, encoded[0]);
                foreach (var word in encoded.Skip(1))
                {
                    writer.WriteToken(" ", word);
                }

                i = last;
                continue;
            }

            writer.WriteToken(words[i].Space, words[i].Word);
        }

        writer.EndField();
    }

    public static void WriteAddresses(HeaderLineWriter writer, string name, IReadOnlyList<AddressEntry> entries)
    {
        writer.StartField(name);
        for (var i = 0; i < entries.Count; i++)
        {
            var separator = i + 1 < entries.Count ? "," : "";
            if (entries[i] is GroupAddress group)
            {
                WritePhrase(writer, group.Name ?? "undisclosed-recipients", ":");
                for (var m = 0; m < group.Members.Count; m++)
                {
                    WriteMailbox(writer, group.Members[m], m + 1 < group.Members.Count ? "," : "");
                }

                writer.WriteToken("", ";" + separator);
            }
            else if (entries[i] is MailboxAddress mailbox)
            {
                WriteMailbox(writer, mailbox, separator);
            }
        }

        writer.EndField();
    }

    public static void WriteMessageIds(HeaderLineWriter writer, string name, IEnumerable<string> ids)
    {
        writer.StartField(name);
        foreach (var id in ids)
        {
            writer.WriteToken(" ", "<" + id.Trim('<', '>', ' ') + ">");
        }

        writer.EndField();
    }

    public static void WriteDate(HeaderLineWriter writer, string name, DateTimeOffset date) =>
        WriteText(writer, name, MailDate.Format(date));

    /// <summary>
    /// A token followed by parameters (Content-Type, Content-Disposition). ASCII values are quoted; others,
    /// and long ones, use RFC 2231 §3-4 sections with UTF-8 percent-encoding.
    /// </summary>
    public static void WriteParameterized(HeaderLineWriter writer, string name, string token, IEnumerable<HeaderParameter> parameters)
    {
        writer.StartField(name);
        var pending = token;
        foreach (var parameter in parameters)
        {
            writer.WriteToken(" ", pending + ";");
            var sections = FormatParameter(parameter.Name, parameter.Value);
            for (var i = 0; i < sections.Count - 1; i++)
            {
                writer.WriteToken(" ", sections[i] + ";");
            }

            pending = sections[^1];
        }

        writer.WriteToken(" ", pending);
        writer.EndField();
    }

    private static List<string> FormatParameter(string name, string value)
    {
        var isPlain = value.Length <= MaxParameterSection && !value.ContainsAnyExceptInRange((char)0x20, (char)0x7E)
            && !value.Contains("=?", StringComparison.Ordinal);
        if (isPlain)
        {
            return [name + "=" + Quote(value)];
        }

        // RFC 2231 §4: attribute-char bytes stand for themselves, the rest are %XX of UTF-8.
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (ByteClasses.Is(b, ByteClass.AttributeChar))
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        var text = encoded.ToString();
        if (text.Length <= MaxParameterSection)
        {
            return [name + "*=utf-8''" + text];
        }

        var sections = new List<string>();
        for (var start = 0; start < text.Length;)
        {
            var length = Math.Min(MaxParameterSection, text.Length - start);

            // Never cut a %XX escape.
            while (length < text.Length - start && length > 2 && (text[start + length - 1] == '%' || text[start + length - 2] == '%'))
            {
                length--;
            }

            var prefix = sections.Count == 0 ? "utf-8''" : "";
            sections.Add($"{name}*{sections.Count.ToString(CultureInfo.InvariantCulture)}*={prefix}{text.Substring(start, length)}");
            start += length;
        }

        return sections;
    }

    private static void WriteMailbox(HeaderLineWriter writer, MailboxAddress mailbox, string separator)
    {
        var local = mailbox.LocalPart.Length == 0 || MailboxAddress.IsDotAtom(mailbox.LocalPart) ? mailbox.LocalPart : MailboxAddress.Quote(mailbox.LocalPart);
        var address = mailbox.Domain.Length == 0 ? local : local + "@" + mailbox.AsciiDomain;
        if (mailbox.Name is null)
        {
            writer.WriteToken(" ", address + separator);
            return;
        }

        WritePhrase(writer, mailbox.Name, "");
        writer.WriteToken(" ", "<" + address + ">" + separator);
    }

    /// <summary>A display name: atoms as they are, other ASCII quoted, anything else encoded (RFC 2047 §5(3)).</summary>
    private static void WritePhrase(HeaderLineWriter writer, string phrase, string suffix)
    {
        var clean = phrase.Replace('\r', ' ').Replace('\n', ' ');
        var words = clean.Split(' ');
        if (words.All(w => w.Length > 0 && w.Length <= Rfc2047Encoder.MaxPlainWordLength && IsAtom(w)))
        {
            for (var i = 0; i < words.Length; i++)
            {
                writer.WriteToken(" ", i + 1 == words.Length ? words[i] + suffix : words[i]);
            }

            return;
        }

        if (!clean.ContainsAnyExceptInRange((char)0x20, (char)0x7E) && !clean.Contains("=?", StringComparison.Ordinal)
            && clean.Length <= Rfc2047Encoder.MaxPlainWordLength)
        {
            writer.WriteToken(" ", MailboxAddress.Quote(clean) + suffix);
            return;
        }

        var encoded = Rfc2047Encoder.Encode(clean, phrase: true);
        for (var i = 0; i < encoded.Count; i++)
        {
            writer.WriteToken(" ", i + 1 == encoded.Count ? encoded[i] + suffix : encoded[i]);
        }
    }

    private static bool IsAtom(string word)
    {
        foreach (var c in word)
        {
            if (c >= 0x80 || !ByteClasses.Is((byte)c, ByteClass.AtomText) || c == '=')
            {
                return false;
            }
        }

        return true;
    }

    private static string Quote(string value) => MailboxAddress.Quote(value);

    private static List<(string Space, string Word)> SplitWords(string value)
    {
        var words = new List<(string, string)>();
        var i = 0;
        while (i < value.Length)
        {
            var spaceStart = i;
            while (i < value.Length && value[i] is ' ' or '\t')
            {
                i++;
            }

            var wordStart = i;
            while (i < value.Length && value[i] is not (' ' or '\t'))
            {
                i++;
            }

            if (i > wordStart)
            {
                words.Add((value[spaceStart..wordStart], value[wordStart..i]));
            }
        }

        return words;
    }

    private static string Join(List<(string Space, string Word)> words, int first, int last)
    {
        var sb = new StringBuilder(words[first].Word);
        for (var i = first + 1; i <= last; i++)
        {
            sb.Append(words[i].Space).Append(words[i].Word);
        }

        return sb.ToString();
    }
}
