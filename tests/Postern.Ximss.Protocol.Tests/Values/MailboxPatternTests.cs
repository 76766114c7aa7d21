using Postern.Ximss.Protocol.Values;

namespace Postern.Ximss.Protocol.Tests.Values;

public class MailboxPatternTests
{
    [Theory]
    [InlineData("%", "INBOX", true)]
    [InlineData("%", "Sent", true)]
    [InlineData("%", "Projects/Alpha", false)]
    [InlineData("%/%", "Projects/Alpha", true)]
    [InlineData("%/%", "Projects", false)]
    [InlineData("%/%", "Projects/Alpha/Specs", false)]
    [InlineData("*", "Projects/Alpha/Specs", true)]
    [InlineData("*", "", true)]
    [InlineData("Projects/*", "Projects/Alpha/Specs", true)]
    [InlineData("Projects/*", "Projects", false)]
    [InlineData("Proj*", "Projects", true)]
    [InlineData("P%s", "Projects", true)]
    [InlineData("P%s", "Pro/jects", false)]
    [InlineData("Sent", "Sent", true)]
    [InlineData("Sent", "sent", false)]
    [InlineData("inbox", "INBOX", true)]
    [InlineData("INBOX/%", "Inbox/Work", true)]
    [InlineData("INBOXES", "inboxes", false)]
    [InlineData("*a*b*c", "xaybzc", true)]
    [InlineData("*a*b*c", "xaybz", false)]
    public void MatchesLikeImapList(string pattern, string mailbox, bool expected)
    {
        Assert.True(MailboxPattern.TryCreate(pattern, out var compiled));
        Assert.Equal(expected, compiled.IsMatch(mailbox));
    }

    [Fact]
    public void PathologicalPatternsMatchInLinearTime()
    {
        Assert.True(MailboxPattern.TryCreate(string.Concat(Enumerable.Repeat("*a", 200)) + "b", out var pattern));
        var name = new string('a', 500);

        Assert.False(pattern.IsMatch(name));
    }

    [Fact]
    public void PatternsLongerThanTheLimitAreRefused()
    {
        Assert.False(MailboxPattern.TryCreate(new string('%', 11), out _, new XimssLimits { MaxPatternLength = 10 }));
    }
}
