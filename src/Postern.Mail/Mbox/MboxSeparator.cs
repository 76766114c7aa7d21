using System.Globalization;

namespace Postern.Mail.Mbox;

/// <summary>The mbox separator line: <c>From sender Www Mmm dd hh:mm:ss yyyy</c> (the date in C <c>asctime</c> form).</summary>
public static class MboxSeparator
{
    private static readonly string[] s_months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>The line for a message from <paramref name="sender"/> that arrived at <paramref name="date"/> (written in UTC).</summary>
    public static string Format(string sender, DateTimeOffset date)
    {
        var utc = date.UtcDateTime;
        var envelope = string.IsNullOrWhiteSpace(sender) || sender.Any(char.IsWhiteSpace) ? "MAILER-DAEMON" : sender;
        return string.Create(CultureInfo.InvariantCulture,
            $"From {envelope} {utc:ddd} {s_months[utc.Month - 1]} {utc.Day,2} {utc:HH:mm:ss yyyy}");
    }

    /// <summary>
    /// The date of a separator line, or null. Writers differ: a time-zone offset may follow the
    /// year, a "remote from" may follow the date, and the date is taken as UTC when there is no offset.
    /// </summary>
    public static DateTimeOffset? ParseDate(string separator)
    {
        var words = separator.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // From sender Www Mmm dd hh:mm:ss yyyy [+zzzz]
        for (var i = 2; i + 3 < words.Length; i++)
        {
            var month = Array.IndexOf(s_months, Capitalize(words[i]));
            if (month < 0 || !int.TryParse(words[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                || !TimeSpan.TryParseExact(words[i + 2], @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var time)
                || !int.TryParse(words[i + 3], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                continue;
            var offset = i + 4 < words.Length && TryParseOffset(words[i + 4], out var zone) ? zone : TimeSpan.Zero;
            if (year < 1970 || year > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month + 1))
                return null;
            return new DateTimeOffset(year, month + 1, day, 0, 0, 0, offset).Add(time);
        }
        return null;
    }

    private static string Capitalize(string word) =>
        word.Length == 3 ? char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant() : word;

    private static bool TryParseOffset(string word, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (word.Length != 5 || word[0] is not ('+' or '-')
            || !int.TryParse(word.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm) || hhmm % 100 >= 60)
            return false;
        offset = new TimeSpan(hhmm / 100, hhmm % 100, 0);
        if (word[0] == '-')
            offset = -offset;
        return offset <= TimeSpan.FromHours(14);
    }
}
