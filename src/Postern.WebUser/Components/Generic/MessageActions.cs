using Postern.Storage;
using Postern.WebUser.Sessions;

namespace Postern.WebUser.Components.Generic;

/// <summary>The message-set actions of the Mailbox and Message components (WebApp, Mailbox "Actions").</summary>
public static class MessageActions
{
    /// <summary>Runs the actions the parameters ask for on <paramref name="uids"/>; returns whether anything may have changed.</summary>
    /// <param name="copiedCode">The messageCode of a successful copy or move: <c>MessagesCopiedInfo</c> (Mailbox) or <c>MessageCopied</c> (Message).</param>
    public static async Task<bool> RunAsync(ComponentContext context, MailboxRecord mailbox, IReadOnlyList<uint> uids, string copiedCode)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(mailbox);
        var parameters = context.Parameters;
        var actions = context.Services.MessageActions;
        var preferences = context.Preferences;
        var ct = context.CancellationToken;
        var changed = false;

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
                context.SetMessage(copiedCode);
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
}
