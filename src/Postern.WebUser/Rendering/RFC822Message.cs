using Postern.Data;
using Postern.Mime;

namespace Postern.WebUser.Rendering;

/// <summary>
/// WebApp, RFC822Message: a message (the stored one, or a message/rfc822 part inside it) as
/// <c>RFC822Header</c> and <c>RFC822Body</c> markup, with <c>isSubPart</c> for embedded messages.
/// </summary>
public static class RFC822Message
{
    /// <param name="container">The stored part holding the message when it lies inside decrypted or opaque content, else null.</param>
    public static DataDictionary CreateDataset(MimeMessage message, MessageRenderContext context, MimePart? container, bool isSubPart, MessageRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(renderer);
        var dataset = PartDataset.Create(context, container ?? message.EnclosingPart ?? message.Body);
        dataset["RFC822Header"] = renderer.RenderPage("RFC822Header.wssp", RFC822Header.CreateDataset(message, context, container), context);
        dataset["RFC822Body"] = renderer.RenderPart(message.Body, context, container);
        if (isSubPart)
            dataset["isSubPart"] = DataString.Yes;
        return dataset;
    }
}
