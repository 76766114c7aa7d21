namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;listKnownValues id/&gt;</c>: the time zones and character sets a client may offer in its settings → <c>knownValues</c> (docs/ximss.md).</summary>
public sealed record ListKnownValuesRequest(string Id) : XimssRequest(Id)
{
    internal static ListKnownValuesRequest Parse(RequestElementReader reader) => new(reader.Id);
}
