using System.Collections.Immutable;
using Postern.Ximss.Protocol.Values;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// What <c>messageRedirect</c> and <c>messageForward</c> share: messages of an open folder and the
/// <c>&lt;To&gt;</c> addresses to send them to, one per element as in <c>callRedirect</c> (docs/ximss.md §5.5).
/// </summary>
/// <param name="Folder">The open folder.</param>
/// <param name="Uids">The messages.</param>
/// <param name="Recipients">The addresses, as sent (the server parses them).</param>
public sealed record MessageResend(string Folder, UidSelection Uids, ImmutableArray<string> Recipients)
{
    internal static MessageResend Parse(RequestElementReader reader)
    {
        var folder = reader.Required("folder");
        var uids = reader.Uids();
        var recipients = reader.ChildTexts("To");
        if (recipients.IsEmpty)
            reader.Fail(XimssError.MissingElement("To"));
        return new(folder, uids, recipients);
    }
}
