using Microsoft.AspNetCore.Http;
using Postern.Data;
using Postern.Skins;
using Postern.Storage;
using Postern.WebUser.Http;
using Postern.WebUser.Sessions;

namespace Postern.WebUser.Stateless;

/// <summary>
/// What a stateless request is served with: the domain its Host name addresses, that domain's default
/// preferences, and the skin and language (from the <c>Skin</c> and <c>Language</c> parameters, else from
/// the preferences).
/// </summary>
public sealed class StatelessContext
{
    private StatelessContext(HttpContext http, DomainRecord? domain, string? serverName, WebUserPreferences defaults,
        SelectedSkin skin, string? language, ClientKind client, RequestParameters parameters)
    {
        Http = http;
        Domain = domain;
        ServerName = serverName;
        Defaults = defaults;
        Skin = skin;
        Language = language;
        Client = client;
        Parameters = parameters;
    }

    public HttpContext Http { get; }

    /// <summary>The addressed domain, or null when the server has no domain at all yet.</summary>
    public DomainRecord? Domain { get; }

    /// <summary>The main domain's name (the <c>serverName</c> element).</summary>
    public string? ServerName { get; }

    /// <summary>The addressed domain's default WebUser preferences.</summary>
    public WebUserPreferences Defaults { get; }

    public SelectedSkin Skin { get; }

    /// <summary>The selected language, or null for the default language.</summary>
    public string? Language { get; }

    public ClientKind Client { get; }

    public RequestParameters Parameters { get; }

    /// <summary>
    /// Finds the domain by the Host name (WebApp, "Skins": "the hostname string specified in a stateless
    /// request URL is used to find the CommuniGate Pro Domain"). A name that is neither a domain nor a
    /// domain alias (an IP address, <c>localhost</c>) addresses the main domain, as CommuniGate directs
    /// unassigned addresses to it.
    /// </summary>
    public static async Task<StatelessContext> CreateAsync(HttpContext http, WebUserServices services, RequestParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(services);
        var serverName = await services.Domains.GetMainDomainNameAsync(cancellationToken);
        var domain = await services.Domains.FindAsync(http.Request.Host.Host, cancellationToken);
        if (domain is null && serverName is not null)
            domain = await services.Domains.FindAsync(serverName, cancellationToken);
        var defaults = new WebUserPreferences(
            domain is null ? await services.Preferences.GetServerDefaultsAsync(cancellationToken) : await services.Preferences.GetDomainDefaultsAsync(domain, cancellationToken),
            services.Options.DefaultSessionTimeout);

        var client = ClientKinds.Of(http.Request);
        // WebApp: "To use an alternative Skin, a Stateless HTTP request should specify the Skin name using
        // the Skin request parameter"; WML and I-Mode browsers default to their own layout preference.
        var skinName = parameters["Skin"] is { } requested && (requested.Length == 0 || SkinNames.IsValidSkinName(requested, out _))
            ? requested
            : PreferredSkin(defaults, client);
        var skin = services.Skins.Select(domain?.Name, skinName);
        var language = LanguageOrDefault(parameters["Language"] ?? defaults.Language);
        return new StatelessContext(http, domain, serverName, defaults, skin, language, client, parameters);
    }

    /// <summary>The skin a browser of this kind gets from preferences: the WML or I-Mode layout, else the regular one.</summary>
    public static string PreferredSkin(WebUserPreferences preferences, ClientKind client) => client switch
    {
        ClientKind.Wml => preferences.WmlSkinName,
        ClientKind.IModeJapanese or ClientKind.IModeEuropean => preferences.IModeSkinName,
        _ => preferences.SkinName,
    };

    /// <summary>English is the language of <c>strings.data</c>: naming it selects the default language.</summary>
    public static string? LanguageOrDefault(string? language) =>
        string.IsNullOrWhiteSpace(language) || language.Trim().Equals("english", StringComparison.OrdinalIgnoreCase) ? null : language.Trim();

    /// <summary>
    /// The generic dataset of stateless pages (WebApp, "Code Components for Stateless Requests"):
    /// <c>filesRef</c>, <c>serverName</c>, <c>skinName</c>, <c>language</c>, <c>domainName</c>,
    /// <c>charset</c>, <c>secureChannel</c>, <c>isWML</c>.
    /// </summary>
    public DataDictionary CreateDataset()
    {
        var dataset = new DataDictionary
        {
            ["filesRef"] = Skin.FilesRef,
            ["serverName"] = ServerName ?? Http.Request.Host.Host,
        };
        if (!Skin.Skin.IsUnnamed)
            dataset["skinName"] = Skin.Skin.Name;
        if (Language is not null)
            dataset["language"] = Language;
        if (Domain is not null)
            dataset["domainName"] = Domain.Name;
        dataset["charset"] = Skin.Strings(Language).Find("charset")?.AsString ?? "utf-8";
        if (Http.Request.IsHttps)
            dataset["secureChannel"] = DataString.Yes;
        if (Client.IsWml())
            dataset["isWML"] = DataString.Yes;
        return dataset;
    }

    /// <summary>A page request for <paramref name="pageName"/> of this skin with <paramref name="dataset"/>.</summary>
    public PageRequest Page(string pageName, DataDictionary dataset, int statusCode = StatusCodes.Status200OK) =>
        new(Skin, pageName, dataset)
        {
            StatusCode = statusCode,
            Language = Language,
            Client = Client,
            TimeZone = Defaults.TimeZone,
            TimeZoneName = Defaults.TimeZoneName,
        };
}
