using System.Text;
using Postern.Data;
using Postern.Mime;
using Postern.Templates;

namespace Postern.WebUser.Rendering;

/// <summary>
/// Converts a message into markup (WebApp, "Code Components for Message Rendering"): walks the MIME
/// structure, builds each part's dataset with the component the seed names for it, and renders the part
/// page of that name from the skin. Text and HTML bodies become safe markup through
/// <see cref="MailBodyMarkup"/> before they reach any page.
/// </summary>
public sealed class MessageRenderer(MailBodyMarkup bodies, SmimeTrust trust)
{
    /// <summary>
    /// Parts rendered per message. 1000: far more than real mail has (the MIME parser itself stops at its
    /// part cap), while a hostile message cannot make one page render without end.
    /// </summary>
    public const int MaxRenderedParts = 1000;

    private static readonly IReadOnlyDictionary<string, string> s_noReferences = new Dictionary<string, string>();

    /// <summary>Whose S/MIME signatures to trust.</summary>
    internal SmimeTrust Trust => trust;

    /// <summary>Renders a stored message with <c>RFC822Message.wssp</c>.</summary>
    public string RenderMessage(MimeMessage message, MessageRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        return RenderPage("RFC822Message.wssp", RFC822Message.CreateDataset(message, context, null, isSubPart: false, this), context);
    }

    /// <summary>Renders one part and everything in it.</summary>
    /// <param name="container">The stored part holding <paramref name="part"/> when it lies inside decrypted or opaque content, else null.</param>
    public string RenderPart(MimePart part, MessageRenderContext context, MimePart? container)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();
        if (++context.PartsRendered > MaxRenderedParts)
            return context.PartsRendered == MaxRenderedParts + 1 ? "<p class=\"partLimit\">The rest of this message has too many parts to show.</p>" : "";

