using System.Globalization;

namespace Postern.Ximss.Protocol.Values;

/// <summary>The CGP compact time formats XIMSS uses in attributes and text (docs/ximss.md §7.1).</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>yyyyMMddTHHmmss</c>: a wall-clock time (<c>localTime</c>, and <c>gmtTime</c> in
/// <c>currentTime</c>/<c>alert</c>, which CGP writes without a zone marker, seed example).</item>
/// <item><c>yyyyMMddTHHmmssZ</c>: a GMT instant, e.g. the text of <c>&lt;Date&gt;</c> and <c>&lt;INTERNALDATE&gt;</c>.</item>
/// <item><c>yyyyMMdd</c>: a date, accepted on input (calendar ranges, search dates).</item>
/// </list>
/// <c>timeShift</c> is the local offset from GMT in seconds (<c>14400</c> for UTC+4).
/// </remarks>
public static class XimssTime
{
    private const string DateTimeFormat = "yyyyMMdd'T'HHmmss";
    private const string DateOnlyFormat = "yyyyMMdd";

    /// <summary>Formats <paramref name="value"/> as <c>yyyyMMddTHHmmss</c>, with a trailing <c>Z</c> when <paramref name="utcMarker"/> is set.</summary>
    public static string Format(DateTime value, bool utcMarker = false) =>
        value.ToString(DateTimeFormat, CultureInfo.InvariantCulture) + (utcMarker ? "Z" : "");

    /// <summary>
    /// Parses any of the three forms. A trailing <c>Z</c> gives <see cref="DateTimeKind.Utc"/>; otherwise
    /// the kind is <see cref="DateTimeKind.Unspecified"/> and the caller decides which zone it is in.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTime value)
    {
        var utc = text.EndsWith("Z", StringComparison.OrdinalIgnoreCase);
        var body = utc ? text[..^1] : text;
        var styles = DateTimeStyles.None;
        var parsed = body.Length switch
        {
            15 => DateTime.TryParseExact(body, DateTimeFormat, CultureInfo.InvariantCulture, styles, out value),
            8 => DateTime.TryParseExact(body, DateOnlyFormat, CultureInfo.InvariantCulture, styles, out value),
            _ => Fail(out value),
        };
        if (parsed && utc)
            value = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return parsed;
    }

    /// <summary>The <c>timeShift</c> value for a UTC offset: whole seconds east of GMT.</summary>
    public static int TimeShift(TimeSpan offset) => (int)offset.TotalSeconds;

    private static bool Fail(out DateTime value)
    {
        value = default;
        return false;
    }
}
