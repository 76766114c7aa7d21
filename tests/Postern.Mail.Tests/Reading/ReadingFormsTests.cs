using Postern.Mail.Reading;
using Postern.Mime;
using Postern.Mime.Writing;
using Postern.Testing;

namespace Postern.Mail.Tests.Reading;

/// <summary>The other forms a message is read in: HTML drafts and the plain-text reduction.</summary>
public class ReadingFormsTests : MailContext
{
    private async Task<StoredMessage> OpenAsync(byte[] message)
    {
        var alice = await CreateUserAsync();
        await AppendAsync(alice, "INBOX", message);
        return await Reader.OpenAsync(alice, await MailboxAsync(alice), 1, false, Ct);
    }

    [Fact]
    public async Task AnHtmlReplyQuotesTheOriginalsTextEscapedInABlockquote()
    {
        var original = await OpenAsync(TestMail.Message("Plans", body: "Bring <script>alert(1)</script> & snacks\r\n> said before"));
        var alice = await Access.GetUserAsync(Postern.Accounts.AccountName.Parse("alice@example.com"), Ct);

        var reply = await Reader.CreateDraftAsync(alice, original, DraftKind.Reply, DraftFormat.Html, Ct);

        var html = Assert.IsType<ComposedText>(reply.Body);
        Assert.Equal("html", html.Subtype);
        Assert.Equal("Re: Plans", reply.Subject);
        Assert.Contains("<blockquote type=\"cite\">Bring &lt;script&gt;alert(1)&lt;/script&gt; &amp; snacks"
            + "<blockquote type=\"cite\">said before</blockquote></blockquote>", html.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnHtmlForwardKeepsItsAttachmentsAndQuotesNoMarkupOfTheOriginal()
    {
        var original = await OpenAsync(TestData.Bytes("messages", "offsite.eml"));
        var alice = await Access.GetUserAsync(Postern.Accounts.AccountName.Parse("alice@example.com"), Ct);

        var forward = await Reader.CreateDraftAsync(alice, original, DraftKind.Forward, DraftFormat.Html, Ct);

        var mixed = Assert.IsType<ComposedMultipart>(forward.Body);
        var html = Assert.IsType<ComposedText>(mixed.Parts[0]);
        Assert.Equal("html", html.Subtype);
        Assert.Contains("---------- Forwarded message ----------<br>From: ", html.Text, StringComparison.Ordinal);
        Assert.Contains("The café serves crème brûlée on Thursday.", html.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html.Text, StringComparison.Ordinal);
        Assert.Contains(mixed.Parts, part => part.FileName == "Offsite Agenda.pdf");
    }

    [Theory]
    [InlineData("plain", "<html><body>plain</body></html>")]
    [InlineData("a\nb", "<html><body>a<br>b</body></html>")]
    [InlineData("> q1\n>> q2\n> q3\nend", "<html><body><blockquote type=\"cite\">q1<blockquote type=\"cite\">q2</blockquote>q3</blockquote>end</body></html>")]
    [InlineData("> > spaced", "<html><body><blockquote type=\"cite\"><blockquote type=\"cite\">spaced</blockquote></blockquote></body></html>")]
    [InlineData("\"quotes\" 'and' <tags>", "<html><body>&quot;quotes&quot; &#39;and&#39; &lt;tags&gt;</body></html>")]
    public void QuotedTextBecomesNestedBlockquotes(string text, string html) => Assert.Equal(html, HtmlDrafts.FromQuotedText(text));

    [Fact]
    public async Task ThePlainTextFormKeepsTheHeaderAndReducesTheBodyToItsText()
    {
        var original = await OpenAsync(TestData.Bytes("messages", "offsite.eml"));

        var text = original.ToPlainTextMessage();

        Assert.Equal("Café menu for the offsite", text.Subject);
        Assert.Equal("Quill 3.1", text.Headers.GetText("X-Mailer"));
        Assert.Equal(("text", "plain"), (text.Body.ContentType.MediaType, text.Body.ContentType.MediaSubtype));
        Assert.Empty(text.Body.Children);
        Assert.Equal("The café serves crème brûlée on Thursday.", text.Body.GetText().TrimEnd());
    }

    [Fact]
    public async Task ThePlainTextFormOfAnHtmlOnlyMessageIsItsVisibleText()
    {
        var html = "From: a@example.org\r\nSubject: News\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hello <b>world</b></p><script>x()</script>"u8.ToArray();
        var original = await OpenAsync(html);

        var text = original.ToPlainTextMessage();

        Assert.Equal(["Hello", "world"], text.Body.GetText().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Single(text.Headers.GetAll("Content-Type"));
    }
}
