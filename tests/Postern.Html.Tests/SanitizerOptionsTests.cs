namespace Postern.Html.Tests;

/// <summary>What the page can ask of the sanitiser: consent, placeholders, link handling, scoping names.</summary>
public class SanitizerOptionsTests
{
    [Fact]
    public void LinksOpenInANewWindowWithoutOpenerOrReferrerByDefault()
    {
        var html = HtmlSanitizer.Sanitize("<a href=\"https://example.com/\" target=\"_self\" rel=\"opener\">x</a>").Html;

        Assert.Equal("<a href=\"https://example.com/\" target=\"_blank\" rel=\"noopener noreferrer\">x</a>", html);
    }

    [Fact]
    public void LinkTargetAndRelCanBeChangedOrLeftOut()
    {
        var options = new HtmlSanitizerOptions { LinkTarget = null, LinkRel = "nofollow noopener noreferrer" };

        var html = HtmlSanitizer.Sanitize("<a href=\"https://example.com/\" target=\"_top\">x</a>", options).Html;

        Assert.Equal("<a href=\"https://example.com/\" rel=\"nofollow noopener noreferrer\">x</a>", html);
    }

    [Fact]
    public void LinksGoThroughTheRewriteCallbackAndAreUnlinkedWhenItSaysNull()
    {
        var options = new HtmlSanitizerOptions
        {
            RewriteLink = url => url.StartsWith("mailto:", StringComparison.Ordinal)
                ? "Compose.wssp?To=" + Uri.EscapeDataString(url[7..])
                : url.Contains("blocked", StringComparison.Ordinal) ? null : "/Redirect?url=" + Uri.EscapeDataString(url),
        };

        var html = HtmlSanitizer.Sanitize(
            "<a href=\"https://example.com/a?b=1&amp;c=2\">web</a> <a href=\"mailto:anna@example.com\">mail</a> <a href=\"https://blocked.example/\">gone</a> <a href=\"#top\">top</a>",
            options).Html;

        Assert.Equal(
            "<a href=\"/Redirect?url=https%3A%2F%2Fexample.com%2Fa%3Fb%3D1%26c%3D2\" target=\"_blank\" rel=\"noopener noreferrer\">web</a> "
            + "<a href=\"Compose.wssp?To=anna%40example.com\" target=\"_blank\" rel=\"noopener noreferrer\">mail</a> <a>gone</a> <a href=\"#pm-top\">top</a>",
            html);
    }

    [Fact]
    public void BlockedImagesCanShowAPlaceholder()
    {
        var options = new HtmlSanitizerOptions { BlockedImagePlaceholder = "/SkinFiles/blocked.gif" };

        var result = HtmlSanitizer.Sanitize("<img src=\"https://track.example/p.gif\" alt=\"Logo\"><img src=\"javascript:alert(1)\">", options);

        Assert.True(result.RemoteContentBlocked);
        Assert.Equal("<img src=\"/SkinFiles/blocked.gif\" alt=\"Logo\"><img>", result.Html);
    }

    [Fact]
    public void WithConsentRemoteImagesLoadWithoutAReferrer()
    {
        var result = HtmlSanitizer.Sanitize("<img src=\"https://cdn.example.com/a.png\" alt=\"a\">", new HtmlSanitizerOptions { AllowRemoteContent = true });

        Assert.False(result.RemoteContentBlocked);
        Assert.Equal("<img src=\"https://cdn.example.com/a.png\" alt=\"a\" referrerpolicy=\"no-referrer\">", result.Html);
    }

    [Fact]
    public void WithoutConsentNothingRemoteRemainsAndThePageIsTold()
    {
        var result = HtmlSanitizer.Sanitize(
            "<style>p { background: url(https://t.example/1.gif) }</style><body background=\"https://t.example/2.gif\"><p style=\"background-image:url(//t.example/3.gif)\">"
            + "<img src=\"http://t.example/4.gif\"></p><table background=\"https://t.example/5.gif\"></table></body>");

        Assert.True(result.RemoteContentBlocked);
        Assert.DoesNotContain("t.example", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void MessageWithoutRemoteContentDoesNotAskForConsent()
    {
        var result = HtmlSanitizer.Sanitize("<p><a href=\"https://example.com/\">links are not loaded</a><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></p>");

        Assert.False(result.RemoteContentBlocked);
    }

    [Theory]
    [InlineData("message")]
    [InlineData(".a b")]
    [InlineData("#x{}")]
    [InlineData(".1x")]
    [InlineData("")]
    public void ContainerSelectorMustBeASingleClassOrId(string selector)
    {
        Assert.Throws<ArgumentException>(() => new HtmlSanitizerOptions { ContainerSelector = selector });
    }

    [Theory]
    [InlineData("")]
    [InlineData("1x")]
    [InlineData("a b")]
    [InlineData("x\"")]
    public void IdentifierPrefixMustBeANameStart(string prefix)
    {
        Assert.Throws<ArgumentException>(() => new HtmlSanitizerOptions { IdentifierPrefix = prefix });
    }

    [Fact]
    public void ButtonsCannotSubmitThePagesForms()
    {
        var html = HtmlSanitizer.Sanitize("<button type=\"submit\" formaction=\"https://evil.example/\" name=\"x\">Go</button>").Html;

        Assert.Equal("<button type=\"button\">Go</button>", html);
    }

    [Fact]
    public void DirectionAndLanguageOfTheDocumentAreKeptOnAWrapper()
    {
        var html = HtmlSanitizer.Sanitize("<html dir=\"rtl\" lang=\"he\"><body><p>שלום</p></body></html>").Html;

        Assert.Equal("<div dir=\"rtl\" lang=\"he\"><p>שלום</p></div>", html);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("   \n\t", "")]
    [InlineData("plain text & more", "plain text &amp; more")]
    [InlineData("a < b > c", "a &lt; b &gt; c")]
    [InlineData("<!DOCTYPE html><html><head></head><body></body></html>", "")]
    public void FragmentsTextAndEmptyDocumentsAreHandled(string input, string expected)
    {
        Assert.Equal(expected, HtmlSanitizer.Sanitize(input).Html);
    }
}
