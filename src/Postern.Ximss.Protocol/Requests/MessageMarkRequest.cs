using Postern.Ximss.Protocol.Values;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;messageMark id folder flags&gt;&lt;UID&gt;n&lt;/UID&gt;…&lt;/messageMark&gt;</c>: sets the flags named
/// positively and clears those named by negation (<c>Seen</c>, <c>Unseen</c>, custom keywords…), docs/ximss.md §5.5.
/// Changes reach the client as <c>folderReport mode="updated"</c>.
/// </summary>
public sealed record MessageMarkRequest(string Id, string Folder, FlagList Flags, UidSelection Uids) : XimssRequest(Id)
{
    internal static MessageMarkRequest Parse(RequestElementReader reader)
    {
        var folder = reader.Required("folder");
        var flags = reader.Flags("flags", required: true);
        // RFC 3501 §2.3.2: \Recent is the server's to manage; clients cannot set or clear it.
        if (((flags.Set | flags.Cleared) & MessageFlags.Recent) != 0)
            reader.Fail(XimssError.InvalidAttribute("flags", "Recent cannot be changed"));
        return new(reader.Id, folder, flags, reader.Uids());
    }
}
