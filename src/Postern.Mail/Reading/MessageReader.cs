using Postern.Mail.Access;
using Postern.Mail.Mailboxes;
using Postern.Mime;
using Postern.Mime.Writing;
using Postern.Storage;

namespace Postern.Mail.Reading;

/// <summary>
/// Opens stored messages for reading (XIMSS <c>folderRead</c>, WebUser's Message page and downloads) and
/// makes reply and forward drafts of them.
/// </summary>
public sealed class MessageReader(IStore store, MailboxAccess access, UserAddresses addresses)
{
    /// <summary>
    /// Opens a message the user may read and parses it in place over the store's lease of its bytes, without
    /// copying them; dispose the result when done with it.
    /// </summary>
    /// <param name="markSeen">Set the Seen flag, as reading a message does, when the user may keep it (right s).</param>
    /// <exception cref="MailException">The mailbox or message is unknown, or the user may not read it.</exception>
    public async Task<StoredMessage> OpenAsync(MailUser user, AccessibleMailbox mailbox, uint uid, bool markSeen, CancellationToken cancellationToken)
    {
        var current = await RequireReadAsync(user, mailbox, cancellationToken);
        var record = (await store.Messages.GetAsync(current.Id, [uid], cancellationToken)).SingleOrDefault() ?? throw NotFound(current, uid);
        ContentLease lease;
        try
        {
            lease = await store.Messages.LeaseContentAsync(current.Id, uid, cancellationToken);
        }
        catch (StoreNotFoundException)
        {
            // Expunged since its metadata was read.
            throw NotFound(current, uid);
        }

        try
        {
            if (markSeen && (record.Flags & MessageFlags.Seen) == 0 && current.Allows(MailboxRights.Seen))
            {
                var updated = await store.Messages.UpdateFlagsAsync(current.Id, [uid], FlagUpdate.Adding(MessageFlags.Seen), cancellationToken);
                record = updated.Count == 0 ? record : record with { Flags = updated[0].Flags, ModSeq = updated[0].ModSeq };
            }
            return new StoredMessage(current, record, lease);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>The raw stored bytes of a message, streamed (XIMSS <c>folderRead mode="source"</c>, WebUser's source view).</summary>
    /// <exception cref="MailException">The mailbox or message is unknown, or the user may not read it.</exception>
    public async Task<Stream> OpenSourceAsync(MailUser user, AccessibleMailbox mailbox, uint uid, CancellationToken cancellationToken)
    {
        var current = await RequireReadAsync(user, mailbox, cancellationToken);
        return await store.Messages.OpenContentAsync(current.Id, uid, cancellationToken) ?? throw NotFound(current, uid);
    }

    /// <summary>
    /// A ready-to-edit draft answering or forwarding a message (XIMSS <c>folderRead mode="replyFrom|replyAll|forward"</c>,
    /// WebUser Compose with Operation): From is the user, and a reply-all leaves the user's own addresses out.
    /// </summary>
    public Task<ComposedMessage> CreateDraftAsync(MailUser user, StoredMessage original, DraftKind kind, CancellationToken cancellationToken) =>
        CreateDraftAsync(user, original, kind, DraftFormat.PlainText, cancellationToken);

    /// <summary>
    /// A draft as <see cref="CreateDraftAsync(MailUser, StoredMessage, DraftKind, CancellationToken)"/> makes it, with its text as
    /// plain text or as HTML (XIMSS <c>replyFromHTML</c>, <c>replyAllHTML</c>, <c>forwardHTML</c>; see <see cref="HtmlDrafts"/>).
    /// </summary>
    public async Task<ComposedMessage> CreateDraftAsync(
        MailUser user, StoredMessage original, DraftKind kind, DraftFormat format, CancellationToken cancellationToken)
    {
        var options = new ReplyOptions
        {
            From = UserAddresses.Primary(user),
            Self = await addresses.GetAllAsync(user, cancellationToken),
            ReplyAll = kind == DraftKind.ReplyAll,
            ForwardAsAttachment = kind == DraftKind.ForwardAsAttachment,
        };
        var draft = kind is DraftKind.Reply or DraftKind.ReplyAll
            ? ReplyComposer.CreateReply(original.Message, options)
            : ReplyComposer.CreateForward(original.Message, options);
        if (format == DraftFormat.Html)
            HtmlDrafts.ConvertToHtml(draft);
        return draft;
    }

    private async Task<AccessibleMailbox> RequireReadAsync(MailUser user, AccessibleMailbox mailbox, CancellationToken cancellationToken)
    {
        var current = await access.RefreshAsync(user, mailbox, cancellationToken);
        current.Require(MailboxRights.Read, "read its messages");
        return current;
    }

    private static MailException NotFound(AccessibleMailbox mailbox, uint uid) =>
        new(MailErrorCode.MessageNotFound, $"mailbox {mailbox.Name} has no message {uid}");
}

/// <summary>How a draft's text is written.</summary>
public enum DraftFormat
{
    /// <summary>A text/plain body, the original quoted with <c>&gt; </c>.</summary>
    PlainText,

    /// <summary>A text/html body, the original's text quoted in <c>blockquote</c> elements.</summary>
    Html,
}

/// <summary>What kind of draft to make of a message.</summary>
public enum DraftKind
{
    /// <summary>To the author (Reply-To, else From).</summary>
    Reply,

    /// <summary>To the author and every other recipient, except the user.</summary>
    ReplyAll,

    /// <summary>The original quoted inline, its attachments carried over.</summary>
    Forward,

    /// <summary>The original attached whole as message/rfc822.</summary>
    ForwardAsAttachment,
}
