using Postern.Mail.Mailboxes;

namespace Postern.Mail.Tests.Mailboxes;

public class MailboxNameTests
{
    [Theory]
    [InlineData("inbox", "INBOX")]
    [InlineData("InBox/Lists", "INBOX/Lists")]
    [InlineData(" Archive/2024 ", "Archive/2024")]
    [InlineData("Inboxes", "Inboxes")]
    [InlineData("Ärchiv/Ü", "Ärchiv/Ü")]
    public void NamesAreTrimmedAndInboxIsCanonical(string text, string expected)
    {
        Assert.Equal(expected, MailboxName.Normalize(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/Archive")]
    [InlineData("Archive/")]
    [InlineData("A//B")]
    [InlineData("A/ B")]
    [InlineData("~bob@example.com/INBOX")]
    [InlineData("#news")]
    [InlineData("All*")]
    [InlineData("50%")]
    [InlineData("tab\there")]
    public void UnacceptableNamesAreRejected(string text)
    {
        Assert.False(MailboxName.TryNormalize(text, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void OverlongNamesAreRejected()
    {
        Assert.False(MailboxName.TryNormalize(new string('a', MailboxName.MaxLevelLength + 1), out _, out _));
        Assert.False(MailboxName.TryNormalize(string.Join('/', Enumerable.Repeat(new string('a', 200), 6)), out _, out _));
    }

    [Theory]
    [InlineData("INBOX", "*", true)]
    [InlineData("Archive/2024", "%", false)]
    [InlineData("Archive/2024", "%/%", true)]
    [InlineData("Archive/2024/Q1", "Archive/*", true)]
    [InlineData("Archive/2024/Q1", "Archive/%", false)]
    [InlineData("Archive", "Arch%", true)]
    [InlineData("Sent", "Arch%", false)]
    [InlineData("Sent", "Sent", true)]
    public void ListPatternsMatchLikeImap(string name, string pattern, bool matches)
    {
        Assert.Equal(matches, MailboxName.Matches(name, pattern));
    }
}
