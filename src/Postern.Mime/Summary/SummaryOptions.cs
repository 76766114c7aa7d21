namespace Postern.Mime.Summary;

/// <summary>How <see cref="MessageSummary.Create"/> builds a summary.</summary>
public sealed record SummaryOptions
{
    /// <summary>The defaults described on each property.</summary>
    public static SummaryOptions Default { get; } = new();

    /// <summary>The longest preview, in characters. Default 256; 0 leaves the preview empty and skips the body.</summary>
    /// <remarks>Two lines of a wide folder view; mail clients show 100–300 characters.</remarks>
    public int PreviewLength
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = 256;
}
