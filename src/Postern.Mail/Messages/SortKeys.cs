using Postern.Mime.Addresses;

namespace Postern.Mail.Messages;

/// <summary>The keys folder views sort by, computed once when a message is stored.</summary>
public static class SortKeys
{
    /// <summary>
    /// The subject lower-cased, with reply and forward prefixes removed however often they repeat
    /// (<c>Re:</c>, <c>Re[2]:</c>, <c>Fwd:</c>, <c>Fw:</c>), so a thread sorts together (the base
    /// subject of RFC 5256 §2.1, without its list-tag and trailer rules).
    /// </summary>
    public static string Subject(string? subject)
    {
        var text = (subject ?? "").Trim();
        while (true)
        {
            var stripped = StripPrefix(text);
            if (stripped.Length == text.Length)
                return text.ToLowerInvariant();
            text = stripped.TrimStart();
        }
    }

    /// <summary>The first address's display name, or its address when it has none, lower-cased.</summary>
    public static string Address(IReadOnlyList<MailboxAddress> addresses)
    {
        if (addresses.Count == 0)
            return "";
        var first = addresses[0];
        return (string.IsNullOrWhiteSpace(first.Name) ? first.Address : first.Name.Trim()).ToLowerInvariant();
    }

    private static string StripPrefix(string text)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["re", "fwd", "fw"])
        {
            if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                continue;
            var rest = text.AsSpan(prefix.Length).TrimStart();
            // "Re[2]:" — a reply count some clients add.
            if (rest.StartsWith('['))
            {
                var close = rest.IndexOf(']');
                if (close < 0 || !int.TryParse(rest[1..close], out _))
                    continue;
                rest = rest[(close + 1)..].TrimStart();
            }
            if (rest.StartsWith(':'))
                return rest[1..].ToString();
        }
        return text;
    }
}
