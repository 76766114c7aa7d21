using Postern.Mime.Addresses;
using Postern.Mime.Writing;
using static Postern.Mime.Tests.Messages;

namespace Postern.Mime.Tests.Writing;

public class ReplyComposerTests
{
    private static readonly MailboxAddress s_me = new("Me", "b@example.com");

    [Fact]
    public void ReplyGoesToReplyToWithThreadingAndQuotedText()
    {
        var reply = ReplyComposer.CreateReply(Load("summary/full.eml"), new ReplyOptions { From = s_me, Self = [s_me] });

        Assert.Equal(["replies@example.com"], reply.To.Cast<MailboxAddress>().Select(m => m.Address));
        Assert.Empty(reply.Cc);
        Assert.Equal("Re: Quarterly report: €", reply.Subject);
        Assert.Equal(["msg-3@example.com"], reply.InReplyTo);
        Assert.Equal(["msg-1@example.com", "msg-2@example.com", "msg-3@example.com"], reply.References);
        var text = Assert.IsType<ComposedText>(reply.Body).Text;
        Assert.Contains("On Tue, 5 Mar 2024 09:30:00 +0300, Ivan Petrov <ivan@example.com> wrote:\n> Hello team,\n>\n> the numbers are in. See the attached file.\n", text.Replace("> \n", ">\n", StringComparison.Ordinal));
    }

    [Fact]
    public void ReplyAllAddsRecipientsButNotTheUserOrDuplicates()
    {
        var reply = ReplyComposer.CreateReply(Load("summary/full.eml"), new ReplyOptions { ReplyAll = true, Self = [s_me] });

        Assert.Equal(["replies@example.com", "a@example.com"], reply.To.Cast<MailboxAddress>().Select(m => m.Address));
        Assert.Equal(["c@example.com"], reply.Cc.Cast<MailboxAddress>().Select(m => m.Address));
    }

    [Fact]
    public void ReplyToOwnMessageAnswersItsRecipients()
    {
        var original = FromText("From: b@example.com\nTo: x@example.com\nSubject: mine\n\nbody\n");

        var reply = ReplyComposer.CreateReply(original, new ReplyOptions { Self = [s_me] });

        Assert.Equal("x@example.com", Assert.IsType<MailboxAddress>(Assert.Single(reply.To)).Address);
    }

    [Theory]
    [InlineData("Hello", "Re: Hello")]
    [InlineData("Re: Hello", "Re: Hello")]
    [InlineData("RE: Hello", "RE: Hello")]
    [InlineData("Re[2]: Hello", "Re[2]: Hello")]
    [InlineData(null, "Re: ")]
    public void ReplySubjectGetsOnePrefix(string? subject, string expected) => Assert.Equal(expected, ReplyComposer.ReplySubject(subject));

    [Fact]
    public void ForwardQuotesInlineAndCarriesAttachmentsOver()
    {
        var forward = ReplyComposer.CreateForward(Load("summary/full.eml"));
        var parsed = MimeMessage.Parse(MessageWriter.Write(forward));

        Assert.Equal("Fwd: Quarterly report: €", parsed.Subject);
        Assert.Contains("---------- Forwarded message ----------\r\nFrom: Ivan Petrov <ivan@example.com>", parsed.FindTextBody("plain")!.GetText());
        var attachment = Assert.Single(parsed.EnumerateParts(), p => p.IsAttachment);
        Assert.Equal("q1.xls", attachment.FileName);
    }

    [Fact]
    public void ForwardAsAttachmentEmbedsTheOriginal()
    {
        var original = Load("summary/full.eml");

        var parsed = MimeMessage.Parse(MessageWriter.Write(ReplyComposer.CreateForward(original, new ReplyOptions { ForwardAsAttachment = true })));

        var embedded = parsed.FindPart("02")!.Message!;
        Assert.Equal(original.Subject, embedded.Subject);
        Assert.Equal(original.RawMessage.Length, parsed.FindPart("02")!.RawBody.Length);
    }

    [Fact]
    public void ReplyToHtmlOnlyMessageQuotesItsText()
    {
        var reply = ReplyComposer.CreateReply(Load("summary/html-only.eml"));

        Assert.Contains("> Big news & more:", Assert.IsType<ComposedText>(reply.Body).Text);
    }
}
