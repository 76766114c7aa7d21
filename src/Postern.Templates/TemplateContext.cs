using Postern.Data;

namespace Postern.Templates;

/// <summary>
/// Everything one render of a WSSP page may read: the dataset produced by the code component and, through
/// interfaces the host plugs in, the session, settings, skin strings, includes and request.
/// </summary>
/// <remarks>A context is per call; compiled templates are shared. Anything left unset behaves as empty
/// (SESSION() of an unset session is the null-value, INCLUDE without a resolver fails).</remarks>
public sealed class TemplateContext
{
    /// <summary>Creates a context for rendering <paramref name="dataset"/>.</summary>
    public TemplateContext(DataDictionary dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Dataset = dataset;
    }

    /// <summary>
    /// The dataset of the code component; data element names look keys up in it. WSSP datasets are
    /// case-insensitive: build it (and the dictionaries inside it) with the default, case-insensitive
    /// <see cref="DataDictionary"/>.
    /// </summary>
    public DataDictionary Dataset { get; }

    /// <summary>The Session Dataset, read by SESSION(key).</summary>
    public IDataLookup? Session { get; init; }

    /// <summary>The effective WebUser settings, read by SETTINGS(key).</summary>
    public IDataLookup? Settings { get; init; }

    /// <summary>The effective account settings, read by ACCOUNTSETTINGS(key).</summary>
    public IDataLookup? AccountSettings { get; init; }

    /// <summary>The skin Text Dataset in the selected language with its fall-backs, read by STRING, ARRAY, DICTIONARY.</summary>
    public IDataLookup? Strings { get; init; }

    /// <summary>Finds the files INCLUDE names.</summary>
    public ITemplateResolver? Includes { get; init; }

    /// <summary>The HTTP request, for the REQUEST*() functions.</summary>
    public TemplateRequest? Request { get; init; }

    /// <summary>The mailboxes MAILBOXMENU offers when the page gives no list.</summary>
    public IReadOnlyList<string> Mailboxes { get; init; } = [];

    /// <summary>The selected language name (SELECTEDLANGUAGE()); <see langword="null"/> for the default language.</summary>
    public string? Language { get; init; }

    /// <summary>The user's time zone: DATE:/TIME: prefixes and LOCAL… menus show times in it.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The selected time zone's name as the user chose it (SELECTEDTIMEZONE()); defaults to <see cref="TimeZone"/>'s id.</summary>
    public string? TimeZoneName { get; init; }

    /// <summary>The time zone names KNOWNTIMEZONES() lists; by default the system's zone ids.</summary>
    public IReadOnlyList<string>? KnownTimeZones { get; init; }

    /// <summary>The charset names KNOWNCHARSETS() lists; by default <see cref="PageEncoding.KnownCharsets"/>.</summary>
    public IReadOnlyList<string>? KnownCharsets { get; init; }

    /// <summary>What SERVERVERSION() returns.</summary>
    public string ServerVersion { get; init; } = "";

    /// <summary>The clock for CURRENTTIME() and for "today" in DATETIMESHORT:.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The source of RANDOMELEMENT()'s choice.</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>The page's markup language: on WML pages substituted values have their <c>$</c> doubled.</summary>
    public PageMarkup Markup { get; init; } = PageMarkup.Html;

    /// <summary>The caps this render runs under.</summary>
    public TemplateLimits Limits { get; init; } = TemplateLimits.Default;

    /// <summary>Stops the render when the request is abandoned.</summary>
    public CancellationToken CancellationToken { get; init; }
}
