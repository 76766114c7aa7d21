using System.Text;
using Postern.Mime;
using Postern.Mime.Addresses;
using Postern.Mime.Text;
using Postern.Storage;

namespace Postern.Mail.Search;

/// <summary>Extracts the words full-text search finds a message by: decoded header values and the text a reader sees.</summary>
public static class MessageTextExtractor
{
    public static MessageText Extract(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = message.Headers;
        var headerText = new StringBuilder();
        foreach (var field in headers)
        {
            if (headerText.Length >= SearchLimits.MaxIndexedHeaderChars)
                break;
            headerText.Append(field.Name).Append(": ").Append(field.GetText()).Append('\n');
        }
        var body = new StringBuilder();
        CollectBody(message.Body, body);
        return new MessageText(
            Subject: headers.GetText("Subject") ?? "",
            From: Addresses(headers.GetAddresses("From")),
            To: Addresses(headers.GetAddresses("To")),
            Cc: Addresses(headers.GetAddresses("Cc")),
            Bcc: Addresses(headers.GetAddresses("Bcc")),
            Headers: Cut(headerText, SearchLimits.MaxIndexedHeaderChars),
            Body: Cut(body, SearchLimits.MaxIndexedBodyChars));
    }

    private static string Addresses(AddressList list) =>
        string.Join(", ", list.Mailboxes.Select(m => m.Name is null ? m.Address : m.Name + " " + m.Address));

    /// <summary>
    /// Walks the parts a reader sees: text parts (HTML as its visible text), one alternative of each
    /// multipart/alternative (plain preferred, as it is the same text), forwarded messages with their
    /// subject, and the file name of every part that has one.
    /// </summary>
    private static void CollectBody(MimePart part, StringBuilder body)
    {
        if (body.Length >= SearchLimits.MaxIndexedBodyChars)
            return;
        if (part.FileName is { } fileName)
            body.Append(fileName).Append('\n');
        if (part.Message is { } embedded)
        {
            body.Append(embedded.Subject).Append('\n');
            CollectBody(embedded.Body, body);
        }
        else if (part.ContentType.Is("multipart", "alternative") && part.Children.Count > 0)
        {
            CollectBody(part.Children.FirstOrDefault(c => c.ContentType.Is("text", "plain")) ?? part.Children[^1], body);
        }
        else if (part.IsMultipart)
        {
            foreach (var child in part.Children)
                CollectBody(child, body);
        }
        else if (part.IsText && !part.IsAttachment)
        {
            var text = part.GetText();
            body.Append(part.ContentType.Is("text", "html") ? HtmlText.ToPlainText(text) : text).Append('\n');
        }
    }

    private static string Cut(StringBuilder text, int maxChars) =>
        text.Length <= maxChars ? text.ToString() : text.ToString(0, maxChars);
}
