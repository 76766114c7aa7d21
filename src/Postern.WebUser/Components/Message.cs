using System.Globalization;
using Postern.Data;
using Postern.Mail;
using Postern.Mail.Mailboxes;
using Postern.Storage;
using Postern.WebUser.Components.Generic;
using Postern.WebUser.Mail;
using Postern.WebUser.Rendering;
using Postern.WebUser.Sessions;
using Postern.WebUser.Stateless;

namespace Postern.WebUser.Components;

/// <summary>
/// WebApp, Message: acts on one message (copy, move, redirect, take the sender's address, flags) and shows
/// it: status, flags, the neighbours in the mailbox view, and the message rendered by the Message
/// Rendering components into <c>messageBody</c>.
/// </summary>
public sealed class Message(MessageRenderer renderer, StoredMessageReader reader, AddressBook addressBook) : WebUserComponent
{
    private static readonly IReadOnlySet<string> s_actions = Actions(
        "Copy", "Move", "Redirect", "ListApprove", "TakeAddress", "TakeCertificate", "StoreFiles", "read", "unread", "flag", "unflag", "delete", "undelete");

    public override string Name => "Message";

    public override IReadOnlySet<string> ActionParameters => s_actions;

    public override async Task ProcessAsync(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.Parameters;
        var services = context.Services;
        var ct = context.CancellationToken;
        var name = parameters["Mailbox"] ?? MailboxName.Inbox;
        var mailbox = await services.Mailboxes.FindAsync(context.Account, name, ct);
        context.Dataset["mailbox"] = mailbox?.Name ?? name;
        var uid = parameters.GetUids("MSG") is [var first, ..] ? first : parameters.GetUids("Msg").FirstOrDefault();
        if (mailbox is null || uid == 0)
        {
            context.SetError(mailbox is null ? new UnknownMailboxException(name).Message : "No message is selected");
            return;
        }

        await Generic.MessageActions.RunAsync(context, mailbox, [uid], singleMessage: true);
        if (parameters.Has("TakeAddress"))
            await TakeAddressAsync(context, mailbox, uid);
        if (parameters.Has("StoreFiles"))
            context.SetError("File Storage is not available");
        if (parameters.Has("TakeCertificate"))
            context.SetError("Certificates cannot be stored in the address book");

        var stored = await ReadAsync(context, mailbox, uid);
        if (stored is null)
        {
            // WebApp: "If the Move operation has removed the message, the backToMailbox element … is added".
            if (parameters.Has("Move"))
                context.Dataset["backToMailbox"] = "Yes";
            else
                context.SetError("The message does not exist");
            return;
        }

        var record = stored.Record;
        // Reading a message marks it read, as any mail reader does.
        if (!record.Flags.HasFlag(MessageFlags.Seen) && await context.TryAsync(() => services.MessageActions.SetFlagsAsync(mailbox, [uid], MessageFlags.Seen, MessageFlags.None, ct)))
            record = record with { Flags = record.Flags | MessageFlags.Seen };
        AddStatus(context.Dataset, record);

        var session = context.Session;
        var skin = services.Skins.Select(session.Domain.Name, session.SkinName);
        var language = StatelessContext.LanguageOrDefault(context.Preferences.Language);
        var render = new MessageRenderContext
        {
            Skin = skin,
            SessionPrefix = context.SessionPrefix,
            Mailbox = mailbox.Name,
            Uid = uid,
            Language = language,
            TimeZone = context.Preferences.TimeZone,
            Session = new SessionDataset(session, skin, language),
            Settings = context.Preferences.Values,
            IsWml = context.IsWml,
            PrintVersion = parameters.Has("printVersion"),
            AllowRemoteContent = parameters.Has("AllowRemote"),
            ShowAllHeaders = parameters["Header"]?.Equals("All", StringComparison.OrdinalIgnoreCase) == true,
            PrivateKey = session.ActivePrivateKey,
            TimeProvider = services.Time,
            CancellationToken = ct,
        };
        context.Dataset["messageBody"] = renderer.RenderMessage(stored.Message, render);
        context.AllowRemoteImages = render.AllowRemoteContent;
        if (render.HasFiles)
            context.SetYes("hasFiles");
        if (render.RemoteContentBlocked)
            context.SetYes("remoteContentBlocked");

        var columns = mailbox.Name == context.Preferences.SentBox ? MailboxColumn.SentBox : MailboxColumn.Regular;
        var state = GenericMailbox.StateFor(context, mailbox, columns);
        var view = await GenericMailbox.SelectedAsync(context, await services.Mailboxes.GetAsync(context.Account, mailbox.Name, ct), state, columns);
        if (Mailbox.Neighbour(view, uid, +1) is { } next)
            context.Dataset["nextMsg"] = next.ToString(CultureInfo.InvariantCulture);
        if (Mailbox.Neighbour(view, uid, -1) is { } previous)
            context.Dataset["prevMsg"] = previous.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>MSG, the flag elements and status (WebApp, Message "Result Dataset").</summary>
    internal static void AddStatus(DataDictionary dataset, MessageRecord record)
    {
        dataset["MSG"] = record.Uid.ToString(CultureInfo.InvariantCulture);
        foreach (var (element, flag) in new[] { ("flagged", MessageFlags.Flagged), ("recent", MessageFlags.Recent), ("deleted", MessageFlags.Deleted),
            ("media", MessageFlags.Media), ("isDraft", MessageFlags.Draft) })
        {
            if (record.Flags.HasFlag(flag))
                dataset[element] = "Yes";
        }
        dataset["status"] = MessageStatus.Of(record.Flags);
    }

    private async Task<StoredMessage?> ReadAsync(ComponentContext context, MailboxRecord mailbox, uint uid)
    {
        try
        {
            return await reader.ReadAsync(mailbox, uid, context.Services.Options.Limits.MaxRenderedMessageBytes, context.CancellationToken);
        }
        catch (InvalidDataException)
        {
            context.SetError("The message is too large to show");
            return null;
        }
    }

    private async Task TakeAddressAsync(ComponentContext context, MailboxRecord mailbox, uint uid)
    {
        if (await ReadAsync(context, mailbox, uid) is not { } stored || stored.Message.From.Mailboxes is not [var from, ..])
        {
            context.SetError("The message has no sender address");
            return;
        }
        if (await context.TryAsync(() => addressBook.AddAsync(context.Account, from.Name, from.Address, context.CancellationToken)))
            context.SetMessage("AddressTaken");
    }
}
