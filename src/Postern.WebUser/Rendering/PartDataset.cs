using Postern.Data;
using Postern.Mime;
using Postern.WebUser.Http;

namespace Postern.WebUser.Rendering;

/// <summary>
/// The elements every Message Rendering dataset carries (WebApp, "Code Components for Message Rendering"):
/// <c>MIMEPart</c>, <c>filesRef</c>, <c>isWML</c>, <c>printVersion</c>.
/// </summary>
internal static class PartDataset
{
    /// <summary>
    /// A new dataset whose <c>MIMEPart</c> is the URL of <paramref name="addressable"/>: the part itself, or
    /// inside decrypted or opaque-signed content (whose parts have no URL of their own) the stored part
    /// that holds it.
    /// </summary>
    public static DataDictionary Create(MessageRenderContext context, MimePart addressable, string? fileName = null, int? embedded = null)
    {
        var dataset = new DataDictionary
        {
            ["MIMEPart"] = MessagePartResponder.UrlFor(context.SessionPrefix, context.Mailbox, context.Uid, addressable.PartId,
                fileName ?? addressable.FileName ?? "part", embedded),
            ["filesRef"] = context.Skin.FilesRef,
        };
        if (context.IsWml)
            dataset["isWML"] = DataString.Yes;
        if (context.PrintVersion)
            dataset["printVersion"] = DataString.Yes;
        return dataset;
    }
}
