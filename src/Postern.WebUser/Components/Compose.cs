using System.Globalization;
using Postern.Data;
using Postern.Mail.Access;
using Postern.Mail.Mailboxes;
using Postern.Mail.Messages;
using Postern.Mail.Reading;
using Postern.Mail.Submission;
using Postern.Mime;
using Postern.Mime.Addresses;
using Postern.Mime.Writing;
using Postern.Storage;
using Postern.WebUser.Mail;
using Postern.WebUser.Rendering;
using Postern.WebUser.Sessions;
using Postern.WebUser.Stateless;

namespace Postern.WebUser.Components;

/// <summary>
/// WebApp, Compose: a new message, a reply, a reply to all, a forward or an edited draft; sends it
/// (Send) or saves it as a draft (Save), with the uploaded <c>Attachment</c> files.
/// </summary>
public sealed class Compose(MessageRenderer renderer, AddressBook addressBook) : WebUserComponent
{
    /// <summary>The subject and address fields are one line each; 8 KiB is far beyond a real one.</summary>
    public const int MaxFieldLength = 8 * 1024;

    private static readonly IReadOnlySet<string> s_actions = Actions("Send", "Save");

    public override string Name => "Compose";

    public override IReadOnlySet<string> ActionParameters => s_actions;

    public override async Task ProcessAsync(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.Parameters;
        var dataset = context.Dataset;
        var preferences = context.Preferences;

        var operation = parameters["Operation"];
        var original = await OriginalAsync(context, operation);
        if (operation is not null)
            dataset["operation"] = operation;
        if (parameters["OrigMessage"] is { } origMessage)
            dataset["origMessage"] = origMessage;
        if (parameters["OrigMailbox"] is { } origMailbox)
            dataset["origMailbox"] = origMailbox;

        foreach (var item in new[] { "isEvent", "isTask", "isNote" })
        {
            if (parameters.Has(item))
                context.SetError("Calendar, task and note items cannot be composed yet");
        }

        var draft = original is not null && !parameters.Has("Filled") ? await PrefillAsync(context, operation!, original) : null;
        var subject = Field(draft?.Subject ?? parameters["Subject"]);
        var to = Field(draft is null ? parameters["To"] : string.Join(", ", draft.To));
        var cc = Field(draft is null ? parameters["Cc"] : string.Join(", ", draft.Cc));
        var bcc = Field(draft is null ? parameters["Bcc"] : string.Join(", ", draft.Bcc));
        var body = draft is null ? parameters["Body"] ?? "" : (draft.Body as ComposedText)?.Text.ReplaceLineEndings("\r\n") ?? "";

        if ((parameters.Has("Send") || parameters.Has("Save")) && string.IsNullOrEmpty(context.Dataset.Find("errorCode")?.AsString))
        {
            var message = Build(context, original, operation, subject, to, cc, bcc, body);
            if (await (parameters.Has("Send") ? SendAsync(context, message, original) : SaveAsync(context, message, original)))
                return;
        }

        dataset["Subject"] = subject;
        dataset["To"] = to;
        dataset["Cc"] = cc;
        dataset["Bcc"] = bcc;
        dataset["From"] = FromAddress(context).ToString();
        if ((parameters.Has("AddressBook") && !parameters.Has("CloseBook")) || parameters.Has("OpenBook"))
        {
            dataset["addressBook"] = "Yes";
            dataset["contacts"] = await addressBook.ListAsync(context.User, context.CancellationToken);
        }
        dataset["body"] = body;
        dataset["mailerWidth"] = preferences.MailerWidth.ToString(CultureInfo.InvariantCulture);
        if (original is not null && operation?.Equals("Forward", StringComparison.OrdinalIgnoreCase) == true)
            dataset["forwardedMessage"] = Render(context, original);
        if (parameters.Has("DSN"))
            dataset["DSN"] = "Yes";
        // WebApp: SaveSent is on when there is a Sent mailbox and the form is new, or when the form asks for it.
        if (preferences.SentBox.Length > 0 && (!parameters.Has("Filled") || parameters.Has("SaveSent")))
            dataset["SaveSent"] = "Yes";
        var desired = parameters["charset"] is { Length: > 0 } requested ? requested : preferences.Charset;
        dataset["desiredCharset"] = desired;
        dataset["charset"] = preferences.UseUtf8 == Utf8Use.Always ? "utf-8" : desired;
    }

