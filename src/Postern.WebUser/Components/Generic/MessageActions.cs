using Postern.Mail.Access;
using Postern.Mail.Messages;
using Postern.Mime.Addresses;
using Postern.Storage;

namespace Postern.WebUser.Components.Generic;

/// <summary>
/// The message-set actions of the Mailbox and Message components (WebApp, Mailbox "Actions"), done by the
/// mail services: forward, redirect, copy, move, delete by the DeleteMethod preference, flags, purge.
/// </summary>
public static class MessageActions
{
    /// <summary>Runs the actions the parameters ask for on <paramref name="uids"/>; returns whether anything may have changed.</summary>
    /// <param name="singleMessage">True for the Message component, whose messageCodes speak of one message (<c>MessageCopied</c>).</param>
    public static async Task<bool> RunAsync(ComponentContext context, AccessibleMailbox mailbox, IReadOnlyList<uint> uids, bool singleMessage)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(mailbox);
        var parameters = context.Parameters;
        var services = context.Services;
        var user = context.User;
        var method = context.Preferences.DeleteMethod;
        var ct = context.CancellationToken;
        var changed = false;

        if ((parameters.Has("Forward") || parameters.Has("Redirect")) && parameters.TryGetNonEmpty("RedirectAddresses", out var addresses) && uids.Count > 0)
        {
            changed = true;
            var forward = parameters.Has("Forward");
            var recipients = AddressList.Parse(addresses).Mailboxes.Select(a => a.Address).ToArray();
            if (await context.TryAsync(() => forward
                    ? services.Submission.ForwardAsync(user, mailbox, uids, recipients, ct)
                    : services.Submission.RedirectAsync(user, mailbox, uids, recipients, ct)))
                context.SetMessage(forward ? (singleMessage ? "MessageForwarded" : "MessagesForwardedInfo") : (singleMessage ? "MessageRedirected" : "MessagesRedirectedInfo"));
        }
        if (parameters.Has("ListApprove"))
            context.SetError("Postern has no mailing lists");

        if ((parameters.Has("Copy") || parameters.Has("Move")) && parameters.TryGetNonEmpty("MailboxName", out var target) && uids.Count > 0)
        {
            changed = true;
            var move = parameters.Has("Move");
            if (await context.TryAsync(() => move
                    ? services.Operations.MoveAsync(user, mailbox, uids, target, createClass: null, ct)
                    : services.Operations.CopyAsync(user, mailbox, uids, target, createClass: null, ct)))
                context.SetMessage(singleMessage ? "MessageCopied" : "MessagesCopiedInfo");
        }
        // WebApp: Delete moves to Trash when that is the DeleteMethod; DeleteAll deletes by the method.
        if (parameters.Has("Delete") && method == DeleteMethod.MoveToTrash && uids.Count > 0)
        {
            changed = true;
            await context.TryAsync(() => services.Operations.RemoveAsync(user, mailbox, uids, DeleteMethod.MoveToTrash, ct));
        }
        if (parameters.Has("DeleteAll"))
        {
            changed = true;
            await context.TryAsync(() => services.Operations.RemoveAllAsync(user, mailbox, method, ct));
        }

        var add = MessageFlags.None;
        var remove = MessageFlags.None;
        if (parameters.Has("read"))
            add |= MessageFlags.Seen;
        if (parameters.Has("unread"))
            remove |= MessageFlags.Seen;
        if (parameters.Has("flag"))
            add |= MessageFlags.Flagged;
        if (parameters.Has("unflag"))
            remove |= MessageFlags.Flagged;
        // WebApp: delete and undelete set flags only when deleted messages are not moved to Trash.
        if (method != DeleteMethod.MoveToTrash)
        {
            if (parameters.Has("delete"))
                add |= MessageFlags.Deleted;
            if (parameters.Has("undelete"))
                remove |= MessageFlags.Deleted;
        }
        if ((add | remove) != MessageFlags.None && uids.Count > 0)
        {
            changed = true;
            await context.TryAsync(() => services.Operations.MarkAsync(user, mailbox, uids, new FlagUpdate(add, remove & ~add, [], []), ct));
        }
        if (parameters.Has("Purge") && method != DeleteMethod.MoveToTrash)
        {
            changed = true;
            await context.TryAsync(() => services.Operations.ExpungeAsync(user, mailbox, ct));
        }
        return changed;
    }
}
