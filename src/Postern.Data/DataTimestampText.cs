using System.Globalization;

namespace Postern.Data;

/// <summary>The <c>dd-mm-yyyy_hh:mm:ss</c> text of time stamps (GMT), shared by the reader and the writer.</summary>
internal static class DataTimestampText
{
    /// <summary>Parses <c>dd-mm-yyyy</c> or <c>dd-mm-yyyy_hh:mm:ss</c>; one-digit fields are accepted.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTime moment)
    {
        moment = default;
        var pos = 0;
        if (!TryField(text, ref pos, 1, 2, out var day) || !Expect(text, ref pos, '-')
            || !TryField(text, ref pos, 1, 2, out var month) || !Expect(text, ref pos, '-')
            || !TryField(text, ref pos, 4, 4, out var year))
            return false;
        int hour = 0, minute = 0, second = 0;
        if (pos < text.Length)
        {
            if (!Expect(text, ref pos, '_')
                || !TryField(text, ref pos, 1, 2, out hour) || !Expect(text, ref pos, ':')
                || !TryField(text, ref pos, 1, 2, out minute) || !Expect(text, ref pos, ':')
                || !TryField(text, ref pos, 1, 2, out second) || pos != text.Length)
                return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
            return false;
        moment = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        return true;
    }

    /// <summary>Appends <c>dd-mm-yyyy_hh:mm:ss</c>.</summary>
    public static void Append(System.Text.StringBuilder builder, DateTime utc) =>
        builder.Append(utc.ToString("dd'-'MM'-'yyyy'_'HH':'mm':'ss", CultureInfo.InvariantCulture));

    private static bool TryField(ReadOnlySpan<char> text, ref int pos, int minDigits, int maxDigits, out int value)
    {
        value = 0;
        var start = pos;
        while (pos < text.Length && pos - start < maxDigits && char.IsAsciiDigit(text[pos]))
        {
            value = (value * 10) + (text[pos] - '0');
            pos++;
        }
        return pos - start >= minDigits;
    }

    private static bool Expect(ReadOnlySpan<char> text, ref int pos, char c)
    {
        if (pos >= text.Length || text[pos] != c)
            return false;
        pos++;
        return true;
    }
}
