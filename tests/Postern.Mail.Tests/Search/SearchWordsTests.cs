using Postern.Mail.Search;
using Postern.Mime;
using Postern.Testing;

namespace Postern.Mail.Tests.Search;

public class SearchWordsTests
{
    [Theory]
    [InlineData("alice@example.com", new[] { "alice", "example", "com" })]
    [InlineData("  Crème-brûlée, 2024!", new[] { "Crème", "brûlée", "2024" })]
    [InlineData("日本語 text", new[] { "日本語", "text" })]
    [InlineData("!!!", new string[0])]
    public void WordsAreRunsOfLettersAndDigits(string text, string[] words) => Assert.Equal(words, SearchWords.Split(text));

    [Theory]
    [InlineData("The Crème Brûlée is back", "creme brul", true)]
    [InlineData("The Crème Brûlée is back", "brulee creme", false)]
    [InlineData("The Crème Brûlée is back", "reme", false)]
    [InlineData("Apollo launch", "", true)]
    [InlineData("", "x", false)]
    public void TextMatchesWordsInSequenceEachAsAPrefix(string text, string search, bool matches) =>
        Assert.Equal(matches, SearchWords.Matches(text, SearchWords.Split(search)));

    [Fact]
    public void TheIndexedTextHasDecodedHeadersReadableBodyAndFileNames()
    {
        var text = MessageTextExtractor.Extract(MimeMessage.Parse(TestData.Bytes("messages", "offsite.eml")));

        Assert.Equal("Café menu for the offsite", text.Subject);
        Assert.Equal("Carol Singer carol@example.net", text.From);
        Assert.Equal("alice@example.com, Dan dan@example.org", text.To);
        Assert.Equal("eve@example.com", text.Cc);
        Assert.Contains("X-Mailer: Quill 3.1", text.Headers, StringComparison.Ordinal);
        Assert.Contains("The café serves crème brûlée on Thursday.", text.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", text.Body, StringComparison.Ordinal);
        Assert.Contains("Offsite Agenda.pdf", text.Body, StringComparison.Ordinal);
        Assert.Contains("Venue booking", text.Body, StringComparison.Ordinal);
        Assert.Contains("The hall is booked", text.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("JVBER", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlOnlyMessagesAreIndexedByTheirVisibleText()
    {
        var message = "Subject: x\r\nContent-Type: text/html\r\n\r\n<style>.hidden{}</style><p>Visible &amp; clear</p>"u8.ToArray();

        var text = MessageTextExtractor.Extract(MimeMessage.Parse(message));

        Assert.Contains("Visible & clear", text.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", text.Body, StringComparison.Ordinal);
    }
}
