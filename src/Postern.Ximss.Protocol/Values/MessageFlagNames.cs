using System.Text;

namespace Postern.Ximss.Protocol.Values;

/// <summary>The wire names of <see cref="MessageFlags"/> and their negations (docs/ximss.md §8.1, from the CGP Flash library).</summary>
public static class MessageFlagNames
{
    // Order is the order FLAGS are written in; the first name of each flag is the one written.
    private static readonly (MessageFlags Flag, string Name, string[] Negations)[] s_vocabulary =
    [
        (MessageFlags.Seen, "Seen", ["Unseen", "Unread"]),
        (MessageFlags.Answered, "Answered", ["Unanswered"]),
        (MessageFlags.Flagged, "Flagged", ["Unflagged"]),
        (MessageFlags.Draft, "Draft", ["Undraft"]),
        (MessageFlags.Deleted, "Deleted", ["Undeleted"]),
        (MessageFlags.Redirected, "Redirected", ["UnRedirected"]),
        (MessageFlags.MdnSent, "MDNSent", ["NoMDNSent"]),
        (MessageFlags.Hidden, "Hidden", ["NotHidden"]),
        (MessageFlags.Service, "Service", ["NotService"]),
        (MessageFlags.Media, "Media", ["NotMedia"]),
        (MessageFlags.Junk, "Junk", ["NotJunk"]),
        (MessageFlags.Label1, "Label1", ["NotLabel1"]),
        (MessageFlags.Label2, "Label2", ["NotLabel2"]),
        (MessageFlags.Label3, "Label3", ["NotLabel3"]),
        (MessageFlags.Recent, "Recent", []),
    ];

    /// <summary>Recognises a flag name or negation, case-insensitively (<c>Read</c> counts as <c>Seen</c>).</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out MessageFlags flag, out bool negated)
    {
        if (name.Equals("Read", StringComparison.OrdinalIgnoreCase))
        {
            (flag, negated) = (MessageFlags.Seen, false);
            return true;
        }

        foreach (var (candidate, positive, negations) in s_vocabulary)
        {
            if (name.Equals(positive, StringComparison.OrdinalIgnoreCase))
            {
                (flag, negated) = (candidate, false);
                return true;
            }

            foreach (var negation in negations)
            {
                if (name.Equals(negation, StringComparison.OrdinalIgnoreCase))
                {
                    (flag, negated) = (candidate, true);
                    return true;
                }
            }
        }

        (flag, negated) = (MessageFlags.None, false);
        return false;
    }

    /// <summary>The <c>FLAGS</c> text for a message: its flags in vocabulary order, then its keywords, comma-separated.</summary>
    public static string Format(MessageFlags flags, IEnumerable<string>? keywords = null)
    {
        var text = new StringBuilder();
        foreach (var (flag, name, _) in s_vocabulary)
        {
            if ((flags & flag) != 0)
                text.Append(text.Length == 0 ? "" : ",").Append(name);
        }

        foreach (var keyword in keywords ?? [])
            text.Append(text.Length == 0 ? "" : ",").Append(keyword);
        return text.ToString();
    }
}
