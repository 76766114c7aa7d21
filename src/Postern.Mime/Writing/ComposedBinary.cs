namespace Postern.Mime.Writing;

/// <summary>A part holding bytes (an attachment, an image); written in base64.</summary>
public sealed class ComposedBinary : ComposedPart
{
    /// <summary>Creates a <paramref name="mediaType"/>/<paramref name="mediaSubtype"/> part.</summary>
    public ComposedBinary(ReadOnlyMemory<byte> content, string mediaType = "application", string mediaSubtype = "octet-stream")
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        ArgumentException.ThrowIfNullOrEmpty(mediaSubtype);
        Content = content;
        Type = mediaType;
        Subtype = mediaSubtype;
    }

    /// <summary>The bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; set; }

    /// <summary>The media type.</summary>
    public string Type { get; set; }

    /// <summary>The media subtype.</summary>
    public string Subtype { get; set; }

    /// <inheritdoc/>
    public override string MediaType => Type;

    /// <inheritdoc/>
    public override string MediaSubtype => Subtype;
}
