namespace Postern.Mime.Writing;

/// <summary>A text part. It is written in UTF-8 (US-ASCII when it is ASCII) with CRLF line breaks.</summary>
public sealed class ComposedText : ComposedPart
{
    /// <summary>Creates a text/<paramref name="subtype"/> part.</summary>
    public ComposedText(string text, string subtype = "plain")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(subtype);
        Text = text;
        Subtype = subtype;
    }

    /// <summary>The text.</summary>
    public string Text { get; set; }

    /// <summary>The subtype: <c>plain</c>, <c>html</c>, <c>calendar</c>, …</summary>
    public string Subtype { get; set; }

    /// <inheritdoc/>
    public override string MediaType => "text";

    /// <inheritdoc/>
    public override string MediaSubtype => Subtype;
}
