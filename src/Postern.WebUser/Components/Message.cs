using System.Globalization;
using Postern.Data;
using Postern.Mail;
using Postern.Mail.Access;
using Postern.Mail.Mailboxes;
using Postern.Mail.Reading;
using Postern.Storage;
using Postern.Storage.Files;
using Postern.WebUser.Components.Generic;
using Postern.WebUser.Files;
using Postern.WebUser.Mail;
using Postern.WebUser.Rendering;
using Postern.WebUser.Sessions;
using Postern.WebUser.Stateless;

namespace Postern.WebUser.Components;

/// <summary>
/// WebApp, Message: acts on one message (copy, move, redirect, take the sender's address, store its files, flags) and shows
/// it: status, flags, the neighbours in the mailbox view, and the message rendered by the Message
/// Rendering components into <c>messageBody</c>.
/// </summary>
public sealed class Message(MessageRenderer renderer, AddressBook addressBook) : WebUserComponent
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
        context.Dataset["mailbox"] = name;
        var uid = parameters.GetUids("MSG") is [var first, ..] ? first : parameters.GetUids("Msg").FirstOrDefault();
        AccessibleMailbox? mailbox = null;
        if (!await context.TryAsync(async () => mailbox = await services.Access.GetAsync(context.User, name, ct)))
            return;
        context.Dataset["mailbox"] = mailbox!.Name;
        if (uid == 0)
        {
            context.SetError("No message is selected");
            return;
        }

        await Generic.MessageActions.RunAsync(context, mailbox, [uid], singleMessage: true);
        if (parameters.Has("TakeAddress"))
            await TakeAddressAsync(context, mailbox, uid);
        if (parameters.Has("TakeCertificate"))
            context.SetError("Certificates cannot be stored in the address book");

        // Reading a message marks it read (when the user may keep the Seen flag), as any mail reader does.
        StoredMessage? stored = null;
        try
        {
            stored = await services.Reader.OpenAsync(context.User, mailbox, uid, markSeen: true, ct);
        }
        catch (MailException e) when (e.Code == MailErrorCode.MessageNotFound && parameters.Has("Move"))
        {
            // WebApp: "If the Move operation has removed the message, the backToMailbox element … is added".
            context.Dataset["backToMailbox"] = "Yes";
            return;
        }
        catch (MailException e)
        {
            context.SetError(e.Message);
            return;
        }
        // The parsed message reads the store's lease of its bytes until the page's dataset is filled.
        using var read = stored;
        AddStatus(context.Dataset, stored.Record);
        if (parameters.Has("StoreFiles"))
            await StoreFilesAsync(context, stored.Message);

        var session = context.Session;
        var skin = services.Skins.Select(session.Domain.Name, session.SkinName);
        var language = StatelessContext.LanguageOrDefault(context.Preferences.Language);
        var render = new MessageRenderContext
        {
            Skin = skin,
            SessionPrefix = context.SessionPrefix,
            Mailbox = stored.Mailbox.Name,
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
        {
            context.SetYes("hasFiles");
            context.Dataset["webFolders"] = await GenericWebSite.FoldersAsync(context);
        }
        if (render.RemoteContentBlocked)
            context.SetYes("remoteContentBlocked");

        var columns = stored.Mailbox.Name == context.Preferences.SentBox ? MailboxColumn.SentBox : MailboxColumn.Regular;
        await context.TryAsync(async () =>
        {
            var current = await services.Access.RefreshAsync(context.User, stored.Mailbox, ct);
            var view = await GenericMailbox.ViewAsync(context, current, GenericMailbox.StateFor(context, current.Name, columns), columns);
            if (Mailbox.Neighbour(view, uid, +1) is { } next)
                context.Dataset["nextMsg"] = next.ToString(CultureInfo.InvariantCulture);
            if (Mailbox.Neighbour(view, uid, -1) is { } previous)
                context.Dataset["prevMsg"] = previous.ToString(CultureInfo.InvariantCulture);
        });
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

    /// <summary>
    /// WebApp, Message: "If the HTTP request contains the StoreFiles parameter and the selectedWebFolder parameter
    /// contains a name of the File Storage folder, the file parts of the message … are stored in the specified
    /// folder". A name already taken gets a numbered name; nothing is overwritten.
    /// </summary>
    private static async Task StoreFilesAsync(ComponentContext context, Postern.Mime.MimeMessage message)
    {
        if (context.Parameters["selectedWebFolder"] is not { } folderName)
        {
            context.SetError("no File Storage folder is selected");
            return;
        }
        var stored = 0;
        var done = await context.TryAsync(async () =>
        {
            var folder = FilePath.Parse(folderName);
            var quota = AccountFileQuota.For(context.Account);
            foreach (var file in MessageFileParts.Of(message))
            {
                await using var content = ReadOnlyMemoryStream.Of(file.Content);
                await context.Services.Store.Files.WriteAsync(context.Account.Id, folder.Append(file.FileName), content,
                    FileWriteMode.CreateNumbered, quota, context.CancellationToken);
                stored++;
            }
        });
        if (!done)
            return;
        if (stored == 0)
            context.SetError("the message has no files");
        else
            context.SetMessage("FilesCopied");
    }

    private async Task TakeAddressAsync(ComponentContext context, AccessibleMailbox mailbox, uint uid)
    {
        await context.TryAsync(async () =>
        {
            using var stored = await context.Services.Reader.OpenAsync(context.User, mailbox, uid, markSeen: false, context.CancellationToken);
            if (stored.Message.From.Mailboxes is not [var from, ..] || !from.IsComplete)
            {
                context.SetError("The message has no sender address");
                return;
            }
            await addressBook.AddAsync(context.User, from.Name, from.Address, context.CancellationToken);
            context.SetMessage("AddressTaken");
        });
    }
}
