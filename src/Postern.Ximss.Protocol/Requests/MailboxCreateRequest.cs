namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;mailboxCreate id mailbox [mailboxClass]/&gt;</c>: creates a mailbox, of a class such as <c>IPF.Contact</c> when given (docs/ximss.md §5.3).</summary>
public sealed record MailboxCreateRequest(string Id, string Mailbox, string? MailboxClass) : XimssRequest(Id)
{
    internal static MailboxCreateRequest Parse(RequestElementReader reader) =>
        new(reader.Id, reader.Required("mailbox"), reader.Optional("mailboxClass"));
}
