namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;messageCopy id folder targetMailbox [mailboxClass] [doMove]&gt;&lt;UID&gt;…&lt;/messageCopy&gt;</c>:
/// copies messages to another mailbox; with <c>doMove="yes"</c> it moves them (docs/ximss.md §5.5).
/// </summary>
public sealed record MessageCopyRequest(string Id, MessageTransfer Transfer, bool DoMove) : XimssRequest(Id)
{
    internal static MessageCopyRequest Parse(RequestElementReader reader) =>
        new(reader.Id, MessageTransfer.Parse(reader), reader.YesNo("doMove"));
}
