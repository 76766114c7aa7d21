using Postern.Mime.Encodings;

namespace Postern.Mime.Headers;

/// <summary>Reads Message-ID, In-Reply-To and References values (RFC 5322 §3.6.4).</summary>
public static class MessageIds
{
    /// <summary>How many identifiers one field yields; long References chains hold a few hundred.</summary>
    private const int MaxIds = 1000;

    /// <summary>The identifiers in <paramref name="value"/>, without angle brackets, in order.</summary>
    /// <remarks>
    /// Identifiers in angle brackets are taken as they are (RFC 5322 §3.6.4 msg-id, obsolete forms
    /// included); phrases between them (RFC 5322 §4.5.4 obs-in-reply-to) are skipped. A value without any
    /// angle brackets is split at white space and commas, keeping the words that contain '@'.
    /// </remarks>
    public static IReadOnlyList<string> Parse(ReadOnlySpan<byte> value)
    {
        List<string>? ids = null;
        var rest = value;
        while ((ids?.Count ?? 0) < MaxIds)
        {
            var open = rest.IndexOf((byte)'<');
            if (open < 0)
            {
                break;
            }

            rest = rest[(open + 1)..];
            var close = rest.IndexOfAny((byte)'>', (byte)'<');
            var id = close < 0 ? rest : rest[..close];
            AddId(ref ids, id);
            if (close < 0)
            {
                break;
            }

            rest = rest[close..];
            if (rest[0] == (byte)'>')
            {
                rest = rest[1..];
            }
        }

        if (ids is null)
        {
            foreach (var range in value.SplitAny(" \t\r\n,"u8))
            {
                var word = value[range];
                if (word.IndexOf((byte)'@') > 0 && (ids?.Count ?? 0) < MaxIds)
                {
                    AddId(ref ids, word);
                }
            }
        }

        return ids is null ? [] : ids;
    }

    /// <summary>The first identifier in <paramref name="value"/>, or null.</summary>
    public static string? ParseFirst(ReadOnlySpan<byte> value)
    {
        var ids = Parse(value);
        return ids.Count == 0 ? null : ids[0];
    }

    private static void AddId(ref List<string>? ids, ReadOnlySpan<byte> id)
    {
        // Folding inside an identifier is not allowed, but broken writers fold long ones.
        Span<byte> compact = id.Length <= 512 ? stackalloc byte[id.Length] : new byte[id.Length];
        var n = 0;
        foreach (var b in id)
        {
            if (!Parsing.ByteClasses.IsFoldingWhitespace(b))
            {
                compact[n++] = b;
            }
        }

        if (n > 0)
        {
            (ids ??= []).Add(Charsets.DecodeLenient(compact[..n]));
        }
    }
}
