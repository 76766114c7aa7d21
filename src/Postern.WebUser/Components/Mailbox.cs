using System.Globalization;
using Postern.Mail.Access;
using Postern.Mail.Folders;
using Postern.Mail.Mailboxes;
using Postern.Mail.Search;
using Postern.Storage;
using Postern.WebUser.Components.Generic;

namespace Postern.WebUser.Components;

/// <summary>
/// WebApp, Mailbox (and wMailbox, Contacts, Notes): acts on the messages the <c>Msg</c> parameters name
/// (forward, redirect, copy, move, delete, flags, purge), finds the next/previous/next unread message, and
/// otherwise shows a page of the mailbox through the generic Mailbox component.
/// </summary>
/// <remarks>
/// The mailbox may be the user's own, another account's shared with the user (<c>~bob/INBOX</c>) or an
/// alias; what the user may do there is checked by the mail services.
/// </remarks>
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
        context.Dataset["mailbox"] = name;
        AccessibleMailbox? mailbox = null;
        if (!await context.TryAsync(async () => mailbox = await context.Services.Access.GetAsync(context.User, name, context.CancellationToken)))
            return;
        name = mailbox!.Name;
        context.Dataset["mailbox"] = name;
        var preferences = context.Preferences;
        var mailboxClass = mailbox.Record.Class;
        if (mailboxClass.Length > 0)
            context.Dataset["mailboxClass"] = mailboxClass;
        context.Dataset["mailboxPage"] = Mailboxes.PageFor(mailboxClass);
        var isSentBox = name == preferences.SentBox;
        if (isSentBox)
            context.SetYes("isSentBox");
        if (name == preferences.DraftsBox)
            context.SetYes("isDraftsBox");

        if (await MessageActions.RunAsync(context, mailbox, parameters.GetUids("Msg"), singleMessage: false)
            && !await context.TryAsync(async () => mailbox = await context.Services.Access.RefreshAsync(context.User, mailbox, context.CancellationToken)))
            return;

        var columns = isSentBox ? MailboxColumn.SentBox : MailboxColumn.Regular;
        uint? jump = null;
        if (!await context.TryAsync(async () => jump = await JumpAsync(context, mailbox, columns)))
            return;
        if (jump is { } uid)
        {
            context.Dataset["messageJump"] = uid.ToString(CultureInfo.InvariantCulture);
            return;
        }
        context.Dataset["refreshTime"] = preferences.RefreshTime.ToString(CultureInfo.InvariantCulture);
        await context.TryAsync(() => GenericMailbox.AddAsync(context, mailbox, columns, isSentBox));
    }

    /// <summary>NextMessage, PrevMessage (neighbours in the view) and NextUnread.</summary>
    private static async Task<uint?> JumpAsync(ComponentContext context, AccessibleMailbox mailbox, IReadOnlyList<MailboxColumn> columns)
    {
        var parameters = context.Parameters;
        var next = parameters.GetNumber("NextMessage");
        var previous = parameters.GetNumber("PrevMessage");
        var nextUnread = parameters.Has("NextUnread");
        if (next is null && previous is null && !nextUnread)
            return null;
        var view = await GenericMailbox.ViewAsync(context, mailbox, GenericMailbox.StateFor(context, mailbox.Name, columns), columns);
        if (next is { } after)
            return Neighbour(view, after, +1);
        if (previous is { } before)
            return Neighbour(view, before, -1);
        var unread = await view.SearchAsync(new SearchCriteria.Flag(MessageFlags.Seen, Present: false), null, context.CancellationToken);
        return unread.Count > 0 ? unread[0] : null;
    }

    /// <summary>The message beside <paramref name="uid"/> in the view, in <paramref name="direction"/>, or null.</summary>
    internal static uint? Neighbour(FolderView view, long uid, int direction)
    {
        if (uid is < 1 or > uint.MaxValue)
            return null;
        var index = view.IndexOf((uint)uid);
        if (index < 0)
            return null;
        var neighbour = index + direction;
        return neighbour >= 0 && neighbour < view.Count ? view.UidAt(neighbour) : null;
    }
}
