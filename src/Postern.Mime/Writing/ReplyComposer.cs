using System.Text;
using Postern.Mime.Addresses;
using Postern.Mime.Headers;
using Postern.Mime.Text;

namespace Postern.Mime.Writing;

/// <summary>Builds ready-to-edit replies and forwards of a stored message (XIMSS <c>replyFrom</c>, <c>replyAll</c>, <c>forward</c>).</summary>
public static class ReplyComposer
{
    /// <summary>
    /// The most identifiers a reply's References keeps: the thread root and the most recent ones. RFC 5322
    /// §3.6.4 sets no limit, but some servers reject very long fields; mail clients trim to a few dozen.
    /// </summary>
    private const int MaxReferences = 30;

    /// <summary>
    /// A reply: to the Reply-To (else From) of the original (RFC 5322 §3.6.3), plus for reply-all its To and
    /// Cc without the user's own addresses; subject "Re: …"; In-Reply-To and References set (§3.6.4); the
    /// original text quoted under an attribution line.
    /// </summary>
    public static ComposedMessage CreateReply(MimeMessage original, ReplyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        options ??= ReplyOptions.Default;
        var reply = new ComposedMessage { Subject = ReplySubject(original.Subject) };
        if (options.From is not null)
        {
            reply.From.Add(options.From);
        }

        var replyTo = original.Headers.GetAddresses("Reply-To").Mailboxes;
        var authors = replyTo.Count > 0 ? replyTo : original.From.Mailboxes;

        // Replying to one's own message (from the Sent folder) answers its recipients instead.
        var primary = authors.Count > 0 && authors.All(a => IsSelf(a, options.Self)) ? original.To.Mailboxes : authors;
        var added = new List<MailboxAddress>();
        AddRecipients(reply.To, primary, added, options.Self);
        if (options.ReplyAll)
        {
            AddRecipients(reply.To, original.To.Mailboxes, added, options.Self);
            AddRecipients(reply.Cc, original.Cc.Mailboxes, added, options.Self);
        }

        if (original.MessageId is { } id)
        {
            reply.InReplyTo.Add(id);
        }

        reply.References.AddRange(ThreadReferences(original));
        var quoted = Quote(OriginalText(original));
        reply.Body = new ComposedText("\n\n" + Attribution(original) + "\n" + quoted);
        return reply;
    }

    /// <summary>
    /// A forward: subject "Fwd: …", no recipients; the original either quoted inline under a header summary
    /// with its attachments carried over, or attached whole as message/rfc822.
    /// </summary>
    public static ComposedMessage CreateForward(MimeMessage original, ReplyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        options ??= ReplyOptions.Default;
        var forward = new ComposedMessage { Subject = ForwardSubject(original.Subject) };
        if (options.From is not null)
        {
            forward.From.Add(options.From);
        }

        if (original.MessageId is { } id)
        {
            forward.References.AddRange(ThreadReferences(original));
            forward.InReplyTo.Add(id);
        }

        if (options.ForwardAsAttachment)
        {
            forward.Body = BodyBuilder.Build("", attachments: [new ComposedMessagePart(original.RawMessage)]);
            return forward;
        }

        var text = new StringBuilder("\n\n---------- Forwarded message ----------\n");
        AppendField(text, "From", original.From.ToString());
        AppendField(text, "Date", original.Date is { } date ? MailDate.Format(date) : null);
        AppendField(text, "Subject", original.Subject);
        AppendField(text, "To", original.To.ToString());
        AppendField(text, "Cc", original.Cc.ToString());
        text.Append('\n').Append(OriginalText(original));
        var attachments = ForwardedAttachments(original).Select(CopyAttachment);
        forward.Body = BodyBuilder.Build(text.ToString(), attachments: attachments);
        return forward;
    }

    /// <summary>"Re: " and the subject, unless it already starts with a reply prefix (Re:, RE:, Re[2]:, AW:, SV:).</summary>
    public static string ReplySubject(string? subject) => Prefixed(subject, "Re: ", ["re:", "re[", "aw:", "sv:", "antw:"]);

