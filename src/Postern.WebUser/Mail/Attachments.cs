using Postern.Mime;

namespace Postern.WebUser.Mail;

/// <summary>File names and media types of attachments as the pages show and send them.</summary>
public static class Attachments
{
    /// <summary>A file name longer than this is cut: file systems keep 255 bytes.</summary>
    public const int MaxFileNameLength = 200;

    private static readonly Dictionary<string, string> s_imageSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = ".jpg", ["image/jpg"] = ".jpg", ["image/pjpeg"] = ".jpg", ["image/png"] = ".png",
        ["image/gif"] = ".gif", ["image/webp"] = ".webp", ["image/bmp"] = ".bmp", ["image/tiff"] = ".tif",
    };

    private static readonly Dictionary<string, string> s_typesBySuffix = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png", [".gif"] = "image/gif",
        [".webp"] = "image/webp", [".bmp"] = "image/bmp", [".pdf"] = "application/pdf", [".txt"] = "text/plain",
        [".zip"] = "application/zip", [".html"] = "text/html", [".htm"] = "text/html",
    };

    /// <summary>
    /// The "cleaned" file name (WebApp, AttachmentPart <c>fileName</c>): path components removed, control
    /// characters dropped, and an image suffix added when an image's name lacks one.
    /// </summary>
    public static string CleanFileName(string? name, MimePart? part)
    {
        var text = (name ?? "").Replace('\\', '/');
        text = text[(text.LastIndexOf('/') + 1)..];
        text = new string(text.Where(c => !char.IsControl(c) && c is not (':' or '*' or '?' or '"' or '<' or '>' or '|')).ToArray()).Trim().TrimStart('.');
        if (text.Length > MaxFileNameLength)
            text = text[..MaxFileNameLength];
        if (text.Length == 0)
            text = part is null ? "file" : "part" + (part.PartId.Length == 0 ? "" : "-" + part.PartId);
        if (part is not null && s_imageSuffixes.TryGetValue(part.ContentType.MediaType + "/" + part.ContentType.MediaSubtype, out var suffix)
            && !Path.HasExtension(text))
            text += suffix;
        return text;
    }

    /// <summary>The media type a file name suggests (for uuencoded files, which carry none).</summary>
    public static string GuessContentType(string fileName) =>
        s_typesBySuffix.GetValueOrDefault(Path.GetExtension(fileName)) ?? "application/octet-stream";
}