    private static async Task<StoredMessage?> OriginalAsync(ComponentContext context, string? operation)
    {
        var parameters = context.Parameters;
        if (operation is null || parameters.GetUids("OrigMessage") is not [var uid, ..] || parameters["OrigMailbox"] is not { } mailboxName)
            return null;
        StoredMessage? original = null;
        await context.TryAsync(async () =>
        {
            var mailbox = await context.Services.Access.GetAsync(context.User, mailboxName, context.CancellationToken);
            original = await context.Services.Reader.OpenAsync(context.User, mailbox, uid, markSeen: false, context.CancellationToken);
        });
        return original;
    }

    /// <summary>The header fields and text of a reply, reply to all, forward or edited draft, from the original.</summary>
    private static async Task<ComposedMessage> PrefillAsync(ComponentContext context, string operation, StoredMessage original)
    {
        switch (operation.ToLowerInvariant())
        {
            case "reply":
                return await context.Services.Reader.CreateDraftAsync(context.User, original, DraftKind.Reply, context.CancellationToken);
            case "replyall":
                return await context.Services.Reader.CreateDraftAsync(context.User, original, DraftKind.ReplyAll, context.CancellationToken);
            case "forward":
                // The original travels whole as an attachment; the page shows it as forwardedMessage.
                return new ComposedMessage { Subject = ReplyComposer.ForwardSubject(original.Message.Subject) };
            default:
                var message = original.Message;
                var draft = new ComposedMessage { Subject = message.Subject, Body = new ComposedText(message.FindTextBody("plain")?.GetText() ?? "") };
                draft.To.AddRange(message.To);
                draft.Cc.AddRange(message.Cc);
                draft.Bcc.AddRange(message.Headers.GetAddresses("Bcc"));
                return draft;
        }
    }

    private static ComposedMessage Build(ComponentContext context, StoredMessage? original, string? operation, string subject, string to, string cc, string bcc, string body)
    {
        var message = new ComposedMessage { Subject = subject };
        message.From.Add(FromAddress(context));
        foreach (var (list, text) in new[] { (message.To, to), (message.Cc, cc), (message.Bcc, bcc) })
            list.AddRange(AddressList.Parse(text));
        if (original is not null && operation?.StartsWith("Reply", StringComparison.OrdinalIgnoreCase) == true)
        {
            var reply = ReplyComposer.CreateReply(original.Message);
            message.InReplyTo.AddRange(reply.InReplyTo);
            message.References.AddRange(reply.References);
        }
        var attachments = context.Parameters.Files.Where(f => f.ParameterName == "Attachment")
            .Select(f => (ComposedPart)BodyBuilder.Attachment(Attachments.CleanFileName(f.FileName, null), f.Content,
                f.ContentType.Split('/')[0], f.ContentType.Contains('/', StringComparison.Ordinal) ? f.ContentType.Split('/', 2)[1].Split(';')[0].Trim() : "octet-stream"))
            .ToList();
        if (original is not null && operation?.Equals("Forward", StringComparison.OrdinalIgnoreCase) == true)
            attachments.Insert(0, new ComposedMessagePart(original.Message.RawMessage));
        message.Body = BodyBuilder.Build(body, attachments: attachments);
        return message;
    }

