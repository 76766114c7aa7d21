using Postern.Html.Sanitizing;
using Postern.Html.Urls;

namespace Postern.Html.Tests;

public class UrlPolicyTests
{
    private static UrlVerdict Evaluate(string url, UrlUse use, HtmlSanitizerOptions? options = null) =>
        new UrlPolicy(options ?? new HtmlSanitizerOptions(), new IdentifierPrefixer("pm-")).Evaluate(url, use);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JAVASCRIPT:alert(1)")]
    [InlineData("  javascript:alert(1)")]
    [InlineData("\u0001\u0002javascript:alert(1)")]
    [InlineData("jav\tascript:alert(1)")]
    [InlineData("jav\nascript:alert(1)")]
    [InlineData("jav\rascript:alert(1)")]
    [InlineData("java\uFFFDscript:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://files.example.com/")]
    [InlineData("about:blank")]
    [InlineData("blob:https://example.com/1")]
    [InlineData("Logout.wssp")]
    [InlineData("/Session/abc/Delete.wssp")]
    [InlineData("?Delete=1")]
    [InlineData("\u200Bjavascript:alert(1)")]
    public void LinkWithScriptOrRelativeTargetIsRejected(string url)
    {
        Assert.Equal(UrlOutcome.Rejected, Evaluate(url, UrlUse.Link).Outcome);
    }

    [Theory]
    [InlineData("https://example.com/a?b=1&c=2", "https://example.com/a?b=1&c=2")]
    [InlineData("  http://example.com/\t", "http://example.com/")]
    [InlineData("HTTPS://EXAMPLE.COM/", "HTTPS://EXAMPLE.COM/")]
    [InlineData("mailto:anna@example.com?subject=Hi", "mailto:anna@example.com?subject=Hi")]
    [InlineData("tel:+15551234567", "tel:+15551234567")]
    [InlineData("#Section 2", "#pm-Section 2")]
    [InlineData("#pm-already", "#pm-already")]
    [InlineData("//example.com/page", "https://example.com/page")]
    public void LinkWithSafeSchemeIsKeptCleaned(string url, string expected)
    {
        var verdict = Evaluate(url, UrlUse.Link);

        Assert.Equal(UrlOutcome.Allowed, verdict.Outcome);
        Assert.Equal(expected, verdict.Url);
    }

    [Theory]
    [InlineData("https://track.example/p.gif")]
    [InlineData("http://track.example/p.gif")]
    [InlineData("//track.example/p.gif")]
    [InlineData("\\\\track.example\\p.gif")]
    [InlineData("/\\track.example/p.gif")]
    public void RemoteImageNeedsConsent(string url)
    {
        Assert.Equal(UrlOutcome.RemoteBlocked, Evaluate(url, UrlUse.Image).Outcome);
        Assert.Equal(UrlOutcome.Allowed, Evaluate(url, UrlUse.Image, new HtmlSanitizerOptions { AllowRemoteContent = true }).Outcome);
    }

    [Theory]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("data:image/gif;base64,R0lGODlhAQABAAAAACw=")]
    [InlineData("DATA:IMAGE/JPEG;base64,/9j/4AAQ")]
    [InlineData("data:image/webp,RIFF")]
    public void InlineRasterImageIsAllowedAsAnImageOnly(string url)
    {
        Assert.Equal(UrlOutcome.Allowed, Evaluate(url, UrlUse.Image).Outcome);
        Assert.Equal(UrlOutcome.Rejected, Evaluate(url, UrlUse.Link).Outcome);
        Assert.Equal(UrlOutcome.Rejected, Evaluate(url, UrlUse.Font).Outcome);
    }

    [Theory]
    [InlineData("data:image/svg+xml;base64,PHN2Zz4=")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("data:,hello")]
    [InlineData("data:image/png")]
    public void OtherDataUrlsAreRejected(string url)
    {
        Assert.Equal(UrlOutcome.Rejected, Evaluate(url, UrlUse.Image).Outcome);
    }

    [Fact]
    public void DataImageLongerThanTheLimitIsRejected()
    {
        var options = new HtmlSanitizerOptions { Limits = new HtmlLimits { MaxDataUrlChars = 64 } };

        Assert.Equal(UrlOutcome.Rejected, Evaluate("data:image/png;base64," + new string('A', 64), UrlUse.Image, options).Outcome);
    }

    [Fact]
    public void ContentIdIsPercentDecodedAndResolvedThroughTheCallback()
    {
        string? asked = null;
        var options = new HtmlSanitizerOptions { ResolveContentId = id => (asked = id) == "part 1@example.com" ? "/Message/7/2" : null };

        var verdict = Evaluate("CID:part%201@example.com", UrlUse.Image, options);

        Assert.Equal("part 1@example.com", asked);
        Assert.Equal(UrlVerdict.Allow("/Message/7/2"), verdict);
        Assert.Equal(UrlOutcome.Rejected, Evaluate("cid:other@example.com", UrlUse.Image, options).Outcome);
        Assert.Equal(UrlOutcome.Rejected, Evaluate("cid:part%201@example.com", UrlUse.Image).Outcome);
    }

    [Fact]
    public void ContentLocationOfAPartWinsOverTheRemoteRule()
    {
        var options = new HtmlSanitizerOptions { ResolveContentLocation = location => location == "https://example.com/logo.png" ? "/Message/7/3" : null };

        Assert.Equal(UrlVerdict.Allow("/Message/7/3"), Evaluate("https://example.com/logo.png", UrlUse.Image, options));
        Assert.Equal(UrlOutcome.RemoteBlocked, Evaluate("https://example.com/other.png", UrlUse.Image, options).Outcome);
    }

    [Fact]
    public void RewriteCallbackSeesEveryLinkAndCanDropIt()
    {
        var options = new HtmlSanitizerOptions
        {
            RewriteLink = url => url.StartsWith("mailto:", StringComparison.Ordinal) ? null : "/Redirect?u=" + Uri.EscapeDataString(url),
        };

        Assert.Equal(UrlVerdict.Allow("/Redirect?u=https%3A%2F%2Fexample.com%2F"), Evaluate("https://example.com/", UrlUse.Link, options));
        Assert.Equal(UrlOutcome.Rejected, Evaluate("mailto:a@example.com", UrlUse.Link, options).Outcome);
        Assert.Equal(UrlVerdict.Allow("#pm-top"), Evaluate("#top", UrlUse.Link, options));
    }

    [Fact]
    public void CitationIsNeverLoadedSoItNeedsNoConsentButNoMailScheme()
    {
        Assert.Equal(UrlOutcome.Allowed, Evaluate("https://example.com/source", UrlUse.Citation).Outcome);
        Assert.Equal(UrlOutcome.Rejected, Evaluate("mailto:a@example.com", UrlUse.Citation).Outcome);
    }
}
