using Postern.Mail.Access;
using Postern.Mail.Mailboxes;
using Postern.Storage;

namespace Postern.Mail.Messages;

/// <summary>
/// What users do to stored messages: flags, copy, move, remove, expunge. Every method refreshes the
/// mailbox and checks the user's current rights; every change is one store transaction, so sessions
/// working on the same messages at once never lose or duplicate one.
/// </summary>
public sealed class MessageOperations(
    IStore store, MailboxAccess access, MailboxService mailboxes, MailPreferences preferences, MessageAppender appender)
{
    /// <summary>Stores a message in a mailbox the user may insert into (XIMSS <c>messageAppend</c>, a WebUser draft).</summary>
    /// <param name="createClass">When set, a missing mailbox is created with this class.</param>
    /// <param name="internalDate">The arrival time to record; now when null.</param>
    /// <returns>The mailbox and the UID the message got; it is durable when the task completes.</returns>
    /// <exception cref="MailException">The mailbox is unknown, the right is missing, the flags are invalid or the message is too large.</exception>
    public async Task<(AccessibleMailbox Mailbox, AppendedMessage Message)> AppendAsync(
        MailUser user, string mailbox, ReadOnlyMemory<byte> content, MessageFlags flags, IReadOnlyList<string> keywords,
        DateTimeOffset? internalDate, string? createClass, CancellationToken cancellationToken)
    {
        FlagChanges.Validate(new FlagUpdate(flags, MessageFlags.None, keywords, []));
        var target = createClass is null
            ? await access.GetAsync(user, mailbox, cancellationToken)
            : await mailboxes.GetOrCreateAsync(user, mailbox, createClass, cancellationToken);
        target.Require(MailboxRights.Insert, "add messages to it");
        return (target, await appender.AppendAsync(target.Record, content, flags, keywords, internalDate, cancellationToken));
    }

    /// <summary>Sets and clears flags and keywords (XIMSS <c>messageMark</c>, WebUser read/unread/flag/delete…).</summary>
    /// <returns>The messages whose flags changed, with their new flags.</returns>
    /// <exception cref="MailException">The change is invalid or the user lacks the rights it needs (Seen: s, Deleted: d, others: w).</exception>
    public async Task<IReadOnlyList<MessageViewEntry>> MarkAsync(
        MailUser user, AccessibleMailbox mailbox, IReadOnlyList<uint> uids, FlagUpdate update, CancellationToken cancellationToken)
    {
        FlagChanges.Validate(update);
        var current = await access.RefreshAsync(user, mailbox, cancellationToken);
        current.Require(FlagChanges.RequiredRights(update), "change these flags");
        return await store.Messages.UpdateFlagsAsync(current.Id, uids, update, cancellationToken);
    }

    /// <summary>Copies messages into another mailbox (XIMSS <c>messageCopy</c>, WebUser Copy).</summary>
    /// <param name="createClass">When set, a missing target is created with this class (XIMSS <c>mailboxClass</c>).</param>
    /// <returns>The source and target UID of each message copied; UIDs that do not exist are left out.</returns>
    /// <exception cref="MailException">A mailbox is unknown, or the user may not read the source or insert into the target.</exception>
    public Task<IReadOnlyList<CopiedMessage>> CopyAsync(
        MailUser user, AccessibleMailbox source, IReadOnlyList<uint> uids, string target, string? createClass, CancellationToken cancellationToken) =>
        TransferAsync(user, source, uids, target, createClass, move: false, cancellationToken);

    /// <summary>Moves messages into another mailbox in one transaction (XIMSS <c>messageMove</c>, WebUser Move).</summary>
    /// <exception cref="MailException">As for copy; moving also needs the delete right on the source.</exception>
    public Task<IReadOnlyList<CopiedMessage>> MoveAsync(
        MailUser user, AccessibleMailbox source, IReadOnlyList<uint> uids, string target, string? createClass, CancellationToken cancellationToken) =>
        TransferAsync(user, source, uids, target, createClass, move: true, cancellationToken);

    /// <summary>
    /// Deletes messages as <paramref name="method"/> says, or as the user's DeleteMethod preference says when
    /// it is null: moved to Trash (erased when already there), erased, or marked Deleted.
    /// </summary>
    /// <exception cref="MailException">The user lacks the delete right (or the read right, to move to Trash).</exception>
    public async Task<RemoveResult> RemoveAsync(
        MailUser user, AccessibleMailbox mailbox, IReadOnlyList<uint> uids, DeleteMethod? method, CancellationToken cancellationToken)
    {
        var current = await access.RefreshAsync(user, mailbox, cancellationToken);
        current.Require(MailboxRights.Delete, "delete its messages");
        var how = method ?? await preferences.GetDeleteMethodAsync(user, cancellationToken);
        switch (how)
        {
            case DeleteMethod.Mark:
                var marked = await store.Messages.UpdateFlagsAsync(current.Id, uids, FlagUpdate.Adding(MessageFlags.Deleted), cancellationToken);
                return new RemoveResult(how, [], marked.Select(m => m.Uid).ToArray());
            case DeleteMethod.MoveToTrash:
                var trash = await TrashAsync(user, cancellationToken);
                if (trash.Id != current.Id)
                {
                    current.Require(MailboxRights.Read, "move its messages");
                    var moved = await store.Messages.CopyAsync(current.Id, uids, trash.Id, move: true, cancellationToken);
                    return new RemoveResult(how, moved.Select(m => m.SourceUid).ToArray(), []);
                }
                break;
        }
        return new RemoveResult(DeleteMethod.Immediately, await store.Messages.ExpungeAsync(current.Id, uids, cancellationToken), []);
    }

    /// <summary>Deletes every message of the mailbox as the preference (or <paramref name="method"/>) says (WebUser DeleteAll).</summary>
    public async Task<RemoveResult> RemoveAllAsync(MailUser user, AccessibleMailbox mailbox, DeleteMethod? method, CancellationToken cancellationToken)
    {
        var listing = await store.Messages.ListAsync(mailbox.Id, MessageSortField.Uid, false, MessageFlagFilter.All, cancellationToken);
        return await RemoveAsync(user, mailbox, listing.Entries.Select(e => e.Uid).ToArray(), method, cancellationToken);
    }

    /// <summary>Erases the messages flagged Deleted (XIMSS <c>folderExpunge</c>, WebUser Purge).</summary>
    /// <returns>The UIDs erased.</returns>
    /// <exception cref="MailException">The user lacks the delete right.</exception>
    public async Task<IReadOnlyList<uint>> ExpungeAsync(MailUser user, AccessibleMailbox mailbox, CancellationToken cancellationToken)
    {
        var current = await access.RefreshAsync(user, mailbox, cancellationToken);
        current.Require(MailboxRights.Delete, "expunge its messages");
        return await store.Messages.ExpungeDeletedAsync(current.Id, cancellationToken);
    }

    private async Task<IReadOnlyList<CopiedMessage>> TransferAsync(
        MailUser user, AccessibleMailbox source, IReadOnlyList<uint> uids, string target, string? createClass, bool move,
        CancellationToken cancellationToken)
    {
        var from = await access.RefreshAsync(user, source, cancellationToken);
        from.Require(move ? MailboxRights.Read | MailboxRights.Delete : MailboxRights.Read, move ? "move its messages" : "copy its messages");
        var to = createClass is null
            ? await access.GetAsync(user, target, cancellationToken)
            : await mailboxes.GetOrCreateAsync(user, target, createClass, cancellationToken);
        to.Require(MailboxRights.Insert, "add messages to it");
        try
        {
            return await store.Messages.CopyAsync(from.Id, uids, to.Id, move, cancellationToken);
        }
        catch (StoreNotFoundException)
        {
            throw new UnknownMailboxException(to.Name);
        }
    }

    private async Task<AccessibleMailbox> TrashAsync(MailUser user, CancellationToken cancellationToken)
    {
        // The Trash is created when missing, as WebUser does.
        var name = await preferences.GetTrashBoxAsync(user, cancellationToken);
        return await mailboxes.GetOrCreateAsync(user, name, MailboxClass.Mail, cancellationToken);
    }
}

/// <summary>What a delete did.</summary>
/// <param name="Method">How the messages were deleted (Immediately when moving to Trash was erasing in the Trash itself).</param>
/// <param name="Removed">UIDs that left the mailbox (erased, or moved to Trash).</param>
/// <param name="Marked">UIDs newly flagged Deleted.</param>
public sealed record RemoveResult(DeleteMethod Method, IReadOnlyList<uint> Removed, IReadOnlyList<uint> Marked);
