using System.Globalization;
using Postern.Data;
using Postern.Mail.Mailboxes;
using Postern.Storage;
using Postern.WebUser.Components.Generic;
using Postern.WebUser.Sessions;

namespace Postern.WebUser.Components;

/// <summary>
/// WebApp, Mailbox (and wMailbox, Contacts, Notes): acts on the messages the <c>Msg</c> parameters name
/// (forward, redirect, copy, move, delete, flags, purge), finds the next/previous/next unread message, and
/// otherwise shows a page of the mailbox through the generic Mailbox component.
/// </summary>
public class Mailbox : WebUserComponent
{
    private static readonly IReadOnlySet<string> s_actions = Actions(
        "Forward", "Redirect", "ListApprove", "Copy", "Move", "Delete", "DeleteAll", "read", "unread", "flag", "unflag", "delete", "undelete", "Purge");

    public override string Name => "Mailbox";

    public override IReadOnlySet<string> ActionParameters => s_actions;

    public override async Task ProcessAsync(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.Parameters;
        var name = parameters["Mailbox"] ?? MailboxName.Inbox;
        var mailbox = await context.Services.Mailboxes.FindAsync(context.Account, name, context.CancellationToken);
        context.Dataset["mailbox"] = mailbox?.Name ?? name;
        if (mailbox is null)
        {
            context.SetError(new Postern.Mail.UnknownMailboxException(name).Message);
            return;
        }
        var preferences = context.Preferences;
        if (mailbox.Class.Length > 0)
            context.Dataset["mailboxClass"] = mailbox.Class;
        context.Dataset["mailboxPage"] = Mailboxes.PageFor(mailbox.Class);
        var isSentBox = mailbox.Name == preferences.SentBox;
        if (isSentBox)
            context.SetYes("isSentBox");
        if (mailbox.Name == preferences.DraftsBox)
            context.SetYes("isDraftsBox");

        if (await MessageActions.RunAsync(context, mailbox, parameters.GetUids("Msg"), singleMessage: false))
            mailbox = await context.Services.Mailboxes.GetAsync(context.Account, mailbox.Name, context.CancellationToken);

        var columns = isSentBox ? MailboxColumn.SentBox : MailboxColumn.Regular;
        if (await JumpAsync(context, mailbox, columns) is { } jump)
        {
            context.Dataset["messageJump"] = jump.ToString(CultureInfo.InvariantCulture);
            return;
        }
        context.Dataset["refreshTime"] = preferences.RefreshTime.ToString(CultureInfo.InvariantCulture);
        await GenericMailbox.AddAsync(context, mailbox, columns, isSentBox);
    }

    /// <summary>NextMessage, PrevMessage (neighbours in the view) and NextUnread.</summary>
    private static async Task<uint?> JumpAsync(ComponentContext context, MailboxRecord mailbox, IReadOnlyList<MailboxColumn> columns)
    {
        var parameters = context.Parameters;
        var next = parameters.GetNumber("NextMessage");
        var previous = parameters.GetNumber("PrevMessage");
        var nextUnread = parameters.Has("NextUnread");
        if (next is null && previous is null && !nextUnread)
            return null;
        var state = GenericMailbox.StateFor(context, mailbox, columns);
        var view = await GenericMailbox.SelectedAsync(context, mailbox, state, columns);
        if (next is { } after)
            return Neighbour(view, after, +1);
        if (previous is { } before)
            return Neighbour(view, before, -1);
        foreach (var entry in view)
        {
            if (!entry.Flags.HasFlag(MessageFlags.Seen))
                return entry.Uid;
        }
        return null;
    }

    /// <summary>The message beside <paramref name="uid"/> in the view, in <paramref name="direction"/>, or null.</summary>
    internal static uint? Neighbour(IReadOnlyList<MessageViewEntry> view, long uid, int direction)
    {
        for (var i = 0; i < view.Count; i++)
        {
            if (view[i].Uid != uid)
                continue;
            var j = i + direction;
            return j >= 0 && j < view.Count ? view[j].Uid : null;
        }
        return null;
    }
}

/// <summary>WebApp, Contacts: "Processed in the same way as the Mailbox page".</summary>
public sealed class Contacts : Mailbox
{
    public override string Name => "Contacts";
}

/// <summary>WebApp, Notes: "Processed in the same way as the Mailbox page".</summary>
public sealed class Notes : Mailbox
{
    public override string Name => "Notes";
}
