using Postern.Ximss.Protocol.Values;

namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;messageRemove id folder [mode]&gt;&lt;UID&gt;…&lt;/messageRemove&gt;</c>: removes messages from an open folder (docs/ximss.md §5.5).</summary>
public sealed record MessageRemoveRequest(string Id, string Folder, UidSelection Uids, MessageRemoveMode Mode) : XimssRequest(Id)
{
    internal static MessageRemoveRequest Parse(RequestElementReader reader) =>
        new(reader.Id, reader.Required("folder"), reader.Uids(),
            reader.Choice("mode", MessageRemoveMode.Default, [("Immediately", MessageRemoveMode.Immediately)]));
}
