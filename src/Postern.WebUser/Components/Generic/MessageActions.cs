using Postern.Storage;
using Postern.WebUser.Sessions;

namespace Postern.WebUser.Components.Generic;

/// <summary>The message-set actions of the Mailbox and Message components (WebApp, Mailbox "Actions").</summary>
public static class MessageActions
{
    /// <summary>Runs the actions the parameters ask for on <paramref name="uids"/>; returns whether anything may have changed.</summary>
    /// <param name="singleMessage">True for the Message component, whose messageCodes speak of one message (<c>MessageCopied</c>).</param>
    public static async Task<bool> RunAsync(ComponentContext context, MailboxRecord mailbox, IReadOnlyList<uint> uids, bool singleMessage)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(mailbox);
        var parameters = context.Parameters;
        var actions = context.Services.MessageActions;
        var preferences = context.Preferences;
        var ct = context.CancellationToken;
        var changed = false;

        if ((parameters.Has("Forward") || parameters.Has("Redirect")) && parameters.TryGetNonEmpty("RedirectAddresses", out var addresses) && uids.Count > 0)
        {
            changed = true;
            await SendOnAsync(context, mailbox, uids, Postern.Mime.Addresses.AddressList.Parse(addresses), forward: parameters.Has("Forward"), singleMessage);
        }
        if (parameters.Has("ListApprove"))
            context.SetError("Postern has no mailing lists");

        if ((parameters.Has("Copy") || parameters.Has("Move")) && parameters.TryGetNonEmpty("MailboxName", out var targetName) && uids.Count > 0)
        {
            changed = true;
            if (await context.TryAsync(async () =>
                {
                    var target = await context.Services.Mailboxes.GetAsync(context.Account, targetName, ct);
                    if (!parameters.Has("Move"))
                        await actions.CopyAsync(mailbox, uids, target, ct);
                    else if (preferences.DeleteMethod == DeleteMethod.Mark)
                    {
                        // "Move" with the Mark method keeps the originals, marked Deleted, until they are purged.
                        await actions.CopyAsync(mailbox, uids, target, ct);
                        await actions.SetFlagsAsync(mailbox, uids, MessageFlags.Deleted, MessageFlags.None, ct);
                    }
                    else
                        await actions.MoveAsync(mailbox, uids, target, ct);
                }))
                context.SetMessage(singleMessage ? "MessageCopied" : "MessagesCopiedInfo");
        }
        if (parameters.Has("Delete") && preferences.DeleteMethod == DeleteMethod.MoveToTrash && uids.Count > 0)
        {
            changed = true;
            await context.TryAsync(() => actions.DeleteAsync(context.Account, mailbox, uids, preferences, ct));
        }
        if (parameters.Has("DeleteAll"))
        {
            changed = true;
            await context.TryAsync(async () => await actions.DeleteAsync(context.Account, mailbox, await actions.AllUidsAsync(mailbox, ct), preferences, ct));
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
        if (preferences.DeleteMethod != DeleteMethod.MoveToTrash)
        {
            if (parameters.Has("delete"))
                add |= MessageFlags.Deleted;
            if (parameters.Has("undelete"))
                remove |= MessageFlags.Deleted;
        }
        if ((add | remove) != MessageFlags.None && uids.Count > 0)
        {
            changed = true;
            await context.TryAsync(() => actions.SetFlagsAsync(mailbox, uids, add, remove, ct));
        }
        if (parameters.Has("Purge") && preferences.DeleteMethod != DeleteMethod.MoveToTrash)
        {
            changed = true;
            await context.TryAsync(() => actions.PurgeAsync(mailbox, ct));
        }
        return changed;
    }

    /// <summary>
    /// Redirect: each message is resent unchanged (and gets the Redirected flag). Forward: one new message
    /// carries them all as message/rfc822 attachments, and is filed in Sent like any message sent.
    /// </summary>
    private static async Task SendOnAsync(ComponentContext context, MailboxRecord mailbox, IReadOnlyList<uint> uids,
        Postern.Mime.Addresses.AddressList recipients, bool forward, bool single)
    {
        var services = context.Services;
        var ct = context.CancellationToken;
        var done = await context.TryAsync(async () =>
        {
            var originals = new List<Mail.StoredMessage>();
            foreach (var uid in uids)
            {
                if (await services.Messages.ReadAsync(mailbox, uid, Postern.Mail.Messages.MessageLimits.MaxMessageSize, ct) is { } stored)
                    originals.Add(stored);
            }
            if (originals.Count == 0)
                throw new Postern.Mail.MailException("No message to send on");
            if (!forward)
            {
                foreach (var original in originals)
                    await services.Submission.RedirectAsync(original.Message.RawMessage, recipients, context.Account, ct);
                await services.MessageActions.SetFlagsAsync(mailbox, originals.Select(o => o.Record.Uid).ToArray(), MessageFlags.Redirected, MessageFlags.None, ct);
                return;
            }
            var message = new Postern.Mime.Writing.ComposedMessage
            {
                Subject = originals.Count == 1 ? Postern.Mime.Writing.ReplyComposer.ForwardSubject(originals[0].Message.Subject) : $"Forwarded messages ({originals.Count})",
            };
            message.From.Add(new Postern.Mime.Addresses.MailboxAddress(context.Account.RealName.Length > 0 ? context.Account.RealName : null, context.Session.Account.ToString()));
            message.To.AddRange(recipients);
            message.Body = Postern.Mime.Writing.BodyBuilder.Build("", attachments: originals.Select(o => new Postern.Mime.Writing.ComposedMessagePart(o.Message.RawMessage)));
            await services.Submission.SubmitAsync(message, context.Account, context.Preferences.SentBox, ct);
        });
        if (done)
            context.SetMessage(forward ? (single ? "MessageForwarded" : "MessagesForwardedInfo") : (single ? "MessageRedirected" : "MessagesRedirectedInfo"));
    }
}
