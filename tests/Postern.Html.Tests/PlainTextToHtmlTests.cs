namespace Postern.Html.Tests;

public class PlainTextToHtmlTests
{
    private static readonly PlainTextOptions s_noLinks = new() { LinkUrls = false };

    private static string Convert(string text, PlainTextOptions? options = null) => PlainTextToHtml.Convert(text, options).Html;

    [Fact]
    public void TextIsEscapedAndLineBreaksKept()
    {
        Assert.Equal("a &lt;b&gt; &amp; \"c\"<br>second line<br><br>after a blank line", Convert("a <b> & \"c\"\r\nsecond line\n\nafter a blank line\n", s_noLinks));
    }

    [Fact]
    public void QuotedLinesBecomeNestedCitations()
    {
        var html = Convert("Sure.\n> Are you coming?\n> > Party on Friday\n>> at eight\n> Please say\nThanks", s_noLinks);

        Assert.Equal(
            "Sure.<blockquote type=\"cite\">Are you coming?<blockquote type=\"cite\">Party on Friday<br>at eight</blockquote>Please say</blockquote>Thanks",
            html);
    }

    [Fact]
    public void UrlsAndAddressesBecomeSafeLinks()
    {
        var html = Convert("See https://example.com/a?b=1&c=2, www.example.org. Mail anna.b@example.com or (http://example.net/x_(y)).");

        Assert.Equal(
            "See <a href=\"https://example.com/a?b=1&amp;c=2\" target=\"_blank\" rel=\"noopener noreferrer\">https://example.com/a?b=1&amp;c=2</a>, "
            + "<a href=\"http://www.example.org\" target=\"_blank\" rel=\"noopener noreferrer\">www.example.org</a>. "
            + "Mail <a href=\"mailto:anna.b@example.com\" target=\"_blank\" rel=\"noopener noreferrer\">anna.b@example.com</a> or "
            + "(<a href=\"http://example.net/x_(y)\" target=\"_blank\" rel=\"noopener noreferrer\">http://example.net/x_(y)</a>).",
            html);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("http://\"onmouseover=alert(1)")]
    [InlineData("awww.example.com")]
    public void ScriptsInTextNeverBecomeLinksOrMarkup(string text)
    {
        var html = Convert(text);

        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        SafetyChecker.AssertSafe(html);
    }

    [Fact]
    public void LinkOptionsAndRewritingApply()
    {
        var options = new PlainTextOptions
        {
            LinkTarget = null,
            LinkRel = "noreferrer",
            RewriteLink = url => url.StartsWith("mailto:", StringComparison.Ordinal) ? null : "/Redirect?u=" + Uri.EscapeDataString(url),
        };

        var html = Convert("https://example.com/ and ivan@example.com", options);

        Assert.Equal("<a href=\"/Redirect?u=https%3A%2F%2Fexample.com%2F\" rel=\"noreferrer\">https://example.com/</a> and ivan@example.com", html);
    }

    [Fact]
    public void FlowedParagraphsAreJoinedAndFixedLinesKept()
    {
        // RFC 3676 §4.1: a space before the line break marks a soft break.
        var text = "This is a long \r\nparagraph that \r\nflows.\r\nA fixed line.\r\n-- \r\nSignature\r\n";

        Assert.Equal("This is a long paragraph that flows.<br>A fixed line.<br>-- <br>Signature", Convert(text, new PlainTextOptions { Flowed = true }));
    }

    [Fact]
    public void DelSpRemovesTheSpaceThatMarksTheSoftBreak()
    {
        // RFC 3676 §4.2: with DelSp=yes the marking space is not part of the text (useful for languages without spaces).
        var text = "一二三 \r\n四五六\r\n";

        Assert.Equal("一二三四五六", Convert(text, new PlainTextOptions { Flowed = true, DelSp = true }));
        Assert.Equal("一二三 四五六", Convert(text, new PlainTextOptions { Flowed = true }));
    }

    [Fact]
    public void FlowedQuotesUseTheirDepthAndSpaceStuffing()
    {
        // §4.4: a leading space is stuffing; §4.5: a flowed line followed by another quote depth ends its paragraph.
        var text = ">> deep and \r\n>> flowed\r\n> shallow \r\n>\r\n From here on\r\n";

        Assert.Equal(
            "<blockquote type=\"cite\"><blockquote type=\"cite\">deep and flowed</blockquote>shallow </blockquote>From here on",
            Convert(text, new PlainTextOptions { Flowed = true }));
    }

    [Fact]
    public void SpacingCanBePreservedForTablesAndCode()
    {
        var html = Convert("Name\tQty\n  apples   3", new PlainTextOptions { PreserveSpacing = true, LinkUrls = false });

        Assert.Equal("Name \u00A0\u00A0\u00A0Qty<br>\u00A0\u00A0apples \u00A0\u00A03", html);
        Assert.Equal("Name    Qty<br>  apples   3", html.Replace('\u00A0', ' '));
    }

    [Fact]
    public void OutputStopsAtItsLimitWithQuotesClosed()
    {
        var options = new PlainTextOptions { Limits = new HtmlLimits { MaxOutputChars = 60 }, LinkUrls = false };

        var result = PlainTextToHtml.Convert("> " + new string('x', 200) + "\nafter", options);

        Assert.True(result.Truncated);
        Assert.EndsWith("</blockquote>", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("after", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputLimitHoldsWhenEscapingMakesALinkLongerThanCounted()
    {
        const string text = "see http://x.example/?a=1&b=2&c=3&d=4&e=5&f=6 and then some more text";
        for (var limit = 1; limit < 200; limit++)
        {
            var result = PlainTextToHtml.Convert(text, new PlainTextOptions { Limits = new HtmlLimits { MaxOutputChars = limit } });

            SafetyChecker.AssertSafe(result.Html);
            Assert.True(result.Truncated || result.Html.EndsWith("more text", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void LongLinesWithoutSpacesAreLinkedInLinearTime()
    {
        string[] lines =
        [
            new string('a', 2_000_000) + "@" + new string('b', 1_000_000),
            string.Concat(Enumerable.Repeat("a@", 500_000)),
            "http://" + new string(')', 1_000_000),
            string.Concat(Enumerable.Repeat("www.", 500_000)),
        ];
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var links = lines.Sum(line => Convert(line).Split("<a ").Length - 1);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Took {clock.Elapsed}.");
        Assert.Equal(1, links);
    }
}
