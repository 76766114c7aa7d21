using System.Globalization;
using Postern.Data;
using Postern.Mime;
using Postern.WebUser.Mail;

namespace Postern.WebUser.Rendering;

/// <summary>
/// WebApp, AttachmentPart and ImagePart: a file in a message, a separate MIME part or a file uuencoded
/// inside a text part (<c>attachmentName</c>, <c>fileName</c>, <c>embeddedPart</c>, <c>decodedSize</c>).
/// </summary>
public static class AttachmentPart
{
    /// <summary>The page of a part: images get <c>ImagePart.wssp</c>, other files <c>AttachmentPart.wssp</c>.</summary>
    public static string PageFor(string contentType) =>
        contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? "ImagePart.wssp" : "AttachmentPart.wssp";

    /// <summary>The dataset of a file part.</summary>
    public static DataDictionary CreateDataset(MimePart part, MessageRenderContext context, MimePart? container)
    {
        ArgumentNullException.ThrowIfNull(part);
        var fileName = Attachments.CleanFileName(part.FileName, part);
        var dataset = PartDataset.Create(context, container ?? part, container is null ? fileName : null);
        dataset["attachmentName"] = part.FileName ?? "";
        dataset["fileName"] = fileName;
        dataset["decodedSize"] = part.EstimateDecodedSize().ToString(CultureInfo.InvariantCulture);
        return dataset;
    }

    /// <summary>The dataset of a file uuencoded in the text part <paramref name="textPart"/>.</summary>
    public static DataDictionary CreateDataset(EmbeddedFile file, MimePart textPart, MessageRenderContext context, MimePart? container)
    {
        ArgumentNullException.ThrowIfNull(file);
        var fileName = Attachments.CleanFileName(file.FileName, null);
        var dataset = PartDataset.Create(context, container ?? textPart, fileName, container is null ? file.Number : null);
        dataset["attachmentName"] = file.FileName;
        dataset["fileName"] = fileName;
        dataset["embeddedPart"] = file.Number.ToString(CultureInfo.InvariantCulture);
        dataset["decodedSize"] = file.EstimatedSize.ToString(CultureInfo.InvariantCulture);
        return dataset;
    }
}
