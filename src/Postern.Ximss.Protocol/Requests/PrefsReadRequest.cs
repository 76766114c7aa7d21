using System.Collections.Immutable;

namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;prefsRead id [type]&gt;&lt;name&gt;Language&lt;/name&gt;…&lt;/prefsRead&gt;</c> → <c>prefs</c> (docs/ximss.md §5.2).</summary>
/// <param name="Id">The request id.</param>
/// <param name="Type">The preference set, e.g. <c>custom</c>; null for the effective WebUser preferences.</param>
/// <param name="Names">The preferences wanted; empty means all of them.</param>
public sealed record PrefsReadRequest(string Id, string? Type, ImmutableArray<string> Names) : XimssRequest(Id)
{
    internal static PrefsReadRequest Parse(RequestElementReader reader) =>
        new(reader.Id, reader.Optional("type"), reader.ChildTexts("name"));
}
