namespace Postern.Html.Urls;

/// <summary>What a URL in a message is for, which decides the schemes it may have.</summary>
internal enum UrlUse
{
    /// <summary>A link the reader may follow (<c>a href</c>, <c>area href</c>): http, https, mailto, tel, cid, #fragment.</summary>
    Link,

    /// <summary>A quotation's source (<c>cite</c>): never loaded, so like a link but without mail or phone schemes.</summary>
    Citation,

    /// <summary>An image the browser loads by itself (<c>img src</c>, backgrounds, CSS images): remote needs consent.</summary>
    Image,

    /// <summary>A font in <c>@font-face</c>: remote needs consent, and no <c>data:</c>.</summary>
    Font,
}
