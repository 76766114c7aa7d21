using Postern.Mail.Search;
using Postern.Storage;
using FlagList = Postern.Ximss.Protocol.Values.FlagList;
using WireFlags = Postern.Ximss.Protocol.Values.MessageFlags;

namespace Postern.Ximss.Mail;

/// <summary>
/// The codec's flag names (<see cref="WireFlags"/>, docs/ximss.md §8.1) and the store's flags are the same
/// vocabulary with different bit layouts: this maps between them by name.
/// </summary>
internal static class MailFlags
{
    private static readonly (WireFlags Wire, MessageFlags Stored)[] s_pairs =
    [
        (WireFlags.Seen, MessageFlags.Seen),
        (WireFlags.Answered, MessageFlags.Answered),
        (WireFlags.Flagged, MessageFlags.Flagged),
        (WireFlags.Draft, MessageFlags.Draft),
        (WireFlags.Deleted, MessageFlags.Deleted),
        (WireFlags.Redirected, MessageFlags.Redirected),
        (WireFlags.MdnSent, MessageFlags.MDNSent),
        (WireFlags.Hidden, MessageFlags.Hidden),
        (WireFlags.Service, MessageFlags.Service),
        (WireFlags.Media, MessageFlags.Media),
        (WireFlags.Junk, MessageFlags.Junk),
        (WireFlags.Label1, MessageFlags.Label1),
        (WireFlags.Label2, MessageFlags.Label2),
        (WireFlags.Label3, MessageFlags.Label3),
        (WireFlags.Recent, MessageFlags.Recent),
    ];

    public static MessageFlags ToStored(WireFlags flags)
    {
        var stored = MessageFlags.None;
        foreach (var (wire, store) in s_pairs)
        {
            if ((flags & wire) != 0)
                stored |= store;
        }
        return stored;
    }

    public static WireFlags ToWire(MessageFlags flags)
    {
        var wire = WireFlags.None;
        foreach (var (name, stored) in s_pairs)
        {
            if ((flags & stored) != 0)
                wire |= name;
        }
        return wire;
    }

    /// <summary>A <c>messageMark</c> list as a change: positive names set, negations clear.</summary>
    public static FlagUpdate ToUpdate(FlagList flags) =>
        new(ToStored(flags.Set), ToStored(flags.Cleared), flags.SetKeywords, flags.ClearedKeywords);

    /// <summary>
    /// A <c>filterField="FLAGS"</c> list as a view filter: positive names must be set, negations clear;
    /// keywords become search conditions, since the store filters by flags only.
    /// </summary>
    public static (MessageFlagFilter Flags, SearchCriteria? Keywords) ToFilter(FlagList flags)
    {
        var filter = new MessageFlagFilter(ToStored(flags.Set), ToStored(flags.Cleared));
        SearchCriteria[] keywords =
        [
            .. flags.SetKeywords.Select(k => new SearchCriteria.Keyword(k, Present: true)),
            .. flags.ClearedKeywords.Select(k => new SearchCriteria.Keyword(k, Present: false)),
        ];
        return (filter, keywords.Length switch
        {
            0 => null,
            1 => keywords[0],
            _ => new SearchCriteria.And(keywords),
        });
    }
}
