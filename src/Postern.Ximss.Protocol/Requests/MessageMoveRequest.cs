namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;messageMove id folder targetMailbox [mailboxClass]&gt;&lt;UID&gt;…&lt;/messageMove&gt;</c>: moves messages to another mailbox (docs/ximss.md §5.5).</summary>
public sealed record MessageMoveRequest(string Id, MessageTransfer Transfer) : XimssRequest(Id)
{
    internal static MessageMoveRequest Parse(RequestElementReader reader) => new(reader.Id, MessageTransfer.Parse(reader));
}
