namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;messageRedirect id folder&gt;&lt;UID&gt;…&lt;/UID&gt;&lt;To&gt;addr&lt;/To&gt;…&lt;/messageRedirect&gt;</c>:
/// re-sends messages unchanged to new recipients (RFC 5322 §3.6.6 Resent- fields), docs/ximss.md.
/// </summary>
public sealed record MessageRedirectRequest(string Id, MessageResend Resend) : XimssRequest(Id)
{
    internal static MessageRedirectRequest Parse(RequestElementReader reader) => new(reader.Id, MessageResend.Parse(reader));
}
