using Postern.Mime.Headers;
using Postern.Storage;

namespace Postern.Mail.Mbox;

/// <summary>
/// The flags mbox mail readers keep in the message header: <c>Status: RO</c> (R read) and
/// <c>X-Status: AFTD</c> (answered, flagged, draft, deleted), as mutt, Pine and Thunderbird write them.
/// </summary>
public static class MboxFlags
{
    public static MessageFlags Read(HeaderList headers)
    {
        var flags = MessageFlags.None;
        if (headers.GetText("Status") is { } status && status.Contains('R', StringComparison.Ordinal))
            flags |= MessageFlags.Seen;
        if (headers.GetText("X-Status") is { } extended)
        {
            foreach (var letter in extended)
            {
                flags |= letter switch
                {
                    'A' => MessageFlags.Answered,
                    'F' => MessageFlags.Flagged,
                    'T' => MessageFlags.Draft,
                    'D' => MessageFlags.Deleted,
                    _ => MessageFlags.None,
                };
            }
        }
        return flags;
    }
}
