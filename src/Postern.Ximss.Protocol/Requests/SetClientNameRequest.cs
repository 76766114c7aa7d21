namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;setClientName id name/&gt;</c>: names the client application, for monitoring and logs (docs/ximss.md §5.2).</summary>
public sealed record SetClientNameRequest(string Id, string Name) : XimssRequest(Id)
{
    internal static SetClientNameRequest Parse(RequestElementReader reader) => new(reader.Id, reader.Required("name"));
}
