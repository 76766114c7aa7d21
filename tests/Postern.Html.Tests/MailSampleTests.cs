using Postern.Testing;

namespace Postern.Html.Tests;

/// <summary>
/// Real-world HTML mail (TestData/mail: newsletters, Outlook, Apple Mail and Gmail messages, a receipt): each
/// sanitises to its golden output, stays within the rules, keeps its look (tables, styles, images of its own
/// parts) and is stable when sanitised again.
/// </summary>
public class MailSampleTests
{
    public static TheoryData<string> Files() => GoldenFile.Inputs("mail");

    [Theory]
    [MemberData(nameof(Files))]
    public void MailSanitisesToItsGoldenOutput(string file)
    {
        var result = HtmlSanitizer.Sanitize(TestData.Text(file.Split('/')), HostileCorpusTests.CorpusOptions);

        GoldenFile.AssertMatches(GoldenFile.ExpectedPath(file), GoldenFile.Describe(result));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void MailOutputHoldsOnlyAllowedMarkup(string file)
    {
        var input = TestData.Text(file.Split('/'));

        SafetyChecker.AssertSafe(HtmlSanitizer.Sanitize(input, HostileCorpusTests.CorpusOptions).Html, ".postern-message", "parts/");
        SafetyChecker.AssertSafe(HtmlSanitizer.Sanitize(input, new HtmlSanitizerOptions { AllowRemoteContent = true }).Html);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void SanitisingMailOutputAgainChangesNothing(string file)
    {
        var input = TestData.Text(file.Split('/'));
        foreach (var options in HostileCorpusTests.IdempotenceOptions)
        {
            var once = HtmlSanitizer.Sanitize(input, options).Html;
            Assert.Equal(once, HtmlSanitizer.Sanitize(once, options).Html);
        }
    }

    [Fact]
    public void NewsletterKeepsItsLayoutStylesAndLinks()
    {
        var result = HtmlSanitizer.Sanitize(TestData.Text("mail", "newsletter.html"));

        Assert.False(result.Truncated);
        Assert.True(result.RemoteContentBlocked);
        Assert.StartsWith("<style>", result.Html, StringComparison.Ordinal);
        Assert.Contains(".postern-message .pm-main{", result.Html, StringComparison.Ordinal);
        Assert.Contains("@media screen and (max-width: 600px){", result.Html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"pm-main\" role=\"presentation\" width=\"100%\"", result.Html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"pm-button\" href=\"https://click.example.com/ls/click?upn=", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://img.example-cdn.com", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("click.example.com/wf/open", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void NewsletterShowsItsPicturesWithConsentWithoutSendingAReferrer()
    {
        var result = HtmlSanitizer.Sanitize(TestData.Text("mail", "newsletter.html"), new HtmlSanitizerOptions { AllowRemoteContent = true });

        Assert.False(result.RemoteContentBlocked);
        Assert.Contains("<img src=\"https://img.example-cdn.com/brand/logo-white.png\" width=\"160\" height=\"40\" alt=\"Northwind Outfitters\" style=\"display:block;width:160px;height:auto\" referrerpolicy=\"no-referrer\">",
            result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void OutlookReplyDropsWordMarkupButKeepsTheQuotedTable()
    {
        var result = HtmlSanitizer.Sanitize(TestData.Text("mail", "outlook-reply.html"), HostileCorpusTests.CorpusOptions);

        Assert.DoesNotContain("o:p", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("behavior", result.Html, StringComparison.Ordinal);
        Assert.Contains(".postern-message p.pm-MsoNormal,", result.Html, StringComparison.Ordinal);
        Assert.Contains("<td width=\"120\" valign=\"top\" style=\"width:90.0pt;border-top:none;", result.Html, StringComparison.Ordinal);
        Assert.Contains("<img width=\"120\" height=\"32\" style=\"width:1.25in;height:.3333in\" id=\"pm-Picture_x0020_1\" src=\"parts/image001.png%4001DB1234.56789ABC\"",
            result.Html, StringComparison.Ordinal);
    }
}
