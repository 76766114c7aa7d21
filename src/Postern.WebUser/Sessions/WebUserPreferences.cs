using System.Globalization;
using Postern.Data;
using Postern.Mail.Messages;

namespace Postern.WebUser.Sessions;

/// <summary>Which mailboxes the Mailboxes page lists (the <c>ShowMailboxes</c> preference).</summary>
[Flags]
public enum MailboxListing
{
    /// <summary><c>All</c>: every mailbox and mailbox alias of the account.</summary>
    All = 1,

    /// <summary><c>Subscribed</c>: the subscription list.</summary>
    Subscribed = 2,
}

/// <summary>When pages and composed mail use UTF-8 (the <c>UseUTF8</c> preference).</summary>
public enum Utf8Use
{
    /// <summary><c>Never</c>: pages and mail use the preferred <c>Charset</c>.</summary>
    Never,

    /// <summary><c>Reading</c>: pages are UTF-8; composed mail uses the preferred charset.</summary>
    Reading,

    /// <summary><c>Always</c> ("for Reading and Composing"): pages and composed mail are UTF-8.</summary>
    Always,
}

/// <summary>The effective WebUser preferences of a session, read into the types the pages need.</summary>
/// <remarks>Built once per preference change (sessions cache it), so pages never parse preference text.</remarks>
public sealed class WebUserPreferences
{
    public WebUserPreferences(DataDictionary effective, TimeSpan defaultTimeout)
    {
        ArgumentNullException.ThrowIfNull(effective);
        Values = effective;
        SkinName = Text("SkinName");
        WmlSkinName = Text("WMLSkinName");
        IModeSkinName = Text("IModeSkinName");
        Language = Text("Language");
        TimeZoneName = Text("TimeZone");
        TimeZone = ResolveTimeZone(TimeZoneName);
        DeleteMethod = DeleteMethods.Parse(Text("DeleteMethod"));
        SentBox = Text("SentBox");
        DraftsBox = Text("DraftsBox");
        TrashBox = Text("TrashBox") is { Length: > 0 } trash ? trash : "Trash";
        ShowMailboxes = Text("ShowMailboxes").ToLowerInvariant() switch
        {
            "all" => MailboxListing.All,
            "both" or "all,subscribed" or "subscribed,all" => MailboxListing.All | MailboxListing.Subscribed,
            _ => MailboxListing.Subscribed,
        };
        MessagesPerPage = Number("MessagesPerPage", 20);
        SortField = Text("SortField");
        SortAscending = Text("SortOrder").Equals("asc", StringComparison.OrdinalIgnoreCase);
        RefreshTime = Number("RefreshTime", 600);
        UseUtf8 = Text("UseUTF8").ToLowerInvariant() switch
        {
            "never" => Utf8Use.Never,
            "always" or "composing" => Utf8Use.Always,
            _ => Utf8Use.Reading,
        };
        Charset = Text("Charset") is { Length: > 0 } charset ? charset : "utf-8";
        UseCookies = IsYes("UseCookies");
        FixedIPAddress = IsYes("FixedIPAddress");
        SessionTimeout = ParseDuration(Text("SessionTimeout")) is { } timeout && timeout >= TimeSpan.FromMinutes(1) ? timeout : defaultTimeout;
        MailerWidth = Number("MailerWidth", 80);
        From = Text("From");
        EmptyTrashAfterDays = int.TryParse(Text("EmptyTrash"), NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : null;
    }

    /// <summary>The effective preference dictionary (SETTINGS() on pages).</summary>
    public DataDictionary Values { get; }

    public string SkinName { get; }

    public string WmlSkinName { get; }

    public string IModeSkinName { get; }

    public string Language { get; }

    public string TimeZoneName { get; }

    public TimeZoneInfo TimeZone { get; }

    public DeleteMethod DeleteMethod { get; }

    /// <summary>The mailbox sent messages are copied to; empty for none.</summary>
    public string SentBox { get; }

    /// <summary>The mailbox drafts are saved in; empty for none.</summary>
    public string DraftsBox { get; }

    public string TrashBox { get; }

    public MailboxListing ShowMailboxes { get; }

    public int MessagesPerPage { get; }

    /// <summary>The column a new mailbox view is sorted by (a column name or a XIMSS sort field).</summary>
    public string SortField { get; }

    public bool SortAscending { get; }

    /// <summary>Seconds between automatic refreshes of a mailbox page.</summary>
    public int RefreshTime { get; }

    public Utf8Use UseUtf8 { get; }

    /// <summary>The preferred charset for pages (when UTF-8 is not used) and for composed mail.</summary>
    public string Charset { get; }

    public bool UseCookies { get; }

    public bool FixedIPAddress { get; }

    public TimeSpan SessionTimeout { get; }

    public int MailerWidth { get; }

    /// <summary>The From address for composed mail; empty means the account's own address and real name.</summary>
    public string From { get; }

    /// <summary>Trash messages older than this many days are removed at logout; null for never.</summary>
    public int? EmptyTrashAfterDays { get; }

    private string Text(string key) => Values.Find(key)?.AsString?.Trim() ?? "";

    private bool IsYes(string key) => Text(key).Equals("YES", StringComparison.OrdinalIgnoreCase);

    private int Number(string key, int fallback) => Values.Find(key) switch
    {
        DataNumber number => (int)Math.Clamp(number.Value, 0, int.MaxValue),
        DataString { Value: var text } when int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => fallback,
    };

    /// <summary>CommuniGate time values: <c>1800</c> (seconds), <c>30s</c>, <c>30m</c>, <c>2h</c>, <c>1d</c>.</summary>
    internal static TimeSpan? ParseDuration(string text)
    {
        if (text.Length == 0)
            return null;
        var unit = char.ToLowerInvariant(text[^1]);
        var digits = char.IsAsciiDigit(unit) ? text : text[..^1];
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > 100_000_000)
            return null;
        return unit switch
        {
            'm' => TimeSpan.FromMinutes(count),
            'h' => TimeSpan.FromHours(count),
            'd' => TimeSpan.FromDays(count),
            _ => TimeSpan.FromSeconds(count),
        };
    }

    /// <summary>CommuniGate sizes: <c>1048576</c>, <c>1024K</c>, <c>100M</c>, <c>2G</c>; <c>unlimited</c> is null.</summary>
    public static long? ParseSize(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
            return null;
        var unit = char.ToUpperInvariant(text[^1]);
        var digits = char.IsAsciiDigit(unit) ? text : text[..^1];
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > (1L << 40))
            return null;
        return unit switch
        {
            'K' => count * 1024,
            'M' => count * 1024 * 1024,
            'G' => count * 1024 * 1024 * 1024,
            _ => count,
        };
    }

    /// <summary><c>HostOS</c> is the server's zone; other names are IANA or Windows zone ids; anything unknown is GMT.</summary>
    internal static TimeZoneInfo ResolveTimeZone(string name)
    {
        if (name.Length == 0 || name.Equals("HostOS", StringComparison.OrdinalIgnoreCase))
            return TimeZoneInfo.Local;
        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
