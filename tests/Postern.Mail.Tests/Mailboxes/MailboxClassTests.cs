using Postern.Mail.Mailboxes;

namespace Postern.Mail.Tests.Mailboxes;

public class MailboxClassTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("mail", "")]
    [InlineData("IPF.Note", "")]
    [InlineData("Calendar", "IPF.Appointment")]
    [InlineData("tasks", "IPF.Task")]
    [InlineData("contacts", "IPF.Contact")]
    [InlineData("notes", "IPF.StickyNote")]
    [InlineData("IPF.Appointment", "IPF.Appointment")]
    [InlineData("IPF.Journal", "IPF.Journal")]
    public void KindNamesAndClassStringsAreAccepted(string text, string expected)
    {
        Assert.Equal(expected, MailboxClass.Parse(text));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("journal")]
    [InlineData("IPF.<script>")]
    public void OtherTextIsNotAClass(string text)
    {
        Assert.Throws<MailException>(() => MailboxClass.Parse(text));
    }

    [Fact]
    public void ClassesDescribeTheirKind()
    {
        Assert.Equal("calendar", MailboxClass.Describe("IPF.Appointment"));
        Assert.Equal("mail", MailboxClass.Describe(""));
        Assert.Equal("IPF.Journal", MailboxClass.Describe("IPF.Journal"));
        Assert.Equal(MailboxKind.Contacts, MailboxClass.KindOf("IPF.Contact"));
    }

    [Fact]
    public void RightsLettersRoundTripInCanonicalOrder()
    {
        Assert.Equal("lrswipcda", MailboxRightsText.Format(MailboxRights.All));
        Assert.Equal(MailboxRights.Lookup | MailboxRights.Read | MailboxRights.Insert, MailboxRightsText.Parse("irL"));
        Assert.Equal("lri", MailboxRightsText.Format(MailboxRightsText.Parse("irl")));
        Assert.Equal(MailboxRights.None, MailboxRightsText.Parse(""));
        Assert.Throws<MailException>(() => MailboxRightsText.Parse("lrx"));
    }
}