    private static async Task<bool> SendAsync(ComponentContext context, ComposedMessage message, StoredMessage? original)
    {
        var services = context.Services;
        var ct = context.CancellationToken;
        var options = new SubmissionOptions(RequestDsn: context.Parameters.Has("DSN"), SaveSent: context.Parameters.Has("SaveSent"));
        if (!await context.TryAsync(() => services.Submission.SubmitAsync(context.User, message, options, ct)))
            return false;
        if (original is not null && context.Parameters["Operation"] is { } operation)
        {
            if (operation.StartsWith("Reply", StringComparison.OrdinalIgnoreCase))
                await context.TryAsync(() => services.Operations.MarkAsync(context.User, original.Mailbox, [original.Uid], FlagUpdate.Adding(MessageFlags.Answered), ct));
            if (operation.Equals("EditDraft", StringComparison.OrdinalIgnoreCase))
                await context.TryAsync(() => services.Operations.RemoveAsync(context.User, original.Mailbox, [original.Uid], DeleteMethod.Immediately, ct));
        }
        Done(context, sent: true);
        return true;
    }

    private static async Task<bool> SaveAsync(ComponentContext context, ComposedMessage message, StoredMessage? original)
    {
        var services = context.Services;
        var ct = context.CancellationToken;
        var draftsName = context.Preferences.DraftsBox.Length > 0 ? context.Preferences.DraftsBox : "Drafts";
        var saved = await context.TryAsync(async () =>
        {
            var bytes = MessageWriter.Write(message, new MessageWriterOptions { TimeProvider = services.Time, MessageIdDomain = context.User.Name.Domain });
            var (drafts, _) = await services.Operations.AppendAsync(context.User, draftsName, bytes, MessageFlags.Draft | MessageFlags.Seen, [], null, MailboxClass.Mail, ct);
            // Saving an edited draft replaces it.
            if (original is not null && context.Parameters["Operation"]?.Equals("EditDraft", StringComparison.OrdinalIgnoreCase) == true && original.Mailbox.Record.Id == drafts.Record.Id)
                await services.Operations.RemoveAsync(context.User, original.Mailbox, [original.Uid], DeleteMethod.Immediately, ct);
        });
        if (saved)
            Done(context, sent: false);
        return saved;
    }

    /// <summary>WebApp: after Send or Save, sentOrSaved (and sent) and the messageCode are the whole dataset.</summary>
    private static void Done(ComponentContext context, bool sent)
    {
        context.Dataset.Clear();
        context.Dataset["sentOrSaved"] = "Yes";
        if (sent)
            context.Dataset["sent"] = "Yes";
        context.SetMessage(sent ? "MessageSent" : "MessageSaved");
    }

    private string Render(ComponentContext context, StoredMessage original)
    {
        var session = context.Session;
        var skin = context.Services.Skins.Select(session.Domain.Name, session.SkinName);
        var language = StatelessContext.LanguageOrDefault(context.Preferences.Language);
        return renderer.RenderMessage(original.Message, new MessageRenderContext
        {
            Skin = skin,
            SessionPrefix = context.SessionPrefix,
            Mailbox = original.Mailbox.Name,
            Uid = original.Uid,
            Language = language,
            TimeZone = context.Preferences.TimeZone,
            Session = new SessionDataset(session, skin, language),
            Settings = context.Preferences.Values,
            IsWml = context.IsWml,
            PrivateKey = session.ActivePrivateKey,
            TimeProvider = context.Services.Time,
            CancellationToken = context.CancellationToken,
        });
    }

    /// <summary>
    /// The From preference, else the account's real name and address. Sending checks that it is one of the
    /// user's own addresses, so the preference cannot make the user someone else.
    /// </summary>
    private static MailboxAddress FromAddress(ComponentContext context) =>
        context.Preferences.From is { Length: > 0 } from && AddressList.Parse(from).Mailboxes is [var configured, ..] && configured.IsComplete
            ? configured
            : UserAddresses.Primary(context.User);

    private static string Field(string? value)
    {
        var text = (value ?? "").ReplaceLineEndings(" ").Trim();
        return text.Length > MaxFieldLength ? text[..MaxFieldLength] : text;
    }
}
