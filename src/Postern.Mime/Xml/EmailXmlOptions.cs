using System.Xml;

namespace Postern.Mime.Xml;

/// <summary>What <see cref="EmailXmlWriter"/> puts in an <c>&lt;EMail&gt;</c>.</summary>
public sealed record EmailXmlOptions
{
    /// <summary>The defaults described on each property.</summary>
    public static EmailXmlOptions Default { get; } = new();

    /// <summary>
    /// The most characters of decoded text written for all text parts together (XIMSS <c>totalSizeLimit</c>);
    /// null for no limit. A text part that does not fit is cut; parts after the limit get no text.
    /// </summary>
    public long? TotalSizeLimit
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value ?? 0);
            field = value;
        }
    }

    /// <summary>Which header fields to write, by name (case-insensitive); null writes every field except Content-* and MIME-Version.</summary>
    public IReadOnlySet<string>? Headers { get; init; }

    /// <summary>The zone of <c>localTime</c>/<c>timeShift</c> on dates (the user's); null uses each date's own offset.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>
    /// Writes the content of a text part that has a richer XML form (text/calendar as <c>iCalendar</c>,
    /// text/directory and text/x-vcard as <c>vCard</c>, text/x-vgroup as <c>vCardGroup</c>); answers false
    /// to have the decoded text written instead. Null writes text for every text part.
    /// </summary>
    public Func<MimePart, XmlWriter, bool>? ContentWriter { get; init; }
}
