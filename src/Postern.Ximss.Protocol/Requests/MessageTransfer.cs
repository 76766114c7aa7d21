using Postern.Ximss.Protocol.Values;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// What <c>messageCopy</c> and <c>messageMove</c> share: the source folder, the messages, and the target
/// (<c>targetMailbox</c>, or <c>mailbox</c> as the Flash library's request object calls it, docs/ximss.md §5.5).
/// </summary>
/// <param name="Folder">The open folder the messages are in.</param>
/// <param name="Uids">The messages.</param>
/// <param name="TargetMailbox">The mailbox to put them in.</param>
/// <param name="MailboxClass">When set, the target is created with this class if it does not exist.</param>
public sealed record MessageTransfer(string Folder, UidSelection Uids, string TargetMailbox, string? MailboxClass)
{
    internal static MessageTransfer Parse(RequestElementReader reader)
    {
        var folder = reader.Required("folder");
        var target = reader.Optional("targetMailbox") ?? reader.Optional("mailbox");
        if (target is null)
            reader.Fail(XimssError.MissingAttribute("targetMailbox"));
        return new(folder, reader.Uids(), target ?? "", reader.Optional("mailboxClass"));
    }
}
