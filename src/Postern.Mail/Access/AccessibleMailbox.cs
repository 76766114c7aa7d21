using Postern.Accounts;
using Postern.Mail.Mailboxes;
using Postern.Storage;

namespace Postern.Mail.Access;

/// <summary>A mailbox as one user reaches it: its record, the name the user calls it by, its owner and the user's rights.</summary>
/// <param name="Name">
/// The user's name for it: an own mailbox's name, an alias, or <c>~owner@domain/mailbox</c> for another
/// account's mailbox.
/// </param>
/// <param name="IsOwn">Whether the user owns it (and so has every right).</param>
public sealed record AccessibleMailbox(MailboxRecord Record, string Name, AccountName Owner, bool IsOwn, MailboxRights Rights)
{
    public long Id => Record.Id;

    public bool Allows(MailboxRights rights) => (Rights & rights) == rights;

    /// <summary>Throws unless the user has every right in <paramref name="rights"/>.</summary>
    /// <param name="operation">What the user tried, for the message ("expunge messages").</param>
    /// <exception cref="MailAccessDeniedException">A right is missing.</exception>
    public void Require(MailboxRights rights, string operation)
    {
        if (!Allows(rights))
            throw new MailAccessDeniedException(Name, operation);
    }
}