        var type = part.ContentType;
        if (SignedPart.Handles(part))
            return RenderPage("SignedPart.wssp", SignedPart.CreateDataset(part, context, container, this), context);
        if (EncryptedPart.Handles(part))
            return RenderPage("EncryptedPart.wssp", EncryptedPart.CreateDataset(part, context, container, this), context);
        if (type.Is("multipart", "alternative") && part.Children.Count > 0)
            return RenderPart(ChooseAlternative(part), context, container);
        if (type.Is("multipart", "related") && part.Children.Count > 0)
            return RenderRelated(part, context, container);
        if (part.IsMultipart)
            return string.Concat(part.Children.Select(child => RenderPart(child, context, container)));
        if (part.Message is { } embedded)
            return RenderPage("RFC822Message.wssp", RFC822Message.CreateDataset(embedded, context, container, isSubPart: true, this), context);
        if (Postern.Mime.Reports.DeliveryStatusReport.IsReportPart(part))
            return RenderPage("DeliveryReportPart.wssp", DeliveryReportPart.CreateDataset(part, context, container), context);
        if (Postern.Mime.Reports.DispositionNotification.IsReportPart(part))
            return RenderPage("DispositionReportPart.wssp", DispositionReportPart.CreateDataset(part, context, container), context);
        if (part.IsText && !part.IsAttachment)
            return RenderText(part, context, container, s_noReferences, s_noReferences);
        return RenderFile(part, context, container);
    }

    /// <summary>Renders a part page of the skin with <paramref name="dataset"/> into markup.</summary>
    /// <exception cref="TemplateCompileException">The page does not compile.</exception>
    /// <exception cref="TemplateRenderException">The page fails to render.</exception>
    public string RenderPage(string page, DataDictionary dataset, MessageRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var template = context.Skin.FindTemplate(page.ToLowerInvariant());
        return template is null ? "" : template.Render(context.TemplateContextFor(dataset)).Text;
    }

    private string RenderFile(MimePart part, MessageRenderContext context, MimePart? container)
    {
        context.HasFiles = true;
        var dataset = AttachmentPart.CreateDataset(part, context, container);
        return RenderPage(AttachmentPart.PageFor(part.ContentType.MimeType), dataset, context);
    }

    private string RenderText(MimePart part, MessageRenderContext context, MimePart? container,
        IReadOnlyDictionary<string, string> contentIds, IReadOnlyDictionary<string, string> contentLocations)
    {
        if (part.ContentType.Is("text", "html"))
        {
            var html = bodies.Html(part.GetText(), contentIds, contentLocations, context.AllowRemoteContent, context.IsWml, out var blockedRemote);
            context.RemoteContentBlocked |= blockedRemote;
            return html;
        }

        // WebApp, AttachmentPart: "Images and attachments can … be embedded into text parts using UUENCODE".
        var files = part.FindEmbeddedFiles();
        var text = part.GetText();
        if (files.Count == 0)
            return bodies.PlainText(text, part.ContentType, context.IsWml);
        var markup = new StringBuilder();
        var decoded = part.DecodeContent();
        var position = 0;
        foreach (var file in files)
        {
            markup.Append(bodies.PlainText(Charsets(part, decoded.Span[position..file.Block.Start]), part.ContentType, context.IsWml));
            context.HasFiles = true;
            var dataset = AttachmentPart.CreateDataset(file, part, context, container);
            markup.Append(RenderPage(AttachmentPart.PageFor(Postern.WebUser.Mail.Attachments.GuessContentType(file.FileName)), dataset, context));
            position = file.Block.End;
        }
        markup.Append(bodies.PlainText(Charsets(part, decoded.Span[position..]), part.ContentType, context.IsWml));
        return markup.ToString();
    }

    private static string Charsets(MimePart part, ReadOnlySpan<byte> bytes) => Postern.Mime.Encodings.Charsets.Decode(bytes, part.Charset);

    /// <summary>RFC 2387: the root (the <c>start</c> part, else the first) is shown; the others are what it refers to by Content-ID.</summary>
    private string RenderRelated(MimePart part, MessageRenderContext context, MimePart? container)
    {
        var start = part.ContentType.Parameters["start"]?.Trim('<', '>', ' ');
        var root = part.Children.FirstOrDefault(c => start is not null && c.ContentId == start) ?? part.Children[0];
        var contentIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var contentLocations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in part.Children)
        {
            // Parts inside decrypted or opaque content have no URL of their own to refer to.
            if (child == root || container is not null)
                continue;
            var url = Http.MessagePartResponder.UrlFor(context.SessionPrefix, context.Mailbox, context.Uid, child.PartId,
                Postern.WebUser.Mail.Attachments.CleanFileName(child.FileName, child));
            if (child.ContentId is { } id)
                contentIds[id] = url;
            if (child.ContentLocation is { Length: > 0 } location)
                contentLocations[location] = url;
        }
        var rendered = root.IsText && root.ContentType.Is("text", "html") && !root.IsAttachment
            ? RenderText(root, context, container, contentIds, contentLocations)
            : RenderPart(root, context, container);
        // Related parts the root does not refer to by Content-ID or Content-Location are still offered as files.
        var others = part.Children.Where(c => c != root && c.ContentId is null && c.ContentLocation is null).Select(c => RenderPart(c, context, container));
        return rendered + string.Concat(others);
    }

    /// <summary>RFC 2046 §5.1.4: the last alternative the reader can show (text or a multipart), as the richest one.</summary>
    private static MimePart ChooseAlternative(MimePart part)
    {
        for (var i = part.Children.Count - 1; i >= 0; i--)
        {
            var child = part.Children[i];
            if (child.IsText || child.IsMultipart)
                return child;
        }
        return part.Children[0];
    }

    /// <summary>Escapes text for markup: the five characters HTML gives meaning to; everything else stays as it is (pages are UTF-8 or get character references).</summary>
    internal static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
            return text;
        var escaped = new StringBuilder(text.Length + 32);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '"' => escaped.Append("&quot;"),
                '\'' => escaped.Append("&#39;"),
                _ => escaped.Append(c),
            };
        }
        return escaped.ToString();
    }
}
