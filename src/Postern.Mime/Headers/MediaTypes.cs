namespace Postern.Mime.Headers;

/// <summary>Guesses a media type from a file name's extension, for attachments that come without one.</summary>
public static class MediaTypes
{
    private static readonly Dictionary<string, (string Type, string Subtype)> s_byExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = ("text", "plain"), [".htm"] = ("text", "html"), [".html"] = ("text", "html"), [".csv"] = ("text", "csv"),
        [".ics"] = ("text", "calendar"), [".vcf"] = ("text", "vcard"), [".xml"] = ("application", "xml"),
        [".pdf"] = ("application", "pdf"), [".zip"] = ("application", "zip"), [".gz"] = ("application", "gzip"),
        [".doc"] = ("application", "msword"), [".xls"] = ("application", "vnd.ms-excel"), [".ppt"] = ("application", "vnd.ms-powerpoint"),
        [".docx"] = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
        [".xlsx"] = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        [".pptx"] = ("application", "vnd.openxmlformats-officedocument.presentationml.presentation"),
        [".odt"] = ("application", "vnd.oasis.opendocument.text"), [".json"] = ("application", "json"),
        [".jpg"] = ("image", "jpeg"), [".jpeg"] = ("image", "jpeg"), [".png"] = ("image", "png"), [".gif"] = ("image", "gif"),
        [".svg"] = ("image", "svg+xml"), [".webp"] = ("image", "webp"), [".bmp"] = ("image", "bmp"), [".tif"] = ("image", "tiff"),
        [".tiff"] = ("image", "tiff"), [".mp3"] = ("audio", "mpeg"), [".wav"] = ("audio", "wav"), [".ogg"] = ("audio", "ogg"),
        [".mp4"] = ("video", "mp4"), [".mov"] = ("video", "quicktime"),
    };

    /// <summary>The media type for <paramref name="fileName"/>'s extension, or application/octet-stream.</summary>
    public static (string Type, string Subtype) FromFileName(string fileName) =>
        s_byExtension.TryGetValue(Path.GetExtension(fileName), out var type) ? type : ("application", "octet-stream");
}
