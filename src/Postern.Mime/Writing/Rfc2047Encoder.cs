using System.Text;
using Postern.Mime.Parsing;

namespace Postern.Mime.Writing;

/// <summary>Turns header text into RFC 2047 encoded-words (UTF-8, B or Q, whichever is shorter).</summary>
internal static class Rfc2047Encoder
{
    /// <summary>RFC 2047 §2: "An 'encoded-word' may not be more than 75 characters long".</summary>
    private const int MaxWordLength = 75;

    /// <summary>"=?utf-8?X?" and "?=".</summary>
    private const int Overhead = 12;

    /// <summary>
    /// The longest ASCII run without white space written as it is (a long URL stays usable); a longer one
    /// is encoded so it can be folded, because RFC 5322 §2.1.1 caps lines at 998 characters and the field
    /// name shares the first line.
    /// </summary>
    public const int MaxPlainWordLength = 900;

    /// <summary>Whether <paramref name="word"/> can appear in a header as it is.</summary>
    public static bool IsPlain(ReadOnlySpan<char> word) =>
        word.Length <= MaxPlainWordLength && !word.Contains("=?", StringComparison.Ordinal) && !word.ContainsAnyExceptInRange((char)0x21, (char)0x7E);

    /// <summary>
    /// Encodes <paramref name="text"/> as encoded-words of at most 75 characters, each holding whole characters
    /// (RFC 2047 §5: a multi-byte character must not be split across words).
    /// </summary>
    /// <param name="phrase">Whether the words go in a phrase (display name), where Q may leave fewer characters bare (§5(3)).</param>
    public static List<string> Encode(string text, bool phrase)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var useQ = QLength(bytes, phrase) <= (bytes.Length + 2) / 3 * 4;
        var words = new List<string>();
        var chunk = new List<byte>();
        var chunkLength = 0;
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var n = rune.EncodeToUtf8(utf8);
            var runeLength = useQ ? QLength(utf8[..n], phrase) : 0;
            var next = useQ ? chunkLength + runeLength : (chunk.Count + n + 2) / 3 * 4;
            if (chunk.Count > 0 && next > MaxWordLength - Overhead)
            {
                words.Add(Word([.. chunk], useQ, phrase));
                chunk.Clear();
                chunkLength = 0;
            }

            chunk.AddRange(utf8[..n]);
            chunkLength += runeLength;
        }

        if (chunk.Count > 0)
        {
            words.Add(Word([.. chunk], useQ, phrase));
        }

        return words;
    }

    private static string Word(byte[] bytes, bool useQ, bool phrase)
    {
        if (!useQ)
        {
            return "=?utf-8?B?" + Convert.ToBase64String(bytes) + "?=";
        }

        var sb = new StringBuilder("=?utf-8?Q?");
        foreach (var b in bytes)
        {
            if (b == (byte)' ')
            {
                sb.Append('_');   // RFC 2047 §4.2(2)
            }
            else if (IsQSafe(b, phrase))
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('=').Append(Convert.ToHexString([b]));
            }
        }

        return sb.Append("?=").ToString();
    }

    private static int QLength(ReadOnlySpan<byte> bytes, bool phrase)
    {
        var length = 0;
        foreach (var b in bytes)
        {
            length += b == (byte)' ' || IsQSafe(b, phrase) ? 1 : 3;
        }

        return length;
    }

    /// <summary>RFC 2047 §5(3) in phrases; elsewhere printable ASCII but '=', '?', '_' and white space.</summary>
    private static bool IsQSafe(byte b, bool phrase) =>
        phrase ? ByteClasses.Is(b, ByteClass.QPhraseSafe) : b > 0x20 && b < 0x7F && b is not ((byte)'=' or (byte)'?' or (byte)'_');
}
