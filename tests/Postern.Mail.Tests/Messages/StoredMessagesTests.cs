using System.Text;
using Postern.Mail.Messages;
using Postern.Storage;

namespace Postern.Mail.Tests.Messages;

public class StoredMessagesTests
{
    [Theory]
    [InlineData("Hello", "hello")]
    [InlineData("Re: Hello", "hello")]
    [InlineData("RE: re:Fwd: FW:  Hello World ", "hello world")]
    [InlineData("Re[2]: Hello", "hello")]
    [InlineData("Re[x]: Hello", "re[x]: hello")]
    [InlineData("Regarding: x", "regarding: x")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void SubjectKeysDropReplyAndForwardPrefixes(string? subject, string key)
    {
        Assert.Equal(key, SortKeys.Subject(subject));
    }

    [Fact]
    public void SummaryCarriesTheHeaderBlockAndTheSortKeys()
    {
        var text = "From: \"Zoe Zed\" <zoe@example.com>\r\nTo: bob@example.com, carol@example.com\r\nSubject: Re: Plans\r\n"
                   + "Date: Tue, 5 Mar 2024 07:08:09 +0200\r\nMessage-ID: <abc@example.com>\r\nX-Priority: 1\r\n\r\nSee you.\r\n";
        var content = Encoding.ASCII.GetBytes(text);

        var message = StoredMessages.Create(content, MessageFlags.Seen, ["work"], DateTimeOffset.UnixEpoch);

        var summary = message.Summary;
        Assert.Equal(text[..(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)], Encoding.ASCII.GetString(summary.HeaderBlock.Span));
        Assert.Equal("plans", summary.SubjectSortKey);
        Assert.Equal("zoe zed", summary.FromSortKey);
        Assert.Equal("bob@example.com", summary.ToSortKey);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 7, 8, 9, TimeSpan.FromHours(2)), summary.SentDate);
        Assert.Equal("abc@example.com", summary.MessageId);
        Assert.Equal(MessagePriority.High, summary.Priority);
        Assert.Contains("See you.", summary.Preview);
        Assert.Equal(MessageFlags.Seen, message.Flags);
    }

    [Fact]
    public void MalformedMailIsStoredAnyway()
    {
        var message = StoredMessages.Create("no header at all, just text"u8.ToArray(), MessageFlags.None, [], DateTimeOffset.UnixEpoch);

        Assert.Equal("", message.Summary.SubjectSortKey);
        Assert.Null(message.Summary.SentDate);
    }

    [Fact]
    public void OversizedMessagesAndTooManyKeywordsAreRefused()
    {
        Assert.Throws<MailException>(() => StoredMessages.Create(new byte[MessageLimits.MaxMessageSize + 1], MessageFlags.None, [], DateTimeOffset.UnixEpoch));
        Assert.Throws<MailException>(() => StoredMessages.Create("a: b\n\n"u8.ToArray(), MessageFlags.None,
            Enumerable.Range(0, MessageLimits.MaxKeywords + 1).Select(i => "k" + i).ToArray(), DateTimeOffset.UnixEpoch));
    }
}
