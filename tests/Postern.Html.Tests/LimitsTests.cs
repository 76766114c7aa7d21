using System.Diagnostics;
using Postern.Testing;

namespace Postern.Html.Tests;

/// <summary>
/// Hostile sizes and shapes: nesting that makes the HTML algorithm quadratic, element explosions, huge inputs and
/// attributes. Each conversion must finish quickly, never throw, and say it cut the message short.
/// </summary>
public class LimitsTests
{
    /// <summary>
    /// Far above what the guarded conversion takes (about a second at most here, alone) and well below what an
    /// unguarded one takes (one to several minutes for these inputs), so a regression fails even when the machine
    /// is busy running the rest of the suite.
    /// </summary>
    private static readonly TimeSpan s_generous = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string> DeepNesting() => new()
    {
        { "<div>", "nesting" },
        { "<i><b>", "nesting" },
        { "<font color=red>", "nesting" },
        { "<blockquote>", "nesting" },
        { "<span>", "nesting" },
        { "<table><tr><td>", "nesting" },
        { "<ul><li>", "nesting" },
        { "<div><template>", "nesting" },
        { "<p><b id=x>x", "elements" },
    };

    [Theory]
    [MemberData(nameof(DeepNesting))]
    public void HundredThousandNestedTagsStopAtTheLimitQuickly(string opening, string limit)
    {
        var html = string.Concat(Enumerable.Repeat(opening, 100_000)) + "end";
        var clock = Stopwatch.StartNew();

        var result = HtmlSanitizer.Sanitize(html);

        Assert.True(clock.Elapsed < s_generous, $"Took {clock.Elapsed}.");
        Assert.True(result.Truncated);
        Assert.Contains("truncated " + limit, result.Removed);
        Assert.True(NestingDepth(result.Html) <= HtmlLimits.Default.MaxNestingDepth);
        SafetyChecker.AssertSafe(result.Html);
    }

    [Fact]
    public void MisnestedFormattingWithDistinctAttributesStopsQuickly()
    {
        // Each paragraph re-creates every formatting element still open, one inside the other: n paragraphs make
        // n²/2 elements (12 million for these 5,000 without the guard), nested n deep.
        var html = string.Concat(Enumerable.Range(0, 5_000).Select(i => $"<p><b id=b{i}>x"));
        var clock = Stopwatch.StartNew();

        var result = HtmlSanitizer.Sanitize(html);

        Assert.True(clock.Elapsed < s_generous, $"Took {clock.Elapsed}.");
        Assert.Contains("truncated nesting", result.Removed);
    }

    [Fact]
    public void ParseStopsAtTheElementLimit()
    {
        var options = new HtmlSanitizerOptions { Limits = new HtmlLimits { MaxElements = 100 } };

        var result = HtmlSanitizer.Sanitize(string.Concat(Enumerable.Repeat("<p>x</p>", 1_000)), options);

        Assert.Contains("truncated elements", result.Removed);
        // html, head and body are elements too.
        Assert.Equal(string.Concat(Enumerable.Repeat("<p>x</p>", 97)), result.Html);
    }

    [Fact]
    public void LongRunsOfSiblingsAreWalkedInLinearTime()
    {
        // AngleSharp finds a node's next sibling by searching its parent's children: walking 300,000 siblings that
        // way takes over a minute.
        var options = new HtmlSanitizerOptions { Limits = new HtmlLimits { MaxElements = 400_000 } };
        var html = string.Concat(Enumerable.Repeat("<br>", 300_000));
        var clock = Stopwatch.StartNew();

        var result = HtmlSanitizer.Sanitize(html, options);
        var text = HtmlToPlainText.Convert("<p>a</p>" + html[..(90_000 * 4)] + "<p>b</p>");

        Assert.True(clock.Elapsed < s_generous, $"Took {clock.Elapsed}.");
        Assert.Equal(html, result.Html);
        Assert.Equal("a\n\nb", text);
    }

