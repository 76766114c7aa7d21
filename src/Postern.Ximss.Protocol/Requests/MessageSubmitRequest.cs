using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;messageSubmit id&gt;&lt;EMail&gt;…&lt;/EMail&gt;&lt;/messageSubmit&gt;</c>: sends a message composed as
/// <c>&lt;EMail&gt;</c> XML (docs/ximss.md §5.5, §7.6). The server fills in <c>Date</c>, <c>Message-ID</c> and
/// <c>From</c> when absent, and files a copy as the account's preferences say.
/// </summary>
public sealed record MessageSubmitRequest(string Id, XimssElement Email) : XimssRequest(Id)
{
    internal static MessageSubmitRequest Parse(RequestElementReader reader)
    {
        var email = reader.Element.FindChild("EMail");
        if (email is null)
            reader.Fail(XimssError.MissingElement("EMail"));
        return new(reader.Id, email ?? reader.Element);
    }
}
