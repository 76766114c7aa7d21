namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;bye id/&gt;</c>: ends the session; the server answers, then closes the connection (docs/ximss.md §1).</summary>
public sealed record ByeRequest(string Id) : XimssRequest(Id)
{
    internal static ByeRequest Parse(RequestElementReader reader) => new(reader.Id);
}
