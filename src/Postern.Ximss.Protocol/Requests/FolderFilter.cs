using Postern.Ximss.Protocol.Values;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>The <c>filter</c>/<c>filterField</c> pair of a folder view: which messages the view shows (docs/ximss.md §5.4).</summary>
/// <param name="Field">
/// <c>filterField</c>: <c>FLAGS</c> (then <see cref="Flags"/> is set), or a header name whose value must
/// contain <see cref="Text"/>; null when absent, meaning From, To, Cc or Subject contains it (docs/ximss.md).
/// </param>
/// <param name="Text">The <c>filter</c> value as sent.</param>
/// <param name="Flags">For <c>filterField="FLAGS"</c>: flags a message must have (positive names) and lack (negations).</param>
public sealed record FolderFilter(string? Field, string Text, FlagList? Flags);
