using System.Globalization;

namespace Postern.Accounts.Preferences;

/// <summary>
/// Reads the <c>TimeZone</c> WebUser preference: <c>HostOS</c> (the server's own zone, CommuniGate's
/// default), a time-zone name the system knows (IANA, e.g. <c>Europe/Berlin</c>), or a fixed offset
/// written <c>+0300</c>, <c>-0530</c> or <c>(+0300) any name</c>.
/// </summary>
/// <remarks>A value that is none of these is read as <c>HostOS</c>: stored data is tolerated, not trusted.</remarks>
public static class TimeZonePreference
{
    /// <summary>The preference key.</summary>
    public const string Key = "TimeZone";

    /// <summary>The value meaning the server's own time zone.</summary>
    public const string HostOS = "HostOS";

    /// <summary>The zone a preference value names (<see cref="TimeZoneInfo.Local"/> for <c>HostOS</c> and anything unreadable).</summary>
    public static TimeZoneInfo Resolve(string? value)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0 || text.Equals(HostOS, StringComparison.OrdinalIgnoreCase))
            return TimeZoneInfo.Local;
        if (TryParseOffset(text, out var offset))
            return offset == TimeSpan.Zero ? TimeZoneInfo.Utc : TimeZoneInfo.CreateCustomTimeZone(text, offset, text, text);
        return TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone) ? zone : TimeZoneInfo.Local;
    }

    /// <summary>The zone of the effective preferences (<see cref="PreferencesService.GetEffectiveAsync"/>).</summary>
    public static TimeZoneInfo Of(Postern.Data.DataDictionary preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        return Resolve(preferences.Find(Key)?.AsString);
    }

    /// <summary>The names a user may choose: <c>HostOS</c>, then the system's zones in order.</summary>
    public static IReadOnlyList<string> Choices { get; } =
        [HostOS, .. TimeZoneInfo.GetSystemTimeZones().Select(zone => zone.Id).Order(StringComparer.Ordinal)];

    // "+0300", "-0530", or "(+0300) Moscow": the form of CommuniGate's fixed-offset zone names.
    private static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = default;
        var body = text.StartsWith('(') && text.IndexOf(')', StringComparison.Ordinal) is var close and > 0 ? text[1..close] : text;
        if (body.Length != 5 || body[0] is not ('+' or '-')
            || !int.TryParse(body.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(body.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || hours > 14 || minutes > 59)
            return false;
        offset = new TimeSpan(hours, minutes, 0) * (body[0] == '-' ? -1 : 1);
        return true;
    }
}
