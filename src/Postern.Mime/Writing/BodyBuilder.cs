namespace Postern.Mime.Writing;

/// <summary>Builds the usual body structures from a text, an HTML alternative, inline resources and attachments.</summary>
public static class BodyBuilder
{
    /// <summary>
    /// The body for a message with <paramref name="text"/> and/or <paramref name="html"/>: one text part, or
    /// multipart/alternative (plain first, RFC 2046 §5.1.4); parts in <paramref name="inline"/> (images the
    /// HTML refers to by Content-ID) go in multipart/related with the HTML as root (RFC 2387); attachments
    /// wrap everything in multipart/mixed.
    /// </summary>
    public static ComposedPart Build(string? text, string? html = null, IEnumerable<ComposedPart>? inline = null,
        IEnumerable<ComposedPart>? attachments = null)
    {
        ComposedPart? htmlPart = html is null ? null : new ComposedText(html, "html");
        var inlineParts = inline?.ToList() ?? [];
        if (htmlPart is not null && inlineParts.Count > 0)
        {
            foreach (var part in inlineParts)
            {
                part.Disposition ??= "inline";
            }

            var related = new ComposedMultipart("related", [htmlPart, .. inlineParts]);
            related.TypeParameters.Add(new Headers.HeaderParameter("type", "text/html"));
            htmlPart = related;
        }

        ComposedPart body = (text, htmlPart) switch
        {
            (not null, not null) => new ComposedMultipart("alternative", new ComposedText(text), htmlPart),
            (null, not null) => htmlPart,
            _ => new ComposedText(text ?? ""),
        };

        var attachmentParts = attachments?.ToList() ?? [];
        if (attachmentParts.Count == 0)
        {
            return body;
        }

        foreach (var attachment in attachmentParts)
        {
            attachment.Disposition ??= attachment is ComposedMessagePart ? "inline" : "attachment";
        }

        return new ComposedMultipart("mixed", [body, .. attachmentParts]);
    }

    /// <summary>An attachment holding <paramref name="content"/> under <paramref name="fileName"/>.</summary>
    public static ComposedBinary Attachment(string fileName, ReadOnlyMemory<byte> content, string mediaType = "application",
        string mediaSubtype = "octet-stream") =>
        new(content, mediaType, mediaSubtype) { FileName = fileName, Disposition = "attachment" };
}
