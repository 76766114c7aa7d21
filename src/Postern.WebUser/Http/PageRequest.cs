using Postern.Data;
using Postern.Skins;

namespace Postern.WebUser.Http;

/// <summary>Everything needed to answer a request with a rendered WSSP page.</summary>
/// <param name="Skin">The skin the page and its includes come from.</param>
/// <param name="PageName">The page file name, <c>mailbox.wssp</c> (any letter case).</param>
/// <param name="Dataset">The dataset the code component produced, with the generic elements.</param>
public sealed record PageRequest(SelectedSkin Skin, string PageName, DataDictionary Dataset)
{
    /// <summary>The HTTP status of the response (error pages use theirs).</summary>
    public int StatusCode { get; init; } = 200;

    /// <summary>The Session Dataset (SESSION()), for session pages.</summary>
    public IDataLookup? Session { get; init; }

    /// <summary>The effective preferences (SETTINGS()), for session pages.</summary>
    public IDataLookup? Settings { get; init; }

    /// <summary>The account settings (ACCOUNTSETTINGS()), for session pages.</summary>
    public IDataLookup? AccountSettings { get; init; }

    /// <summary>The selected language, or null for the default.</summary>
    public string? Language { get; init; }

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public string? TimeZoneName { get; init; }

    /// <summary>The mailboxes MAILBOXMENU offers.</summary>
    public IReadOnlyList<string> Mailboxes { get; init; } = [];

    public ClientKind Client { get; init; }

    /// <summary>Session pages carry private data: they are never stored by caches.</summary>
    public bool IsPrivate { get; init; }

    /// <summary>The user allowed remote images on this page (a message's remote content).</summary>
    public bool AllowRemoteImages { get; init; }
}