    /// <summary>"Fwd: " and the subject, unless it already starts with a forward prefix (Fwd:, Fw:, WG:).</summary>
    public static string ForwardSubject(string? subject) => Prefixed(subject, "Fwd: ", ["fwd:", "fw:", "wg:"]);

    /// <summary>The text with "&gt; " before every line (RFC 3676 §4.5 quoting).</summary>
    public static string Quote(string text)
    {
        var lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        return string.Concat(lines.Select(l => (l.StartsWith('>') ? ">" : "> ") + l + "\n"));
    }

    /// <summary>"On {date}, {author} wrote:" for the original.</summary>
    public static string Attribution(MimeMessage original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var author = original.From.Mailboxes.FirstOrDefault();
        var who = author is null ? "someone" : author.ToString();
        return original.Date is { } date ? $"On {MailDate.Format(date)}, {who} wrote:" : $"{who} wrote:";
    }

    /// <summary>The original's text: its plain body, else its HTML body as text.</summary>
    private static string OriginalText(MimeMessage original) =>
        original.FindTextBody("plain")?.GetText()
        ?? (original.FindTextBody("html") is { } html ? HtmlText.ToPlainText(html.GetText()) : "");

    private static IEnumerable<string> ThreadReferences(MimeMessage original)
    {
        var references = original.Headers.GetMessageIds("References").ToList();
        if (references.Count == 0)
        {
            references.AddRange(original.Headers.GetMessageIds("In-Reply-To").Take(1));
        }

        if (original.MessageId is { } id)
        {
            references.Add(id);
        }

        return references.Count <= MaxReferences
            ? references
            : references.Take(1).Concat(references.Skip(references.Count - (MaxReferences - 1)));
    }

    /// <summary>Adds the mailboxes that have an address, are not the user's own and are not there yet.</summary>
    private static void AddRecipients(List<AddressEntry> target, IEnumerable<MailboxAddress> candidates, List<MailboxAddress> added,
        IReadOnlyList<MailboxAddress> self)
    {
        foreach (var mailbox in candidates)
        {
            if (mailbox.LocalPart.Length == 0 || IsSelf(mailbox, self) || added.Any(a => a.HasSameAddress(mailbox)))
            {
                continue;
            }

            added.Add(mailbox);
            target.Add(mailbox);
        }
    }

    private static bool IsSelf(MailboxAddress mailbox, IReadOnlyList<MailboxAddress> self) => self.Any(s => s.HasSameAddress(mailbox));

    /// <summary>
    /// The attachments an inline forward carries over, in order: those of the message itself, not parts
    /// inside attachments or embedded messages. They follow the text in the forward's multipart/mixed.
    /// </summary>
    public static IEnumerable<MimePart> ForwardedAttachments(MimeMessage original)
    {
        ArgumentNullException.ThrowIfNull(original);
        return OwnAttachments(original.Body);
    }

    private static IEnumerable<MimePart> OwnAttachments(MimePart part)
    {
        if (part.IsAttachment)
        {
            yield return part;
            yield break;
        }

        foreach (var child in part.Children)
        {
            foreach (var attachment in OwnAttachments(child))
            {
                yield return attachment;
            }
        }
    }

    private static ComposedPart CopyAttachment(MimePart part)
    {
        ComposedPart copy = part.Message is not null
            ? new ComposedMessagePart(part.RawBody)
            : new ComposedBinary(part.DecodeContent(), part.ContentType.MediaType, part.ContentType.MediaSubtype);
        copy.FileName = part.FileName;
        copy.Disposition = part.ContentDisposition?.Disposition ?? "attachment";
        copy.ContentId = part.ContentId;
        return copy;
    }

    private static string Prefixed(string? subject, string prefix, string[] existing)
    {
        var s = (subject ?? "").Trim();
        return existing.Any(p => s.StartsWith(p, StringComparison.OrdinalIgnoreCase)) ? s : prefix + s;
    }

    private static void AppendField(StringBuilder text, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.Append(name).Append(": ").Append(value).Append('\n');
        }
    }
}
