namespace Postern.WebUser;

/// <summary>Configuration of the WebUser interface (section <c>Postern:WebUser</c>).</summary>
public sealed class WebUserOptions
{
    /// <summary>
    /// The Content-Security-Policy sent with every page. The default allows the skin's own scripts, styles
    /// and images (no inline scripts, no plug-ins, no framing by other sites); custom skins that need
    /// inline scripts can relax it. On a message page whose remote content the user allowed, remote images
    /// are added to <c>img-src</c>.
    /// </summary>
    public string ContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'none'; "
        + "form-action 'self'; frame-ancestors 'self'";

    /// <summary>
    /// The inactivity time-out of sessions whose preferences do not set <c>SessionTimeout</c>. 30 minutes:
    /// CommuniGate's WebUser default.
    /// </summary>
    public TimeSpan DefaultSessionTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The account settings users may publish about themselves (CommuniGate's "Public Info Attributes" of
    /// the Directory Integration settings), edited on the PublicInfo page; null for
    /// <see cref="DefaultPublicInfoAttributes"/>. A configured list replaces the default one.
    /// </summary>
    public string[]? PublicInfoAttributes { get; set; }

    /// <summary>The Public Info attributes when none are configured.</summary>
    public static IReadOnlyList<string> DefaultPublicInfoAttributes { get; } = ["Title", "Organization", "Unit", "TelephoneNumber", "City", "Country"];

    /// <summary>The Public Info attributes in effect.</summary>
    public IReadOnlyList<string> EffectivePublicInfoAttributes => PublicInfoAttributes ?? DefaultPublicInfoAttributes;

    /// <summary>
    /// The stock skins directory (<c>_unnamed/</c> and one directory per named skin); null for <c>Skins/</c>
    /// beside the executable.
    /// </summary>
    public string? StockSkins { get; set; }

    /// <summary>
    /// A folder of certificate authorities (PEM or DER files) trusted for S/MIME signatures besides the
    /// system's; null for none.
    /// </summary>
    public string? SmimeTrustedCertificates { get; set; }

    /// <summary>Whether the system's certificate authorities are trusted for S/MIME signatures.</summary>
    public bool SmimeUseSystemRoots { get; set; } = true;

    /// <summary>The caps on requests.</summary>
    public WebUserLimits Limits { get; set; } = WebUserLimits.Default;

    /// <summary>What SERVERVERSION() returns on pages.</summary>
    public string ServerVersion { get; set; } = "";
}
