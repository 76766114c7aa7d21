using Postern.Html.Css;

namespace Postern.Html.Tests;

/// <summary>The CSS tokenizer and writer (CSS Syntax Level 3), and the CSS rules as seen through style attributes and sheets.</summary>
public class CssTests
{
    private static string Style(string css, HtmlSanitizerOptions? options = null)
    {
        var html = HtmlSanitizer.Sanitize("<p style=\"" + css.Replace("\"", "&quot;", StringComparison.Ordinal) + "\">x</p>", options).Html;
        var start = html.IndexOf("style=\"", StringComparison.Ordinal);
        return start < 0 ? "" : System.Net.WebUtility.HtmlDecode(html[(start + 7)..html.IndexOf('"', start + 7)]);
    }

    private static string Sheet(string css, HtmlSanitizerOptions? options = null)
    {
        var html = HtmlSanitizer.Sanitize("<style>" + css + "</style><p>x</p>", options).Html;
        return html.StartsWith("<style>", StringComparison.Ordinal) ? html[7..html.IndexOf("</style>", StringComparison.Ordinal)] : "";
    }

    [Theory]
    [InlineData("color: red", "Ident", "color")]
    [InlineData("\\63 olor", "Ident", "color")]
    [InlineData("#fff", "Hash", "fff")]
    [InlineData("12.5e+2px", "Dimension", "12.5e+2")]
    [InlineData("-.5%", "Percentage", "-.5")]
    [InlineData("url(  a b  )", "BadUrl", "")]
    [InlineData("url( x.png )", "Url", "x.png")]
    [InlineData("url(\"x.png\")", "Function", "url")]
    [InlineData("'a\\\nb'", "String", "ab")]
    [InlineData("\"unterminated\nx", "BadString", "")]
    [InlineData("<!--", "Cdo", "<!--")]
    [InlineData("-->", "Cdc", "-->")]
    [InlineData("@\\69mport", "AtKeyword", "import")]
    [InlineData("/* comment */ x", "Whitespace", " ")]
    [InlineData("\\0 x", "Ident", "\uFFFDx")]
    public void TokenizerReadsTheFirstTokenAsTheSpecificationSays(string css, string kind, string value)
    {
        var first = CssTokenizer.Tokenize(css)[0];

        Assert.Equal(kind, first.Kind.ToString());
        Assert.Equal(value, first.Value);
    }

    [Theory]
    [InlineData("a/**/b", "a/**/b")]
    [InlineData("1\\65 3px", "1\\65 3px")]
    [InlineData("\"</style>\"", "\"\\3c /style\\3e \"")]
    [InlineData("\\3c /style\\3e", "\\3c /style\\3e ")]
    [InlineData("#\\31 23", "#\\31 23")]
    [InlineData("a b", "a b")]
    [InlineData("- -", "- -")]
    public void WriterOutputTokenizesBackToTheSameTokens(string css, string written)
    {
        var tokens = CssTokenizer.Tokenize(css);
        var output = new System.Text.StringBuilder();
        var writer = new CssWriter(output);
        foreach (var token in tokens)
            writer.Write(token);

        Assert.Equal(written, output.ToString());
        Assert.Equal(tokens, CssTokenizer.Tokenize(output.ToString()));
        Assert.DoesNotContain('<', output.ToString());
    }

    [Theory]
    [InlineData("color: red; font-weight: bold", "color:red;font-weight:bold")]
    [InlineData("COLOR: Red", "color:Red")]
    [InlineData("color: rgb(255, 0, 0)", "color:rgb(255, 0, 0)")]
    [InlineData("width: calc(100% - 20px)", "width:calc(100% - 20px)")]
    [InlineData("background: linear-gradient(90deg, #fff, #000)", "background:linear-gradient(90deg, #fff, #000)")]
    [InlineData("margin: 0 auto; padding: 4px 8px", "margin:0 auto;padding:4px 8px")]
    [InlineData("position: relative", "position:relative")]
    [InlineData("box-shadow: 0 1px 3px rgba(0,0,0,.3)", "box-shadow:0 1px 3px rgba(0,0,0,.3)")]
    [InlineData("color: red !important", "color:red!important")]
    public void OrdinaryDeclarationsAreKept(string css, string expected)
    {
        Assert.Equal(expected, Style(css));
    }

    [Theory]
    [InlineData("position: fixed")]
    [InlineData("position: absolute")]
    [InlineData("position: sticky")]
    [InlineData("top: 0")]
    [InlineData("inset: 0")]
    [InlineData("z-index: 9999")]
    [InlineData("transform: translateY(-100px)")]
    [InlineData("margin-top: -1px")]
    [InlineData("margin: calc(10px - 20px)")]
    [InlineData("text-indent: -9999px")]
    [InlineData("box-shadow: 0 0 0 1000px red")]
    [InlineData("outline-offset: 10vw")]
    [InlineData("width: expression(alert(1))")]
    [InlineData("behavior: url(x.htc)")]
    [InlineData("-moz-binding: url(x.xml#y)")]
    [InlineData("background: url(javascript:alert(1))")]
    [InlineData("background: url('vbscript:x')")]
    [InlineData("color: var(--x)")]
    [InlineData("width: attr(data-w px)")]
    [InlineData("content: 'x'")]
    [InlineData("cursor: url(x.cur), auto")]
    [InlineData("animation: spin 1s infinite")]
    [InlineData("font-family: javascript\\3a alert(1)")]
    [InlineData("color: red }")]
    [InlineData("mso-line-height-rule: exactly")]
    public void DeclarationsThatEscapeTheFrameOrRunCodeAreDropped(string css)
    {
        Assert.Equal("", Style(css));
    }

