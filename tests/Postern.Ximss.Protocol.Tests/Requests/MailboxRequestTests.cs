using Postern.Ximss.Protocol.Requests;
using static Postern.Ximss.Protocol.Tests.Requests.RequestParsing;

namespace Postern.Ximss.Protocol.Tests.Requests;

public class MailboxRequestTests
{
    [Fact]
    public void MailboxListDefaultsToEveryMailboxWithoutPureFolders()
    {
        var request = Parse<MailboxListRequest>("<mailboxList id=\"1\"/>");

        Assert.Equal("*", request.Filter.Pattern);
        Assert.False(request.IncludePureFolders);
        Assert.Null(request.MailboxClass);
    }

    [Fact]
    public void MailboxListTakesSamowaresPatternAndPureFolder()
    {
        var request = Parse<MailboxListRequest>("<mailboxList id=\"1\" filter=\"%/%\" pureFolder=\"yes\" mailboxClass=\"IPF.Contact\"/>");

        Assert.Equal("%/%", request.Filter.Pattern);
        Assert.True(request.IncludePureFolders);
        Assert.Equal("IPF.Contact", request.MailboxClass);
    }

    [Fact]
    public void MailboxRenameAndRemoveTakeTheChildrenSwitch()
    {
        Assert.Equal(new MailboxRenameRequest("1", "A", "B", true), Parse<MailboxRenameRequest>("<mailboxRename id=\"1\" mailbox=\"A\" newName=\"B\" children=\"1\"/>"));
        Assert.Equal(new MailboxRemoveRequest("1", "A", false), Parse<MailboxRemoveRequest>("<mailboxRemove id=\"1\" mailbox=\"A\" children=\"no\"/>"));
    }

    [Fact]
    public void MailboxSubUpdateListsChangesInOrderWithAddAsDefault()
    {
        var request = Parse<MailboxSubUpdateRequest>(
            "<mailboxSubUpdate id=\"1\"><mailboxSubscription mailbox=\"A\"/><mailboxSubscription mailbox=\"B\" mode=\"remove\"/></mailboxSubUpdate>");

        Assert.Equal([new SubscriptionChange("A", true), new SubscriptionChange("B", false)], request.Changes.ToArray());
    }

    [Fact]
    public void MailboxAclUpdateReadsReplaceAddRemoveAndDelete()
    {
        var request = Parse<MailboxAclUpdateRequest>(
            "<mailboxAclUpdate id=\"1\" mailbox=\"Shared\"><aclEntry name=\"anyone\">lrs</aclEntry><aclEntry name=\"bob\">+wi</aclEntry>" +
            "<aclEntry name=\"eve\">-d</aclEntry><aclEntry name=\"old\"/></mailboxAclUpdate>");

        Assert.Equal("Shared", request.Mailbox);
        Assert.Equal(
            [
                new AclChange("anyone", AclChangeMode.Replace, "lrs"),
                new AclChange("bob", AclChangeMode.Add, "wi"),
                new AclChange("eve", AclChangeMode.Remove, "d"),
                new AclChange("old", AclChangeMode.Delete, ""),
            ],
            request.Changes.ToArray());
    }

    [Fact]
    public void MailboxAliasUpdateSetsAndRemovesAliases()
    {
        var request = Parse<MailboxAliasUpdateRequest>(
            "<mailboxAliasUpdate id=\"1\"><mailboxAlias name=\"Box\" mailbox=\"INBOX\"/><mailboxAlias name=\"Gone\" mode=\"remove\"/></mailboxAliasUpdate>");

        Assert.Equal([new MailboxAliasChange("Box", "INBOX"), new MailboxAliasChange("Gone", null)], request.Changes.ToArray());
    }
}
