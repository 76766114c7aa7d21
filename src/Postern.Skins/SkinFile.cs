namespace Postern.Skins;

/// <summary>A file found through a skin's lookup order, with its content (cached).</summary>
public sealed class SkinFile
{
    internal SkinFile(SkinIdentity skin, SkinFileInfo info, byte[] content)
    {
        Skin = skin;
        Name = info.Name;
        Length = info.Length;
        LastModifiedUtc = info.LastModifiedUtc;
        Content = content;
        ContentType = SkinContentTypes.For(info.Name);
    }

    /// <summary>The skin the file was found in (the selected skin or one of its parents).</summary>
    public SkinIdentity Skin { get; }

    /// <summary>The lower-case file name.</summary>
    public string Name { get; }

    /// <summary>The size in bytes.</summary>
    public long Length { get; }

    /// <summary>When the file last changed.</summary>
    public DateTime LastModifiedUtc { get; }

    /// <summary>The file's bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>The media type to serve it with, from its extension.</summary>
    public string ContentType { get; }
}

/// <summary>Media types of the files skins hold, by extension.</summary>
public static class SkinContentTypes
{
    private static readonly Dictionary<string, string> s_types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".html"] = "text/html; charset=utf-8",
        [".htm"] = "text/html; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".xml"] = "application/xml",
        [".json"] = "application/json",
        [".wml"] = "text/vnd.wap.wml",
        [".gif"] = "image/gif",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon",
        [".webp"] = "image/webp",
        [".woff"] = "font/woff",
        [".woff2"] = "font/woff2",
        [".wav"] = "audio/wav",
        [".mp3"] = "audio/mpeg",
    };

    /// <summary>The media type for <paramref name="fileName"/>; <c>application/octet-stream</c> when unknown.</summary>
    public static string For(string fileName) =>
        s_types.GetValueOrDefault(Path.GetExtension(fileName)) ?? "application/octet-stream";
}
