using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Tests.Support;

namespace Postern.Ximss.Protocol.Tests.DataMessages;

public class MailboxMessagesTests
{
    [Fact]
    public void MailboxCarriesTheCapitalisedInfoKeysOfTheSpecExample()
    {
        var mailbox = new MailboxInfo("INBOX")
        {
            Messages = 233,
            Size = 1234567,
            Unseen = 12,
            UidNext = 977,
            UidValidity = 306169346,
            BoxSeq = 5,
            Oldest = new DateTime(2008, 11, 30, 8, 35, 51),
            Class = "IPF.Contact",
            Media = 0,
            UnseenMedia = 0,
            PureFolder = true,
            IsFolder = true,
            Rights = "lrs",
        };

        Assert.Equal(
            "<mailbox id=\"A1\" mailbox=\"INBOX\" Messages=\"233\" Size=\"1234567\" Unseen=\"12\" UIDNext=\"977\" UIDValidity=\"306169346\" BoxSeq=\"5\" " +
            "Oldest=\"20081130T083551Z\" Class=\"IPF.Contact\" Media=\"0\" UnseenMedia=\"0\" pureFolder=\"yes\" isFolder=\"yes\" rights=\"lrs\"/>",
            Written.Text(w => w.WriteMailbox("A1", mailbox)));
    }

    [Fact]
    public void PureFolderListsOnlyItsName()
    {
        Assert.Equal(
            "<mailbox id=\"2\" mailbox=\"Projects\" pureFolder=\"yes\"/>",
            Written.Text(w => w.WriteMailbox("2", new MailboxInfo("Projects") { PureFolder = true })));
    }

    [Fact]
    public void MailboxReportWithoutIdIsTheAsynchronousForm()
    {
        Assert.Equal(
            "<mailbox mailbox=\"INBOX\" Messages=\"3\" Unseen=\"1\"/>",
            Written.Text(w => w.WriteMailbox(null, new MailboxInfo("INBOX") { Messages = 3, Unseen = 1 })));
    }

    [Fact]
    public void SubscriptionRightsAclAndAliasMessages()
    {
        Assert.Equal("<mailboxSubscription id=\"1\" mailbox=\"Lists/CGP\"/>", Written.Text(w => w.WriteMailboxSubscription("1", "Lists/CGP")));
        Assert.Equal("<mailboxRights id=\"1\" mailbox=\"Shared\">lrsw</mailboxRights>", Written.Text(w => w.WriteMailboxRights("1", "Shared", "lrsw")));
        Assert.Equal(
            "<mailboxAcl id=\"1\" mailbox=\"Shared\"><aclEntry name=\"anyone\">lr</aclEntry><aclEntry name=\"bob@example.com\">lrswi</aclEntry></mailboxAcl>",
            Written.Text(w => w.WriteMailboxAcl("1", "Shared", [new AclEntry("anyone", "lr"), new AclEntry("bob@example.com", "lrswi")])));
        Assert.Equal("<mailboxAlias id=\"1\" name=\"Box\" mailbox=\"INBOX\"/>", Written.Text(w => w.WriteMailboxAlias("1", "Box", "INBOX")));
    }
}
