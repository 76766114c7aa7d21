using System.Xml;
using System.Xml.Linq;
using Postern.Mime.Addresses;
using Postern.Mime.Headers;
using Postern.Mime.Writing;

namespace Postern.Mime.Xml;

/// <summary>
/// Reads a client's <c>&lt;EMail&gt;</c> (XIMSS messageSubmit, messageAppend) into a <see cref="ComposedMessage"/>.
/// Strict: anything it cannot make sense of is an <see cref="EmailXmlException"/> with a precise reason.
/// </summary>
public static class EmailXmlReader
{
    private static readonly HashSet<string> s_addressFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Resent-From", "Resent-Sender", "Resent-To", "Resent-Cc",
        "Resent-Bcc", "Disposition-Notification-To", "Return-Receipt-To", "Errors-To",
    };

    /// <summary>Fields the client does not set: the server writes them, or they describe the client's copy only.</summary>
    private static readonly HashSet<string> s_ignoredFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "MIME", "FLAGS", "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Content-Disposition",
    };

    /// <summary>Reads the <c>&lt;EMail&gt;</c> at the reader's position.</summary>
    public static ComposedMessage Read(XmlReader reader, EmailXmlReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Read(XElement.Load(reader), options);
    }

    /// <summary>Reads an <c>&lt;EMail&gt;</c> element.</summary>
    public static ComposedMessage Read(XElement email, EmailXmlReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(email);
        var context = new Context(options ?? EmailXmlReaderOptions.Default);
        return ReadEmail(email, context, depth: 0);
    }

    /// <summary>Reads an <c>&lt;EMail&gt;</c> and writes it as RFC 5322 bytes (Date and Message-ID filled in when absent).</summary>
    public static byte[] ReadMessageBytes(XElement email, EmailXmlReaderOptions? options = null, MessageWriterOptions? writerOptions = null) =>
        MessageWriter.Write(Read(email, options), writerOptions);

    private static ComposedMessage ReadEmail(XElement email, Context context, int depth)
    {
        if (email.Name.LocalName != "EMail")
        {
            throw new EmailXmlException($"Expected an EMail element, found {email.Name.LocalName}.");
        }

        var message = new ComposedMessage();
        foreach (var field in email.Elements())
        {
            ReadField(message, field, context);
        }

        var mime = email.Elements("MIME").ToList();
        if (mime.Count > 1)
        {
            throw new EmailXmlException("An EMail element has one MIME body; found " + mime.Count + ".");
        }

        message.Body = mime.Count == 0 ? new ComposedText("") : ReadMime(mime[0], context, depth);
        return message;
    }

    private static void ReadField(ComposedMessage message, XElement field, Context context)
    {
        var name = field.Name.LocalName;
        if (s_ignoredFields.Contains(name) || name == "EMail")
        {
            return;
        }

        var text = field.Value.Trim();
        switch (name.ToLowerInvariant())
        {
            case "from":
                message.From.Add(Mailbox(field));
                break;
            case "sender":
                message.Sender = Mailbox(field);
                break;
            case "reply-to":
                message.ReplyTo.Add(Mailbox(field));
                break;
            case "to":
                message.To.Add(Mailbox(field));
                break;
            case "cc":
                message.Cc.Add(Mailbox(field));
                break;
            case "bcc":
                message.Bcc.Add(Mailbox(field));
                break;
            case "subject":
                message.Subject = field.Value;
                break;
            case "date":
                message.Date = ReadDate(text, context);
                break;
            case "message-id":
                message.MessageId = MessageIds.ParseFirst(System.Text.Encoding.UTF8.GetBytes(text)) ?? throw new EmailXmlException($"Message-ID '{text}' holds no identifier.");
                break;
            case "in-reply-to":
                message.InReplyTo.AddRange(MessageIds.Parse(System.Text.Encoding.UTF8.GetBytes(text)));
                break;
            case "references":
                message.References.AddRange(MessageIds.Parse(System.Text.Encoding.UTF8.GetBytes(text)));
                break;
            case "pty":
                // XIMSS Pty High/Low becomes the X-Priority most clients read.
                message.Headers.Add(new("X-Priority", text.Equals("High", StringComparison.OrdinalIgnoreCase) ? "1 (Highest)"
                    : text.Equals("Low", StringComparison.OrdinalIgnoreCase) ? "5 (Lowest)"
                    : throw new EmailXmlException($"Pty must be High or Low, not '{text}'.")));
                break;
            default:
                if (s_addressFields.Contains(name))
                {
                    message.Headers.Add(new(name, Mailbox(field).ToString()));
                }
                else
                {
                    ValidateFieldName(name);
                    message.Headers.Add(new(name, field.Value));
                }

                break;
        }
    }

    private static ComposedPart ReadMime(XElement mime, Context context, int depth)
    {
        if (depth > context.Options.Limits.MaxDepth)
        {
            throw new EmailXmlException($"MIME parts nest deeper than {context.Options.Limits.MaxDepth} levels.");
        }

        if (++context.PartCount > context.Options.Limits.MaxPartCount)
        {
            throw new EmailXmlException($"More than {context.Options.Limits.MaxPartCount} MIME parts.");
        }

        var type = ((string?)mime.Attribute("type"))?.Trim().ToLowerInvariant() ?? "text";
        var subtype = ((string?)mime.Attribute("subtype"))?.Trim().ToLowerInvariant();
        var part = context.Options.ResolveReference?.Invoke(mime) ?? type switch
        {
            "multipart" => new ComposedMultipart(subtype ?? "mixed", mime.Elements("MIME").Select(m => ReadMime(m, context, depth + 1))),
            "text" => new ComposedText(ReadText(mime, context), subtype ?? "plain"),
            "message" when subtype is null or "rfc822" => ReadEmbedded(mime, context, depth),
            "attachment" => ReadStoredAttachment(mime, context),
            _ => ReadInlineBinary(mime, type, subtype),
        };

        foreach (var attribute in mime.Attributes())
        {
            var name = attribute.Name.LocalName;
            if (name.StartsWith("Type-", StringComparison.OrdinalIgnoreCase) && name.Length > 5)
            {
                part.TypeParameters.Add(new HeaderParameter(name[5..], attribute.Value));
            }
            else if (name.StartsWith("Disposition-", StringComparison.OrdinalIgnoreCase) && name.Length > 12)
            {
                if (name[12..].Equals("filename", StringComparison.OrdinalIgnoreCase))
                {
                    part.FileName = attribute.Value;
                }
                else
                {
                    part.DispositionParameters.Add(new HeaderParameter(name[12..], attribute.Value));
                }
            }
        }

        part.Disposition = ((string?)mime.Attribute("disposition"))?.Trim().ToLowerInvariant() ?? part.Disposition;
        part.ContentId = (string?)mime.Attribute("contentID") ?? part.ContentId;
        part.Description = (string?)mime.Attribute("description") ?? part.Description;
        if (part.FileName is null && part.TypeParameters.FirstOrDefault(p => p.Name.Equals("name", StringComparison.OrdinalIgnoreCase)) is { } name2)
        {
            part.FileName = name2.Value;
            part.TypeParameters.Remove(name2);
        }

        return part;
    }

    private static string ReadText(XElement mime, Context context)
    {
        if (mime.Elements().FirstOrDefault() is not { } structured)
        {
            return mime.Value;
        }

        var reader = context.Options.StructuredContentReader
            ?? throw new EmailXmlException($"A text MIME part holding {structured.Name.LocalName} cannot be converted here.");
        return reader(structured);
    }

    private static ComposedMessagePart ReadEmbedded(XElement mime, Context context, int depth)
    {
        var email = mime.Element("EMail") ?? throw new EmailXmlException("A message/rfc822 MIME part needs an EMail element inside.");
        return new ComposedMessagePart(ReadEmail(email, context, depth + 1));
    }

    /// <summary>XIMSS: <c>&lt;MIME type="attachment" fileName="path/in/storage"/&gt;</c> attaches a File Storage file.</summary>
    private static ComposedBinary ReadStoredAttachment(XElement mime, Context context)
    {
        var path = (string?)mime.Attribute("fileName") ?? throw new EmailXmlException("An attachment MIME part needs a fileName attribute.");
        var resolve = context.Options.ResolveStoredFile ?? throw new EmailXmlException("Attachments from File Storage are not available here.");
        var file = resolve(path) ?? throw new EmailXmlException($"File '{path}' is not found.");
        var (guessedType, guessedSubtype) = MediaTypes.FromFileName(path);
        return new ComposedBinary(file.Content, file.MediaType ?? guessedType, file.MediaSubtype ?? guessedSubtype)
        {
            FileName = Path.GetFileName(path.Replace('\\', '/')),
            Disposition = "attachment",
        };
    }

    /// <summary>A non-text leaf carries its content in base64 as the element text.</summary>
    private static ComposedBinary ReadInlineBinary(XElement mime, string type, string? subtype)
    {
        try
        {
            return new ComposedBinary(Convert.FromBase64String(mime.Value), type, subtype ?? "octet-stream");
        }
        catch (FormatException e)
        {
            throw new EmailXmlException($"The content of the {type}/{subtype} MIME part is not base64.", e);
        }
    }

    private static MailboxAddress Mailbox(XElement field)
    {
        var address = field.Value.Trim();
        var realName = (string?)field.Attribute("realName");
        var parsed = AddressList.Parse(address).Mailboxes;
        if (parsed.Count != 1 || parsed[0].LocalPart.Length == 0)
        {
            throw new EmailXmlException($"{field.Name.LocalName} '{address}' is not one e-mail address.");
        }

        return new MailboxAddress(string.IsNullOrWhiteSpace(realName) ? parsed[0].Name : realName.Trim(), parsed[0].LocalPart, parsed[0].Domain);
    }

    private static DateTimeOffset ReadDate(string text, Context context)
    {
        if (XimssDate.TryParse(text, context.Options.LocalOffset, out var date)
            || MailDate.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out date))
        {
            return date;
        }

        throw new EmailXmlException($"Date '{text}' is neither yyyyMMddTHHmmss[Z] nor an RFC 5322 date.");
    }

    private static void ValidateFieldName(string name)
    {
        if (name.Any(c => c is <= ' ' or > '~' or ':'))
        {
            throw new EmailXmlException($"'{name}' is not a valid header field name.");
        }
    }

    private sealed class Context(EmailXmlReaderOptions options)
    {
        public EmailXmlReaderOptions Options { get; } = options;

        public int PartCount { get; set; }
    }
}
