namespace Postern.Html;

/// <summary>The outcome of <see cref="HtmlSanitizer.Sanitize"/>.</summary>
/// <param name="Html">
/// A fragment safe to place inside the element that <see cref="HtmlSanitizerOptions.ContainerSelector"/>
/// names; it may start with one <c>&lt;style&gt;</c> element whose rules apply only inside that element.
/// </param>
/// <param name="RemoteContentBlocked">
/// True when images, backgrounds, fonts or style sheets from other servers were left out because
/// <see cref="HtmlSanitizerOptions.AllowRemoteContent"/> was off: the page can offer to show them.
/// </param>
/// <param name="Truncated">True when a limit cut the message short (see <see cref="HtmlLimits"/>).</param>
/// <param name="Removed">
/// What was taken out, each kind once in order of first appearance (<c>element script</c>,
/// <c>attribute onclick</c>, <c>url javascript:</c>, <c>css property behavior</c>, …), for logs and diagnostics.
/// </param>
public sealed record SanitizedHtml(string Html, bool RemoteContentBlocked, bool Truncated, IReadOnlyList<string> Removed);
