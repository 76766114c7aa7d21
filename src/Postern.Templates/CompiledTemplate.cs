using Postern.Data;
using Postern.Templates.Rendering;
using Postern.Templates.Tree;

namespace Postern.Templates;

/// <summary>
/// A compiled WSSP file: an immutable tree that can be rendered any number of times, from any number of
/// threads, each with its own <see cref="TemplateContext"/>.
/// </summary>
public sealed class CompiledTemplate
{
    internal CompiledTemplate(string fileName, string source, TemplateNode[] nodes)
    {
        FileName = fileName;
        Source = source;
        Nodes = nodes;
    }

    /// <summary>The file name errors are reported against.</summary>
    public string FileName { get; }

    /// <summary>The source text (kept to turn render-error offsets into lines and columns).</summary>
    public string Source { get; }

    internal TemplateNode[] Nodes { get; }

    /// <summary>Renders the page into a new string.</summary>
    /// <exception cref="TemplateRenderException">An include is missing or fails to compile, or a scanner is used outside its loop.</exception>
    /// <exception cref="TemplateLimitExceededException">A <see cref="TemplateLimits"/> cap was reached.</exception>
    public RenderedPage Render(TemplateContext context)
    {
        using var output = new TemplateOutput(Math.Max(Source.Length * 2, 4096));
        var outcome = RenderTo(context, output);
        return new RenderedPage(output.ToString(), outcome.Redirect, outcome.Charset);
    }

    /// <summary>Renders the page, appending to <paramref name="output"/> (reuse one buffer to avoid allocations).</summary>
    /// <inheritdoc cref="Render" path="/exception"/>
    public RenderOutcome RenderTo(TemplateContext context, TemplateOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var start = output.Length;
        var state = new RenderState(context, output, this);
        TemplateNode.RenderAll(Nodes, state);
        if (state.Written > context.Limits.MaxOutputChars)
            throw state.Limit(Source.Length, $"The page produced more than the limit of {context.Limits.MaxOutputChars} characters.");

        var charset = PageEncoding.Normalize(context.Dataset.Find("charset")?.AsString);
        return new RenderOutcome(FindRedirect(output.WrittenSpan[start..]), charset);
    }

    /// <summary>
    /// WebApp "Redirect-type Response": a first line starting with <c>&lt;REDIRECT&gt;</c> or
    /// <c>&lt;RELREDIRECT&gt;</c> makes the rest of that line the redirect URL. Leading blank space
    /// (often left by structural elements) is skipped.
    /// </summary>
    private static PageRedirect? FindRedirect(ReadOnlySpan<char> page)
    {
        page = page.TrimStart();
        bool relative;
        if (page.StartsWith("<REDIRECT>", StringComparison.OrdinalIgnoreCase))
        {
            relative = false;
            page = page["<REDIRECT>".Length..];
        }
        else if (page.StartsWith("<RELREDIRECT>", StringComparison.OrdinalIgnoreCase))
        {
            relative = true;
            page = page["<RELREDIRECT>".Length..];
        }
        else
        {
            return null;
        }
        var lineEnd = page.IndexOfAny('\r', '\n');
        var url = (lineEnd < 0 ? page : page[..lineEnd]).Trim();
        return new PageRedirect(url.ToString(), relative);
    }
}
