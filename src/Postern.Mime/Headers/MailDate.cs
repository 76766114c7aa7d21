using System.Globalization;
using System.Text;

namespace Postern.Mime.Headers;

/// <summary>Reads and writes header dates (RFC 5322 §3.3), accepting the obsolete and broken forms of real mail.</summary>
public static class MailDate
{
    private static readonly string[] s_months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly string[] s_days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>Writes <paramref name="date"/> as RFC 5322 §3.3 asks: <c>Tue, 1 Jul 2003 10:52:37 +0200</c>.</summary>
    public static string Format(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture,
            $"{CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(date.DayOfWeek)}, {date.Day} {CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(date.Month)} {date.Year:D4} {date.Hour:D2}:{date.Minute:D2}:{date.Second:D2} {sign}{abs.Hours:D2}{abs.Minutes:D2}");
    }

    /// <summary>Reads a date; answers false when no day, month and year can be found.</summary>
    /// <remarks>
    /// Accepts RFC 5322 dates with or without day name and seconds, two- and three-digit years
    /// (RFC 5322 §4.3), named and military zones (§4.3; military letters read as +0000 as §4.3
    /// advises), comments, <c>asctime</c> order (<c>Tue Jul  1 10:52:37 2003</c>), dashes
    /// (<c>1-Jul-2003</c>), ISO 8601 (<c>2003-07-01T10:52:37Z</c>) and AM/PM. A missing zone reads
    /// as +0000; an impossible one is ignored.
    /// </remarks>
    public static bool TryParse(ReadOnlySpan<byte> value, out DateTimeOffset date)
    {
        date = default;
        var fields = new DateFields();
        var i = 0;
        while (i < value.Length)
        {
            var b = value[i];
            if (b == (byte)'(')
            {
                i = SkipComment(value, i);
            }
            else if (char.IsAsciiLetter((char)b))
            {
                var start = i;
                while (i < value.Length && char.IsAsciiLetter((char)value[i]))
                {
                    i++;
                }

                fields.Word(value[start..i]);
            }
            else if (char.IsAsciiDigit((char)b))
            {
                i = ReadNumeric(value, i, ref fields);
            }
            else if ((b == (byte)'+' || b == (byte)'-') && fields.Hour >= 0 && i + 1 < value.Length && char.IsAsciiDigit((char)value[i + 1]))
            {
                i = ReadOffset(value, i, ref fields);
            }
            else
            {
                i++;
            }
        }

        return fields.TryBuild(out date);
    }

    private static int ReadNumeric(ReadOnlySpan<byte> value, int i, ref DateFields fields)
    {
        var start = i;
        while (i < value.Length && char.IsAsciiDigit((char)value[i]))
        {
            i++;
        }

        var digits = value[start..i];

        // ISO 8601: yyyy-mm-dd
        if (digits.Length == 4 && i + 6 <= value.Length && value[i] == (byte)'-' && value[i + 3] == (byte)'-'
            && TryNumber(value.Slice(i + 1, 2), out var isoMonth) && TryNumber(value.Slice(i + 4, 2), out var isoDay))
        {
            fields.Year = Number(digits);
            fields.Month = isoMonth;
            fields.Day = isoDay;
            return i + 6;
        }

        if (i < value.Length && value[i] == (byte)':')
        {
            // A time: h:mm[:ss[.fraction]]
            fields.Hour = Number(digits);
            i++;
            var m = i;
            while (i < value.Length && char.IsAsciiDigit((char)value[i]))
            {
                i++;
            }

            fields.Minute = m == i ? 0 : Number(value[m..i]);
            if (i < value.Length && value[i] == (byte)':')
            {
                var s = ++i;
                while (i < value.Length && char.IsAsciiDigit((char)value[i]))
                {
                    i++;
                }

                fields.Second = s == i ? 0 : Number(value[s..i]);
                if (i < value.Length && value[i] == (byte)'.')
                {
                    i++;
                    while (i < value.Length && char.IsAsciiDigit((char)value[i]))
                    {
                        i++;
                    }
                }
            }

            return i;
        }

        fields.Number(digits);
        return i;
    }

    private static int ReadOffset(ReadOnlySpan<byte> value, int i, ref DateFields fields)
    {
        var negative = value[i] == (byte)'-';
        var start = ++i;
        while (i < value.Length && char.IsAsciiDigit((char)value[i]))
        {
            i++;
        }

        var digits = value[start..i];
        int hours;
        int minutes = 0;
        if (digits.Length <= 2)
        {
            hours = Number(digits);
            if (i + 2 < value.Length && value[i] == (byte)':' && TryNumber(value.Slice(i + 1, 2), out minutes))
            {
                i += 3;
            }
        }
        else if (digits.Length == 4)
        {
            hours = Number(digits[..2]);
            minutes = Number(digits[2..]);
        }
        else
        {
            return i;
        }

        if (fields.OffsetMinutes is null && hours <= 14 && minutes < 60)
        {
            var total = (hours * 60) + minutes;
            fields.OffsetMinutes = negative ? -total : total;
        }

        return i;
    }

    private static int SkipComment(ReadOnlySpan<byte> value, int i)
    {
        var close = value[i..].IndexOf((byte)')');
        return close < 0 ? value.Length : i + close + 1;
    }

    private static bool TryNumber(ReadOnlySpan<byte> digits, out int number)
    {
        number = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var d in digits)
        {
            if (!char.IsAsciiDigit((char)d))
            {
                return false;
            }

            number = (number * 10) + (d - '0');
        }

        return true;
    }

    private static int Number(ReadOnlySpan<byte> digits)
    {
        var n = 0;
        foreach (var d in digits[..Math.Min(digits.Length, 9)])
        {
            n = (n * 10) + (d - '0');
        }

        return n;
    }

    private struct DateFields
    {
        public DateFields()
        {
        }

        public int Day { get; set; } = -1;

        public int Month { get; set; } = -1;

        public int Year { get; set; } = -1;

        public int Hour { get; set; } = -1;

        public int Minute { get; set; }

        public int Second { get; set; }

        public int? OffsetMinutes { get; set; }

        private int YearDigits { get; set; }

        private bool Pm { get; set; }

        private bool Am { get; set; }

        public void Word(ReadOnlySpan<byte> word)
        {
            if (word.Length >= 3 && Month < 0 && IndexOf(s_months, word) is var month and >= 0)
            {
                Month = month + 1;
            }
            else if (word.Length >= 3 && IndexOf(s_days, word) >= 0)
            {
                // The day name is redundant (RFC 5322 §3.3); ignore it.
            }
            else if (Ascii.EqualsIgnoreCase(word, "pm"u8))
            {
                Pm = true;
            }
            else if (Ascii.EqualsIgnoreCase(word, "am"u8))
            {
                Am = true;
            }
            else if (OffsetMinutes is null && Hour >= 0 && ZoneOffset(word) is { } offset)
            {
                OffsetMinutes = offset;
            }
        }

        public void Number(ReadOnlySpan<byte> digits)
        {
            var n = MailDate.Number(digits);
            if (digits.Length >= 3 && Year < 0)
            {
                Year = n;
                YearDigits = digits.Length;
            }
            else if (digits.Length <= 2 && Day < 0)
            {
                Day = n;
            }
            else if (digits.Length <= 2 && Year < 0)
            {
                Year = n;
                YearDigits = digits.Length;
            }
            else if (digits.Length == 4 && Hour >= 0 && OffsetMinutes is null && n / 100 <= 14 && n % 100 < 60)
            {
                OffsetMinutes = ((n / 100) * 60) + (n % 100);   // a zone written without its sign
            }
        }

        public readonly bool TryBuild(out DateTimeOffset date)
        {
            date = default;
            var year = Year;
            if (YearDigits is 1 or 2)
            {
                year += year < 50 ? 2000 : 1900;   // RFC 5322 §4.3
            }
            else if (YearDigits == 3)
            {
                year += 1900;   // RFC 5322 §4.3
            }

            var hour = Hour < 0 ? 0 : Hour;
            if (Pm && hour < 12)
            {
                hour += 12;
            }
            else if (Am && hour == 12)
            {
                hour = 0;
            }

            if (year is < 1 or > 9999 || Month is < 1 or > 12 || Day < 1 || Day > DateTime.DaysInMonth(year, Month)
                || hour > 23 || Minute > 59 || Second > 60)
            {
                return false;
            }

            var offset = TimeSpan.FromMinutes(OffsetMinutes ?? 0);
            var local = new DateTime(year, Month, Day, hour, Minute, Math.Min(Second, 59), DateTimeKind.Unspecified);

            // A date so close to the ends of the calendar that the offset would leave it is kept in UTC.
            if ((local - offset).Year is < 1 or > 9999)
            {
                offset = TimeSpan.Zero;
            }

            date = new DateTimeOffset(local, offset);
            return true;
        }

        private static int IndexOf(string[] names, ReadOnlySpan<byte> word)
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (Ascii.EqualsIgnoreCase(word[..3], names[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>RFC 5322 §4.3 obs-zone names, and the few others common in old mail.</summary>
        private static int? ZoneOffset(ReadOnlySpan<byte> word)
        {
            Span<char> lower = stackalloc char[Math.Min(word.Length, 8)];
            if (word.Length > 8)
            {
                return null;
            }

            Ascii.ToLower(word, lower, out _);
            return lower switch
            {
                "ut" or "utc" or "gmt" or "z" or "wet" => 0,
                "edt" => -4 * 60,
                "est" or "cdt" => -5 * 60,
                "cst" or "mdt" => -6 * 60,
                "mst" or "pdt" => -7 * 60,
                "pst" => -8 * 60,
                "bst" or "cet" or "met" or "west" => 60,
                "cest" or "mest" or "eet" => 2 * 60,
                "eest" or "msk" => 3 * 60,
                "jst" or "kst" => 9 * 60,
                _ when lower.Length == 1 && lower[0] is >= 'a' and <= 'z' and not 'j' => 0,
                _ => null,
            };
        }
    }
}
