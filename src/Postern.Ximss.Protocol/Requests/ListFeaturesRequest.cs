namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;listFeatures id [domain]/&gt;</c>: what the server offers on this channel → <c>features</c> (docs/ximss.md §5.1, §7.3).</summary>
/// <param name="Id">The request id.</param>
/// <param name="Domain">The domain the client intends to log in to, when it says.</param>
public sealed record ListFeaturesRequest(string Id, string? Domain) : XimssRequest(Id)
{
    internal static ListFeaturesRequest Parse(RequestElementReader reader) => new(reader.Id, reader.Optional("domain"));
}
