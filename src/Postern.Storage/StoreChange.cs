namespace Postern.Storage;

/// <summary>One entry of the change feed: something changed for an account (and maybe one of its mailboxes).</summary>
/// <remarks>
/// Entries are coarse on purpose: one per transaction and mailbox, not one per message. A reader
/// learns <em>where</em> to look and then asks the store what changed there (for messages:
/// <see cref="IMessageRepository.GetDeltaAsync"/> since the modification sequence it last saw).
/// </remarks>
/// <param name="Sequence">Increases with every entry across the whole store.</param>
/// <param name="MailboxId">The mailbox concerned, or null for account-level changes.</param>
public sealed record StoreChange(long Sequence, StoreChangeKind Kind, long AccountId, long? MailboxId, DateTimeOffset Time);

public enum StoreChangeKind
{
    MailboxCreated = 1,
    MailboxRenamed = 2,
    MailboxRemoved = 3,
    MessagesAdded = 4,
    MessagesUpdated = 5,
    MessagesRemoved = 6,
    PrefsChanged = 7,
    AlertPosted = 8,
    AccountRemoved = 9,
}
