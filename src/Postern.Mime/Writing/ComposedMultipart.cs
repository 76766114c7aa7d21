namespace Postern.Mime.Writing;

/// <summary>A multipart: <c>mixed</c>, <c>alternative</c> (simplest first), <c>related</c> (root first), …</summary>
public sealed class ComposedMultipart : ComposedPart
{
    /// <summary>Creates a multipart/<paramref name="subtype"/> with <paramref name="parts"/>.</summary>
    public ComposedMultipart(string subtype, params IEnumerable<ComposedPart> parts)
    {
        ArgumentException.ThrowIfNullOrEmpty(subtype);
        Subtype = subtype;
        Parts = [.. parts];
    }

    /// <summary>The subtype.</summary>
    public string Subtype { get; set; }

    /// <summary>The parts, in order.</summary>
    public List<ComposedPart> Parts { get; }

    /// <inheritdoc/>
    public override string MediaType => "multipart";

    /// <inheritdoc/>
    public override string MediaSubtype => Subtype;
}
