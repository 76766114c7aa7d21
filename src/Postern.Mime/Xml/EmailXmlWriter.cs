using System.Globalization;
using System.Xml;
using Postern.Mime.Headers;
using Postern.Mime.Reports;
using Postern.Mime.Summary;

namespace Postern.Mime.Xml;

/// <summary>Writes a message as the XIMSS <c>&lt;EMail&gt;</c> element (XIMSS §4.7); see docs/mime.md for the mapping.</summary>
public static class EmailXmlWriter
{
    /// <summary>Fields written one element per address, with the display name in <c>realName</c>.</summary>
    private static readonly HashSet<string> s_addressFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Resent-From", "Resent-Sender", "Resent-To", "Resent-Cc",
        "Resent-Bcc", "Disposition-Notification-To", "Return-Receipt-To", "Errors-To",
    };

    /// <summary>Fields written with <c>localTime</c> and <c>timeShift</c>.</summary>
    private static readonly HashSet<string> s_dateFields = new(StringComparer.OrdinalIgnoreCase) { "Date", "Resent-Date" };

    /// <summary>Writes <c>&lt;EMail&gt;</c> for <paramref name="message"/> (with <c>partID</c> when it is embedded).</summary>
    public static void Write(MimeMessage message, XmlWriter writer, EmailXmlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(writer);
        var context = new Context(options ?? EmailXmlOptions.Default);
        WriteEmail(message, writer, context);
    }

    /// <summary>Writes the <c>&lt;MIME&gt;</c> element of one part and everything below it (XIMSS folderRead with partID).</summary>
    public static void WritePart(MimePart part, XmlWriter writer, EmailXmlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(writer);
        WriteMime(part, writer, new Context(options ?? EmailXmlOptions.Default));
    }

    private static void WriteEmail(MimeMessage message, XmlWriter writer, Context context)
    {
        writer.WriteStartElement("EMail");
        if (message.EnclosingPart is { } enclosing)
        {
            writer.WriteAttributeString("partID", enclosing.PartId);
        }

        WriteHeaderFields(message.Headers, writer, context);
        WriteMime(message.Body, writer, context);
        writer.WriteEndElement();
    }

    private static void WriteHeaderFields(HeaderList headers, XmlWriter writer, Context context)
    {
        foreach (var field in headers)
        {
            var name = field.Name;
            if (!context.Includes(name) || !XmlText.IsName(name))
            {
                continue;
            }

            if (s_addressFields.Contains(name))
            {
                foreach (var mailbox in field.GetAddresses().Mailboxes)
                {
                    writer.WriteStartElement(name);
                    if (mailbox.Name is { } realName)
                    {
                        writer.WriteAttributeString("realName", XmlText.Clean(realName));
                    }

                    writer.WriteString(XmlText.Clean(mailbox.Address));
                    writer.WriteEndElement();
                }
            }
            else if (s_dateFields.Contains(name) && field.GetDate() is { } date)
            {
                var offset = context.Options.TimeZone?.GetUtcOffset(date) ?? date.Offset;
                writer.WriteStartElement(name);
                writer.WriteAttributeString("localTime", XimssDate.FormatLocal(date, offset));
                writer.WriteAttributeString("timeShift", ((int)offset.TotalSeconds).ToString(CultureInfo.InvariantCulture));
                writer.WriteString(XimssDate.FormatGmt(date));
                writer.WriteEndElement();
            }
            else
            {
                writer.WriteElementString(name, XmlText.Clean(field.GetText()));
            }
        }

        // XIMSS Pty: High or Low, from whichever priority field the mailer used.
        if (context.Includes("Pty") && PriorityReader.Read(headers) is var priority and not MessagePriority.Normal)
        {
            writer.WriteElementString("Pty", priority.ToString());
        }
    }

    private static void WriteMime(MimePart part, XmlWriter writer, Context context)
    {
        writer.WriteStartElement("MIME");
        WriteMimeAttributes(part, writer);
        if (part.Message is not null)
        {
            WriteEmail(part.Message, writer, context);
        }
        else if (part.IsMultipart)
        {
            foreach (var child in part.Children)
            {
                WriteMime(child, writer, context);
            }
        }
        else if (DeliveryStatusReport.IsReportPart(part))
        {
            var report = DeliveryStatusReport.Read(part);
            writer.WriteStartElement("MIMEReport");
            WriteReportFields(report.MessageFields, writer);
            foreach (var recipient in report.Recipients)
            {
                writer.WriteStartElement("recipient");
                WriteReportFields(recipient, writer);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }
        else if (DispositionNotification.IsReportPart(part))
        {
            writer.WriteStartElement("MIMEReport");
            WriteReportFields(DispositionNotification.Read(part).Fields, writer);
            writer.WriteEndElement();
        }
        else if (part.ContentType.Is("text", "rfc822-headers"))
        {
            // XIMSS §4.7: text/rfc822-headers is shown as an EMail of its fields.
            writer.WriteStartElement("EMail");
            WriteHeaderFields(HeaderList.Parse(part.DecodeContent()), writer, context);
            writer.WriteEndElement();
        }
        else if (part.IsText && context.Options.ContentWriter?.Invoke(part, writer) != true)
        {
            writer.WriteString(context.TakeText(XmlText.Clean(part.GetText())));
        }

        writer.WriteEndElement();
    }

    private static void WriteMimeAttributes(MimePart part, XmlWriter writer)
    {
        var type = part.ContentType;
        writer.WriteAttributeString("type", type.MediaType);
        writer.WriteAttributeString("subtype", type.MediaSubtype);
        if (part.PartId.Length > 0)
        {
            writer.WriteAttributeString("partID", part.PartId);
        }

        writer.WriteAttributeString("estimatedSize", part.EstimateDecodedSize().ToString(CultureInfo.InvariantCulture));
        WriteOptional(writer, "charset", type.Charset);
        WriteOptional(writer, "contentID", part.ContentId);
        WriteOptional(writer, "disposition", part.ContentDisposition?.Disposition);
        WriteOptional(writer, "description", part.ContentDescription);
        WriteOptional(writer, "location", part.ContentLocation);
        if (part.Defects.Count > 0)
        {
            writer.WriteAttributeString("parseError", part.Defects[0].Kind.ToString());
        }

        foreach (var parameter in type.Parameters)
        {
            var name = "Type-" + parameter.Name;
            if (!parameter.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)
                && !parameter.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase) && XmlText.IsName(name))
            {
                writer.WriteAttributeString(name, XmlText.Clean(parameter.Value));
            }
        }

        foreach (var parameter in part.ContentDisposition?.Parameters ?? ParameterList.Empty)
        {
            var name = "Disposition-" + parameter.Name;
            if (XmlText.IsName(name))
            {
                writer.WriteAttributeString(name, XmlText.Clean(parameter.Value));
            }
        }
    }

    private static void WriteReportFields(IEnumerable<ReportField> fields, XmlWriter writer)
    {
        foreach (var field in fields)
        {
            if (XmlText.IsName(field.Name))
            {
                writer.WriteElementString(field.Name, XmlText.Clean(field.Value));
            }
        }
    }

    private static void WriteOptional(XmlWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteAttributeString(name, XmlText.Clean(value));
        }
    }

    /// <summary>Per-call state: the options and the text budget left.</summary>
    private sealed class Context(EmailXmlOptions options)
    {
        private long _textLeft = options.TotalSizeLimit ?? long.MaxValue;

        public EmailXmlOptions Options { get; } = options;

        public bool Includes(string name)
        {
            if (Options.Headers is { } wanted)
            {
                return wanted.Contains(name) || wanted.Any(w => w.Equals(name, StringComparison.OrdinalIgnoreCase));
            }

            return !name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
                && !name.Equals("MIME-Version", StringComparison.OrdinalIgnoreCase);
        }

        public string TakeText(string text)
        {
            var length = (int)Math.Min(text.Length, _textLeft);
            if (length < text.Length && length > 0 && char.IsHighSurrogate(text[length - 1]))
            {
                length--;   // never cut a surrogate pair
            }

            _textLeft -= length;
            return length == text.Length ? text : text[..length];
        }
    }
}
