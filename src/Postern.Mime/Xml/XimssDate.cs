using System.Globalization;

namespace Postern.Mime.Xml;

/// <summary>The XIMSS compact date-time forms (<c>yyyyMMddTHHmmss</c> local, <c>yyyyMMddTHHmmssZ</c> GMT).</summary>
public static class XimssDate
{
    private const string LocalFormat = "yyyyMMdd'T'HHmmss";

    /// <summary>GMT: <c>20090403T215200Z</c>.</summary>
    public static string FormatGmt(DateTimeOffset date) =>
        date.UtcDateTime.ToString(LocalFormat, CultureInfo.InvariantCulture) + "Z";

    /// <summary>Local time at <paramref name="offset"/>: <c>20090404T015200</c>.</summary>
    public static string FormatLocal(DateTimeOffset date, TimeSpan offset) =>
        date.ToOffset(offset).DateTime.ToString(LocalFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a compact GMT (trailing Z) or local time; a local time is taken at <paramref name="localOffset"/>.</summary>
    public static bool TryParse(string text, TimeSpan localOffset, out DateTimeOffset date)
    {
        date = default;
        var value = text.Trim();
        var gmt = value.EndsWith('Z');
        if (!DateTime.TryParseExact(gmt ? value[..^1] : value, LocalFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        date = new DateTimeOffset(parsed, gmt ? TimeSpan.Zero : localOffset);
        return true;
    }
}
