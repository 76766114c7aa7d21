namespace Postern.Html.Tests;

public class HtmlToPlainTextTests
{
    [Fact]
    public void BlocksBecomeLinesAndParagraphsBlankLineSeparated()
    {
        var text = HtmlToPlainText.Convert("<h1>Title</h1><p>First   paragraph\nwraps.</p><div>A div</div><div>Another</div><p>Line<br>break</p>");

        Assert.Equal("Title\n\nFirst paragraph wraps.\n\nA div\nAnother\n\nLine\nbreak", text);
    }

    [Fact]
    public void ListsAreBulletedOrNumbered()
    {
        var text = HtmlToPlainText.Convert("<ul><li>one</li><li>two</li></ul><ol start=\"3\"><li>three</li><li>four</li></ol>");

        Assert.Equal("* one\n* two\n\n3. three\n4. four", text);
    }

    [Fact]
    public void QuotationsArePrefixedForReplies()
    {
        var text = HtmlToPlainText.Convert("<p>My answer</p><blockquote type=\"cite\"><p>Your question</p><blockquote><p>Earlier</p></blockquote></blockquote><p>Bye</p>");

        Assert.Equal("My answer\n\n> Your question\n>\n>> Earlier\n\nBye", text);
    }

    [Fact]
    public void LinksShowTheirTargetUnlessTheTextIsTheTarget()
    {
        var text = HtmlToPlainText.Convert(
            "<a href=\"https://example.com/a\">the site</a>, <a href=\"https://example.com/b\">https://example.com/b</a>, "
            + "<a href=\"mailto:anna@example.com\">anna@example.com</a>, <a href=\"javascript:alert(1)\">script</a>, <a href=\"#x\">anchor</a>");

        Assert.Equal("the site <https://example.com/a>, https://example.com/b, anna@example.com, script, anchor", text);
    }

    [Fact]
    public void InvisibleContentIsLeftOutAndEntitiesDecoded()
    {
        var text = HtmlToPlainText.Convert(
            "<html><head><title>T</title><style>p{color:red}</style><script>var x = 1;</script></head>"
            + "<body><p>Fish &amp; chips&nbsp;&mdash; &lt;tasty&gt;</p><template><p>inert</p></template><img alt=\"Logo\" src=\"x.png\"></body></html>");

        Assert.Equal("Fish & chips — <tasty>\n\n[Logo]", text);
    }

    [Fact]
    public void PreformattedTextKeepsItsSpacing()
    {
        var text = HtmlToPlainText.Convert("<p>Code:</p><pre>  if (x)\n    y();</pre>");

        Assert.Equal("Code:\n\n  if (x)\n    y();", text);
    }

    [Fact]
    public void TableCellsAreSpacedAndRowsAreLines()
    {
        var text = HtmlToPlainText.Convert("<table><tr><td>Region</td><td>Revenue</td></tr><tr><td>North</td><td>1,204</td></tr></table>");

        Assert.Equal("Region Revenue\nNorth 1,204", text);
    }

    [Fact]
    public void OutputIsBoundedForPreviews()
    {
        var text = HtmlToPlainText.Convert("<p>" + string.Concat(Enumerable.Repeat("word ", 1000)) + "</p>", maxLength: 42);

        Assert.Equal(42, text.Length);
        Assert.StartsWith("word word", text, StringComparison.Ordinal);
    }

    [Fact]
    public void NewsletterBecomesReadableText()
    {
        var text = HtmlToPlainText.Convert(Postern.Testing.TestData.Text("mail", "newsletter.html"));

        Assert.StartsWith("Autumn gear, coast walks and a repair guide inside", text, StringComparison.Ordinal);
        Assert.Contains("\n\nTen lessons from a wet week on the coast path\n\n", text, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe <https://news.example.com/unsubscribe?u=7f3a9c&id=2026-10>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("mso", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxLengthMustBePositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HtmlToPlainText.Convert("x", 0));
    }
}
