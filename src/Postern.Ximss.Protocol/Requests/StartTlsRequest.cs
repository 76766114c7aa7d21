namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;starttls id/&gt;</c>: after the success response, the TLS handshake starts on the same TCP connection (docs/ximss.md §1).</summary>
public sealed record StartTlsRequest(string Id) : XimssRequest(Id)
{
    internal static StartTlsRequest Parse(RequestElementReader reader) => new(reader.Id);
}
