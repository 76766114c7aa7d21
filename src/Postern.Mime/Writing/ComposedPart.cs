using Postern.Mime.Headers;

namespace Postern.Mime.Writing;

/// <summary>A part of a message being composed; <see cref="MessageWriter"/> chooses its encodings.</summary>
public abstract class ComposedPart
{
    private protected ComposedPart()
    {
    }

    /// <summary>Content-Type parameters besides the ones the writer sets (charset, boundary, name), e.g. <c>format=flowed</c>.</summary>
    public List<HeaderParameter> TypeParameters { get; } = [];

    /// <summary>The Content-Disposition type (<c>inline</c> or <c>attachment</c>), or null for none.</summary>
    public string? Disposition { get; set; }

    /// <summary>Content-Disposition parameters besides <c>filename</c>.</summary>
    public List<HeaderParameter> DispositionParameters { get; } = [];

    /// <summary>The file name, written as Content-Disposition <c>filename</c> and Content-Type <c>name</c> (RFC 2231 when not plain ASCII).</summary>
    public string? FileName { get; set; }

    /// <summary>The Content-ID without angle brackets, or null.</summary>
    public string? ContentId { get; set; }

    /// <summary>The Content-Description, or null.</summary>
    public string? Description { get; set; }

    /// <summary>The media type written for this part.</summary>
    public abstract string MediaType { get; }

    /// <summary>The media subtype written for this part.</summary>
    public abstract string MediaSubtype { get; }
}