    [Fact]
    public void NestingWithinTheLimitIsKeptWhole()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 200)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 200));

        var result = HtmlSanitizer.Sanitize(html);

        Assert.False(result.Truncated);
        Assert.Equal(html, result.Html);
    }

    [Fact]
    public void TenMegabytesOfMarkupAreCutAtTheInputLimit()
    {
        var newsletter = TestData.Text("mail", "newsletter-50k.html");
        var html = string.Concat(Enumerable.Repeat(newsletter, 10 * 1024 * 1024 / newsletter.Length + 1));
        var clock = Stopwatch.StartNew();

        var result = HtmlSanitizer.Sanitize(html);

        Assert.True(clock.Elapsed < s_generous, $"Took {clock.Elapsed}.");
        Assert.True(result.Truncated);
        Assert.Contains("truncated input", result.Removed);
        Assert.True(result.Html.Length <= HtmlLimits.Default.MaxOutputChars);
        SafetyChecker.AssertSafe(result.Html);
    }

    [Fact]
    public void OutputStopsAtItsLimitWithEveryElementClosed()
    {
        var options = new HtmlSanitizerOptions { Limits = new HtmlLimits { MaxOutputChars = 100 } };
        var html = "<div><table><tr><td><b>" + string.Concat(Enumerable.Repeat("a &lt; b &amp; c ", 50)) + "</b></td></tr></table><p>after</p></div>";

        var result = HtmlSanitizer.Sanitize(html, options);

        Assert.True(result.Truncated);
        Assert.Contains("truncated output", result.Removed);
        Assert.EndsWith("</b></td></tr></tbody></table></div>", result.Html, StringComparison.Ordinal);
        Assert.True(result.Html.Length <= 100 + "</b></td></tr></tbody></table></div>".Length);
        Assert.DoesNotContain("after", result.Html, StringComparison.Ordinal);
        Assert.Matches("(&lt;|&amp;|[a-c ])</b>", result.Html);
    }

    [Fact]
    public void OutputLimitNeverSplitsACharacterReferenceOrASurrogatePair()
    {
        for (var limit = 1; limit < 40; limit++)
        {
            var options = new HtmlSanitizerOptions { Limits = new HtmlLimits { MaxOutputChars = limit } };

            var html = HtmlSanitizer.Sanitize("&amp;😀&lt;😀&gt;😀 text text text text text text", options).Html;

            Assert.Matches("^(&amp;|&lt;|&gt;|😀| |text|tex|te|t)*$", html);
        }
    }

    [Fact]
    public void InputBeyondTheLimitIsCutNotRefused()
    {
        var options = new HtmlSanitizerOptions { Limits = new HtmlLimits { MaxInputChars = 10 } };

        var result = HtmlSanitizer.Sanitize("<b>0123456789</b>", options);

        Assert.Equal("<b>0123456</b>", result.Html);
        Assert.True(result.Truncated);
    }

    [Fact]
    public void AttributesBeyondTheCountLimitAreDropped()
    {
        var options = new HtmlSanitizerOptions { Limits = new HtmlLimits { MaxAttributesPerElement = 2 } };

        var result = HtmlSanitizer.Sanitize("<p title=a dir=rtl lang=ar>x</p>", options);

        Assert.Equal("<p title=\"a\" dir=\"rtl\">x</p>", result.Html);
        Assert.Contains("attribute beyond limit", result.Removed);
    }

    [Fact]
    public void AttributeValueBeyondTheLengthLimitIsDropped()
    {
        var result = HtmlSanitizer.Sanitize("<p title=\"" + new string('x', 8 * 1024 + 1) + "\" dir=\"rtl\">x</p>");

        Assert.Equal("<p dir=\"rtl\">x</p>", result.Html);
        Assert.Contains("attribute too long", result.Removed);
    }

    [Fact]
    public void StyleSheetsBeyondTheirLimitAreCut()
    {
        var options = new HtmlSanitizerOptions { Limits = new HtmlLimits { MaxStyleSheetChars = 20 } };

        var result = HtmlSanitizer.Sanitize("<style>p { color: red }</style><style>b { color: blue }</style><p>x</p>", options);

        Assert.Equal("<style>.postern-message p{color:red}\n</style><p>x</p>", result.Html);
        Assert.Contains("truncated style sheets", result.Removed);
    }

    [Fact]
    public void LimitsRefuseNonPositiveValues()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HtmlLimits { MaxNestingDepth = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new HtmlLimits { MaxOutputChars = -1 });
    }

    /// <summary>The deepest element nesting in well-formed output (it is written by the sanitiser, so tags balance).</summary>
    private static int NestingDepth(string html)
    {
        var depth = 0;
        var deepest = 0;
        for (var i = 0; i < html.Length; i++)
        {
            if (html[i] != '<')
                continue;
            if (i + 1 < html.Length && html[i + 1] == '/')
                depth--;
            else if (!IsVoidAt(html, i + 1))
                deepest = Math.Max(deepest, ++depth);
        }
        return deepest;
    }

    private static bool IsVoidAt(string html, int start) =>
        new[] { "br>", "br ", "hr>", "hr ", "img>", "img ", "wbr>", "col>", "col ", "area>", "area " }
            .Any(tag => string.CompareOrdinal(html, start, tag, 0, tag.Length) == 0);
}
