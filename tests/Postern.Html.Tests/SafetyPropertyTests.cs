using System.Text;

namespace Postern.Html.Tests;

/// <summary>
/// Properties over generated hostile markup: sanitising never throws, the output holds only what the rules allow
/// (checked by <see cref="SafetyChecker"/>), and sanitising the output again gives the same output.
/// </summary>
public class SafetyPropertyTests
{
    /// <summary>Pieces of markup that the tricks of the hostile corpus are built from, to be mixed at random.</summary>
    private static readonly string[] s_pieces =
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<svg><style>", "</style>",
        "<math><mtext>", "<mglyph>", "<table>", "<tr>", "<td>", "</table>", "<p>", "</p>", "<div title=\"", "\">", "'", "\"",
        "<a href=\"javascript:alert(1)\">", "<a href=\"jav&#x09;ascript:alert(1)\">", "<a href=\"https://example.com/\">", "</a>",
        "<noscript>", "</noscript>", "<template>", "</template>", "<!--", "-->", "--!>", "<![CDATA[", "]]>", "<?x?>",
        "<style>p{color:red}</style>", "<style>@import url(x);body{position:fixed}</style>", "<style>", "</style>",
        "<p style=\"position:fixed;top:0;background:url(https://t.example/x)\">", "<p style=\"width:expression(alert(1))\">",
        "<b>", "</b>", "<i>", "</i>", "<font color=red>", "<form action=x>", "<input name=p>", "<button>", "<select><option>",
        "<iframe srcdoc=\"<script>alert(1)</script>\">", "</iframe>", "<xmp>", "</xmp>", "<textarea>", "</textarea>",
        "<base href=\"https://evil.example/\">", "<meta http-equiv=refresh content=0>", "<object data=x>", "<embed src=x>",
        "<body onload=alert(1) bgcolor=red>", "<html dir=rtl>", "<img src=\"cid:a@example.com\">", "<img src=//t.example/p>",
        "&lt;script&gt;", "&amp;", "&#0;", "&#x110000;", "&nbsp;", "\0", "\u00A0", "\uD800", "\uDC00", "😀", "\r\n", " ",
        "text", "<br>", "<hr>", "<ul><li>", "<li>", "<blockquote type=cite>", "<details open>", "<dialog open>", "<marquee>",
        "<plaintext>", "<frameset>", "<frame src=x>", "<image src=x>", "<isindex>", "<keygen>", "<listing>", "<center>",
        "<a name=top id=x class=\"y z\">", "<map name=m><area href=\"https://example.com/\" shape=rect>", "<col span=2>",
        "<style>.a{font-family:\"</style><script>\"}</style>", "<style>@font-face{font-family:X;src:url(https://f.example/x)}</style>",
    ];

    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 500));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void GeneratedHostileMarkupSanitisesSafelyAndStably(int seed)
    {
        var html = Generate(new Random(seed));

        foreach (var options in HostileCorpusTests.IdempotenceOptions)
        {
            var once = HtmlSanitizer.Sanitize(html, options);
            SafetyChecker.AssertSafe(once.Html, ".postern-message", "https://parts.example/");
            Assert.Equal(once.Html, HtmlSanitizer.Sanitize(once.Html, options).Html);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ArbitraryCharactersNeverMakeAnyConversionThrow(int seed)
    {
        const string markup = "<>&\"'/=!-[]{}();:\\@#.";
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var i = random.Next(1, 2000); i > 0; i--)
            text.Append(random.Next(4) == 0 ? markup[random.Next(markup.Length)] : (char)random.Next(0, 0x3000));

        // Every other seed runs with a small output budget, where the cut-off paths are taken.
        var limits = seed % 2 == 0 ? HtmlLimits.Default : new HtmlLimits { MaxOutputChars = random.Next(1, 400) };
        var input = text.ToString();

        var sanitized = HtmlSanitizer.Sanitize(input, new HtmlSanitizerOptions { Limits = limits });
        SafetyChecker.AssertSafe(sanitized.Html);
        Assert.NotNull(HtmlToPlainText.Convert(input, random.Next(1, 5000)));
        var options = new PlainTextOptions { Flowed = seed % 3 == 0, DelSp = seed % 5 == 0, PreserveSpacing = seed % 7 == 0, Limits = limits };
        SafetyChecker.AssertSafe(PlainTextToHtml.Convert(input, options).Html);
    }

    private static string Generate(Random random)
    {
        var html = new StringBuilder();
        for (var i = random.Next(5, 60); i > 0; i--)
            html.Append(s_pieces[random.Next(s_pieces.Length)]);
        return html.ToString();
    }
}
