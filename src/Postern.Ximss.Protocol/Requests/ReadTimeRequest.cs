namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;readTime id/&gt;</c>: the server's clock → <c>currentTime</c> with <c>gmtTime</c> and <c>localTime</c> (seed, HTTP binding example).</summary>
public sealed record ReadTimeRequest(string Id) : XimssRequest(Id)
{
    internal static ReadTimeRequest Parse(RequestElementReader reader) => new(reader.Id);
}
