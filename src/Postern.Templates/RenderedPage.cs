namespace Postern.Templates;

/// <summary>
/// A redirect a page asked for: its first line started with <c>&lt;REDIRECT&gt;</c> (answer 301 with this
/// Location) or <c>&lt;RELREDIRECT&gt;</c> (the host prefixes the request's scheme, host and port).
/// </summary>
/// <param name="Url">The rest of the first line.</param>
/// <param name="IsRelative">True for <c>&lt;RELREDIRECT&gt;</c>.</param>
public sealed record PageRedirect(string Url, bool IsRelative);

/// <summary>What a render into a <see cref="TemplateOutput"/> found besides the text.</summary>
/// <param name="Redirect">The redirect the page asked for, if any.</param>
/// <param name="Charset">The charset to send the page in: the dataset's <c>charset</c> when known, else <c>utf-8</c>.</param>
public readonly record struct RenderOutcome(PageRedirect? Redirect, string Charset);

/// <summary>A rendered page.</summary>
/// <param name="Text">The page text.</param>
/// <param name="Redirect">The redirect the page asked for, if any.</param>
/// <param name="Charset">The charset to send the page in.</param>
public sealed record RenderedPage(string Text, PageRedirect? Redirect, string Charset)
{
    /// <summary>The page text converted to <see cref="Charset"/>.</summary>
    public byte[] GetBytes() => PageEncoding.Encode(Text, Charset);
}
