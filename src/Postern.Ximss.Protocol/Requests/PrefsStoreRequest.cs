using System.Collections.Immutable;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;prefsStore id [type]&gt;&lt;Language&gt;german&lt;/Language&gt;…&lt;/prefsStore&gt;</c>: updates preferences (docs/ximss.md §5.2).</summary>
/// <param name="Id">The request id.</param>
/// <param name="Type">The preference set, e.g. <c>custom</c>; null for the account's own preferences.</param>
/// <param name="Preferences">One element per preference: the element name is the key; its text, or its CGP XML-object children, the value.</param>
public sealed record PrefsStoreRequest(string Id, string? Type, ImmutableArray<XimssElement> Preferences) : XimssRequest(Id)
{
    internal static PrefsStoreRequest Parse(RequestElementReader reader) =>
        new(reader.Id, reader.Optional("type"), reader.Element.Children);
}
