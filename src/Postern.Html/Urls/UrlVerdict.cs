namespace Postern.Html.Urls;

/// <summary>
/// The decision on one URL: keep it (as <see cref="Url"/>), leave it out for lack of consent, or reject it (for the
/// <see cref="Reason"/> the report gives).
/// </summary>
internal readonly record struct UrlVerdict(UrlOutcome Outcome, string Url, string Reason)
{
    public static UrlVerdict Allow(string url) => new(UrlOutcome.Allowed, url, "");

    public static UrlVerdict BlockRemote() => new(UrlOutcome.RemoteBlocked, "", "");

    public static UrlVerdict Reject(string reason) => new(UrlOutcome.Rejected, "", reason);
}

internal enum UrlOutcome
{
    Allowed,
    RemoteBlocked,
    Rejected,
}