    [Fact]
    public void RemoteBackgroundBecomesNoneUntilConsentIsGiven()
    {
        Assert.Equal("background:#fff none no-repeat", Style("background: #fff url(https://t.example/a.gif) no-repeat"));
        Assert.Equal("background:#fff url(\"https://t.example/a.gif\") no-repeat",
            Style("background: #fff url(https://t.example/a.gif) no-repeat", new HtmlSanitizerOptions { AllowRemoteContent = true }));
    }

    [Fact]
    public void SheetRulesAreScopedAndNamesPrefixed()
    {
        var sheet = Sheet("body { color: #333 } .note, #top > p:hover { color: red } table td { padding: 2px }");

        Assert.Equal(".postern-message{color:#333}\n.postern-message .pm-note,.postern-message #pm-top > p:hover{color:red}\n.postern-message table td{padding:2px}\n", sheet);
    }

    [Fact]
    public void SheetUsesTheConfiguredContainerAndPrefix()
    {
        var sheet = Sheet("html body .a { color: red } :root { color: blue }", new HtmlSanitizerOptions { ContainerSelector = "#msg", IdentifierPrefix = "m_" });

        Assert.Equal("#msg .m_a{color:red}\n#msg{color:blue}\n", sheet);
    }

    [Fact]
    public void RootRulesKeepOnlyColourBackgroundAndTextForTheContainer()
    {
        var sheet = Sheet("body { margin: 0; width: 2000px; display: none; background: #eee; font: 14px Arial }");

        Assert.Equal(".postern-message{background:#eee;font:14px Arial}\n", sheet);
    }

    [Theory]
    [InlineData("body ~ div { color: red }")]
    [InlineData("html + body { color: red }")]
    [InlineData("+ p { color: red }")]
    [InlineData(":host { color: red }")]
    [InlineData("div :root { color: red }")]
    [InlineData("::slotted(p) { color: red }")]
    [InlineData("& p { color: red }")]
    [InlineData("svg|a { color: red }")]
    [InlineData("body.dark p { color: red }")]
    public void SelectorsThatReachOutsideTheMessageAreDropped(string css)
    {
        Assert.Equal("", Sheet(css));
    }

    [Fact]
    public void MediaRulesAreKeptWithScopedInnerRules()
    {
        var sheet = Sheet("@media screen and (max-width: 600px) { .a { width: 100% } @media print { p { color: black } } }");

        Assert.Equal("@media screen and (max-width: 600px){\n.postern-message .pm-a{width:100%}\n@media print{\n.postern-message p{color:black}\n}\n}\n", sheet);
    }

    [Theory]
    [InlineData("@import url(https://evil.example/x.css); p { color: red }")]
    [InlineData("@keyframes spin { from { color: red } } p { color: red }")]
    [InlineData("@page { margin: 0 } p { color: red }")]
    [InlineData("@media (min-width: calc(1px)) { p { color: blue } } p { color: red }")]
    [InlineData("@layer base { p { color: blue } } p { color: red }")]
    public void AtRulesOtherThanMediaSupportsAndFontFaceAreDropped(string css)
    {
        Assert.Equal(".postern-message p{color:red}\n", Sheet(css));
    }

    [Fact]
    public void FontFaceIsKeptUnderAPrefixedFamilyThatTheMessagesDeclarationsFollow()
    {
        var options = new HtmlSanitizerOptions { AllowRemoteContent = true };
        var html = HtmlSanitizer.Sanitize(
            "<style>@font-face { font-family: 'Brand Sans'; src: url(https://fonts.example/b.woff2) format('woff2') } h1 { font-family: Brand Sans, sans-serif }</style>"
            + "<h1 style=\"font: bold 20px 'Brand Sans'\">x</h1>", options).Html;

        Assert.Equal("<style>@font-face{font-family:\"pm-Brand Sans\";src:url(\"https://fonts.example/b.woff2\") format(\"woff2\")}\n"
            + ".postern-message h1{font-family:\"pm-Brand Sans\", sans-serif}\n</style>"
            + "<h1 style=\"font:bold 20px &quot;pm-Brand Sans&quot;\">x</h1>", html);
    }

    [Fact]
    public void FontFaceFromAnotherServerIsDroppedWithoutConsentAndItsFamilyKeepsItsName()
    {
        var result = HtmlSanitizer.Sanitize("<style>@font-face { font-family: Arial; src: url(https://evil.example/a.woff) } p { font-family: Arial }</style><p>x</p>");

        Assert.True(result.RemoteContentBlocked);
        Assert.Equal("<style>.postern-message p{font-family:Arial}\n</style><p>x</p>", result.Html);
    }

    [Fact]
    public void StyleSheetTextCannotCloseItsStyleElement()
    {
        var html = HtmlSanitizer.Sanitize("<style>p { font-family: \"</style><script>alert(1)</script>\" } .a\\3c { color: red }</style>").Html;

        Assert.Equal(1, html.Split("</style>").Length - 1);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void CssNestedDeeperThanTheLimitIsDropped()
    {
        var deep = string.Concat(Enumerable.Repeat("calc(", 40)) + "1px" + new string(')', 40);
        var result = HtmlSanitizer.Sanitize("<p style=\"width: " + deep + "; color: red\">x</p>");

        Assert.Equal("<p>x</p>", result.Html);
        Assert.Contains("css nested too deep", result.Removed);
    }
}
