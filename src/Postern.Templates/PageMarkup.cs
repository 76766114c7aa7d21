namespace Postern.Templates;

/// <summary>The markup language of the page a template renders, which decides how substituted values are escaped.</summary>
public enum PageMarkup
{
    /// <summary>HTML (and cHTML): the <c>HTML:</c> prefix escapes <c>&amp; &lt; &gt; " '</c>.</summary>
    Html,

    /// <summary>WML: as HTML, and every <c>$</c> in a substituted value is written <c>$$</c> (WML 1.1, variable substitution).</summary>
    Wml,
}
