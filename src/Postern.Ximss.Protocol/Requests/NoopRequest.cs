namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;noop id/&gt;</c>: does nothing. Clients send it to keep the session alive (CGP closes idle sessions after 10 minutes, docs/ximss.md §1).</summary>
public sealed record NoopRequest(string Id) : XimssRequest(Id)
{
    internal static NoopRequest Parse(RequestElementReader reader) => new(reader.Id);
}
