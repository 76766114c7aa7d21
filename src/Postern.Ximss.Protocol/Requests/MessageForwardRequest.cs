namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;messageForward id folder&gt;&lt;UID&gt;…&lt;/UID&gt;&lt;To&gt;addr&lt;/To&gt;…&lt;/messageForward&gt;</c>:
/// sends messages as <c>message/rfc822</c> attachments of a new message from the user, docs/ximss.md.
/// (A forward the user edits first is <c>folderRead mode="forward"</c> then <c>messageSubmit</c>.)
/// </summary>
public sealed record MessageForwardRequest(string Id, MessageResend Resend) : XimssRequest(Id)
{
    internal static MessageForwardRequest Parse(RequestElementReader reader) => new(reader.Id, MessageResend.Parse(reader));
}
