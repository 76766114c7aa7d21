using System.Globalization;
using System.Text.RegularExpressions;
using Postern.Storage;
using Postern.Ximss.Tests.Support;

namespace Postern.Ximss.Tests.Operations.Mail;

/// <summary>mailboxList, mailboxCreate, mailboxRename, mailboxRemove, subscriptions, rights, ACLs and aliases.</summary>
public partial class MailboxOperationTests : IAsyncLifetime
{
    private XimssHarness _ximss = null!;

    public async Task InitializeAsync() => _ximss = await XimssHarness.CreateAsync();

    public async Task DisposeAsync() => await _ximss.DisposeAsync();

    private async Task<Postern.Ximss.Engine.XimssChannel> AliceAsync() => (await _ximss.SessionAsync()).Channel;

    [Fact]
    public async Task ANewAccountListsInboxSentDraftsAndTrashWithTheirCounters()
    {
        var alice = await AliceAsync();
        await _ximss.AppendAsync("alice@example.com", "INBOX", MessageFlags.Seen, XimssHarness.Message("one"));
        await _ximss.AppendAsync("alice@example.com", "INBOX", MessageFlags.None, XimssHarness.Message("two"));

        var reply = await _ximss.SendAsync(alice, "<mailboxList id=\"l\" filter=\"%\"/>");

        Assert.Equal(["Drafts", "INBOX", "Sent", "Trash"], reply.SkipLast(1).Select(MailboxName));
        var inbox = reply[1];
        Assert.Matches("^<mailbox id=\"l\" mailbox=\"INBOX\" Messages=\"2\" Size=\"\\d+\" Unseen=\"1\" Recent=\"0\" UIDNext=\"3\" UIDValidity=\"\\d+\" "
            + "BoxSeq=\"\\d+\" Oldest=\"20240501T120000Z\" Media=\"0\" UnseenMedia=\"0\"/>$", inbox);
        Assert.Equal("<response id=\"l\"/>", reply[^1]);
    }

    [Fact]
    public async Task PatternsListLevelsAndPureFoldersAreListedOnlyWhenAsked()
    {
        var alice = await AliceAsync();
        await _ximss.SendAsync(alice, "<mailboxCreate id=\"c\" mailbox=\"Projects/Alpha\"/>");
        await _ximss.SendAsync(alice, "<mailboxCreate id=\"c\" mailbox=\"Trash/Old\"/>");

        var top = await _ximss.SendAsync(alice, "<mailboxList id=\"l\" filter=\"%\" pureFolder=\"yes\"/>");
        var second = await _ximss.SendAsync(alice, "<mailboxList id=\"l\" filter=\"%/%\" pureFolder=\"yes\"/>");
        var withoutPure = await _ximss.SendAsync(alice, "<mailboxList id=\"l\" filter=\"%\"/>");
        var all = await _ximss.SendAsync(alice, "<mailboxList id=\"l\"/>");

        Assert.Equal(["Drafts", "INBOX", "Projects", "Sent", "Trash"], top.SkipLast(1).Select(MailboxName));
        Assert.Equal("<mailbox id=\"l\" mailbox=\"Projects\" pureFolder=\"yes\"/>", top[2]);
        Assert.Contains("isFolder=\"yes\"", top[4], StringComparison.Ordinal);
        Assert.Equal(["Projects/Alpha", "Trash/Old"], second.SkipLast(1).Select(MailboxName));
        Assert.DoesNotContain("Projects", withoutPure.Select(MailboxName));
        Assert.Equal(["Drafts", "INBOX", "Projects/Alpha", "Sent", "Trash", "Trash/Old"], all.SkipLast(1).Select(MailboxName));
    }

    [Fact]
    public async Task MailboxesAreCreatedWithAClassAndListedByIt()
    {
        var alice = await AliceAsync();

        Assert.Equal(["<response id=\"c\"/>"], await _ximss.SendAsync(alice, "<mailboxCreate id=\"c\" mailbox=\"Contacts\" mailboxClass=\"IPF.Contact\"/>"));
        var contacts = await _ximss.SendAsync(alice, "<mailboxList id=\"l\" mailboxClass=\"IPF.Contact\"/>");

        Assert.Single(contacts.SkipLast(1));
        Assert.Contains("mailbox=\"Contacts\"", contacts[0], StringComparison.Ordinal);
        Assert.Contains("Class=\"IPF.Contact\"", contacts[0], StringComparison.Ordinal);
        Assert.Equal(["<response id=\"c\" errorText=\"mailbox Contacts already exists\" errorNum=\"521\"/>"],
            await _ximss.SendAsync(alice, "<mailboxCreate id=\"c\" mailbox=\"Contacts\"/>"));
    }

    [Fact]
    public async Task RenameAndRemoveTakeSubMailboxesOnlyWhenAsked()
    {
        var alice = await AliceAsync();
        await _ximss.SendAsync(alice, "<mailboxCreate id=\"c\" mailbox=\"Work\"/>");
        await _ximss.SendAsync(alice, "<mailboxCreate id=\"c\" mailbox=\"Work/2024\"/>");
        await _ximss.SendAsync(alice, "<mailboxSubUpdate id=\"s\"><mailboxSubscription mailbox=\"Work/2024\"/></mailboxSubUpdate>");

        Assert.Equal(["<response id=\"r\"/>"], await _ximss.SendAsync(alice, "<mailboxRename id=\"r\" mailbox=\"Work\" newName=\"Job\" children=\"yes\"/>"));
        Assert.Equal(["<response id=\"d\" errorText=\"mailbox Job has sub-mailboxes\" errorNum=\"526\"/>"],
            await _ximss.SendAsync(alice, "<mailboxRemove id=\"d\" mailbox=\"Job\"/>"));
        var subscriptions = await _ximss.SendAsync(alice, "<mailboxSubList id=\"s\" filter=\"Job/*\"/>");
        Assert.Equal(["<response id=\"d\"/>"], await _ximss.SendAsync(alice, "<mailboxRemove id=\"d\" mailbox=\"Job\" children=\"yes\"/>"));

        Assert.Equal(["<mailboxSubscription id=\"s\" mailbox=\"Job/2024\"/>", "<response id=\"s\"/>"], subscriptions);
        var left = await _ximss.SendAsync(alice, "<mailboxList id=\"l\"/>");
        Assert.DoesNotContain(left, m => m.Contains("Job", StringComparison.Ordinal) || m.Contains("Work", StringComparison.Ordinal));
        Assert.Equal(["<response id=\"r\" errorText=\"INBOX cannot be renamed\" errorNum=\"525\"/>"],
            await _ximss.SendAsync(alice, "<mailboxRename id=\"r\" mailbox=\"INBOX\" newName=\"Old\"/>"));
    }

    [Fact]
    public async Task SubscriptionsAreAddedRemovedAndListedByPattern()
    {
        var alice = await AliceAsync();

        await _ximss.SendAsync(alice, "<mailboxSubUpdate id=\"s\"><mailboxSubscription mailbox=\"News\" mode=\"add\"/><mailboxSubscription mailbox=\"Trash\" mode=\"remove\"/></mailboxSubUpdate>");
        var all = await _ximss.SendAsync(alice, "<mailboxSubList id=\"s\"/>");
        var top = await _ximss.SendAsync(alice, "<mailboxSubList id=\"s\" filter=\"N%\"/>");

        Assert.Equal(["Drafts", "INBOX", "News", "Sent"], all.SkipLast(1).Select(MailboxName));
        Assert.Equal(["News"], top.SkipLast(1).Select(MailboxName));
    }

    [Fact]
    public async Task RightsAndAclsOfAnotherAccountsMailboxFollowItsAcl()
    {
        await _ximss.CreateAccountAsync("bob@example.com");
        var alice = await AliceAsync();
        var (bob, _, _) = await _ximss.SessionAsync("bob@example.com");

        Assert.Equal(["<response id=\"g\" errorText=\"mailbox ~alice/INBOX does not exist\" errorNum=\"520\"/>"],
            await _ximss.SendAsync(bob, "<mailboxRightsGet id=\"g\" mailbox=\"~alice/INBOX\"/>"));
        Assert.Equal(["<response id=\"a\"/>"], await _ximss.SendAsync(alice,
            "<mailboxAclUpdate id=\"a\" mailbox=\"INBOX\"><aclEntry name=\"bob@example.com\">lr</aclEntry><aclEntry name=\"anyone\">l</aclEntry><aclEntry name=\"bob@example.com\">+sk</aclEntry></mailboxAclUpdate>"));

        Assert.Equal(["<mailboxRights id=\"g\" mailbox=\"~alice/INBOX\">lrsc</mailboxRights>", "<response id=\"g\"/>"],
            await _ximss.SendAsync(bob, "<mailboxRightsGet id=\"g\" mailbox=\"~alice/INBOX\"/>"));
        Assert.Equal(["<mailboxRights id=\"g\" mailbox=\"INBOX\">lrswipcda</mailboxRights>", "<response id=\"g\"/>"],
            await _ximss.SendAsync(alice, "<mailboxRightsGet id=\"g\" mailbox=\"INBOX\"/>"));
        Assert.Equal(["<mailboxAcl id=\"a\" mailbox=\"INBOX\"><aclEntry name=\"anyone\">l</aclEntry><aclEntry name=\"bob@example.com\">lrsc</aclEntry></mailboxAcl>", "<response id=\"a\"/>"],
            await _ximss.SendAsync(alice, "<mailboxAclList id=\"a\" mailbox=\"INBOX\"/>"));
        Assert.Equal(["<response id=\"a\" errorText=\"access to mailbox ~alice@example.com/INBOX denied: you may not see its access rights\" errorNum=\"525\"/>"],
            await _ximss.SendAsync(bob, "<mailboxAclList id=\"a\" mailbox=\"~alice/INBOX\"/>"));

        var shared = await _ximss.SendAsync(bob, "<mailboxList id=\"l\" filter=\"~*\"/>");
        Assert.Matches("^<mailbox id=\"l\" mailbox=\"~alice@example.com/INBOX\" .* rights=\"lrsc\"/>$", shared[0]);

        Assert.Equal(["<response id=\"a\"/>"], await _ximss.SendAsync(alice,
            "<mailboxAclUpdate id=\"a\" mailbox=\"INBOX\"><aclEntry name=\"bob@example.com\"></aclEntry><aclEntry name=\"anyone\">-l</aclEntry></mailboxAclUpdate>"));
        Assert.Equal(["<mailboxAcl id=\"a\" mailbox=\"INBOX\"/>", "<response id=\"a\"/>"], await _ximss.SendAsync(alice, "<mailboxAclList id=\"a\" mailbox=\"INBOX\"/>"));
    }

    [Fact]
    public async Task AliasesNameAnotherAccountsMailboxAndShowOnlyWhatItsAclAllows()
    {
        await _ximss.CreateAccountAsync("bob@example.com");
        var alice = await AliceAsync();
        var (bob, _, _) = await _ximss.SessionAsync("bob@example.com");
        await _ximss.SendAsync(bob, "<mailboxAclUpdate id=\"a\" mailbox=\"INBOX\"><aclEntry name=\"alice@example.com\">lr</aclEntry></mailboxAclUpdate>");

        Assert.Equal(["<response id=\"u\"/>"], await _ximss.SendAsync(alice, "<mailboxAliasUpdate id=\"u\"><mailboxAlias name=\"BobsMail\" mailbox=\"~bob/INBOX\"/></mailboxAliasUpdate>"));
        var aliases = await _ximss.SendAsync(alice, "<mailboxAliasList id=\"a\"/>");
        var listed = await _ximss.SendAsync(alice, "<mailboxList id=\"l\" filter=\"Bobs%\"/>");
        var opened = await _ximss.SendAsync(alice, "<folderOpen id=\"o\" folder=\"b\" mailbox=\"BobsMail\"/>");

        Assert.Equal(["<mailboxAlias id=\"a\" name=\"BobsMail\" mailbox=\"~bob@example.com/INBOX\"/>", "<response id=\"a\"/>"], aliases);
        Assert.Matches("^<mailbox id=\"l\" mailbox=\"BobsMail\" .* rights=\"lr\"/>$", listed[0]);
        Assert.Contains("rights=\"lr\"", opened[0], StringComparison.Ordinal);
        Assert.Equal(["<response id=\"u\"/>"], await _ximss.SendAsync(alice, "<mailboxAliasUpdate id=\"u\"><mailboxAlias name=\"BobsMail\" mode=\"remove\"/></mailboxAliasUpdate>"));
        Assert.Equal(["<response id=\"u\" errorText=\"alias BobsMail does not exist\" errorNum=\"520\"/>"],
            await _ximss.SendAsync(alice, "<mailboxAliasUpdate id=\"u\"><mailboxAlias name=\"BobsMail\" mode=\"remove\"/></mailboxAliasUpdate>"));
    }

    [Fact]
    public async Task AnAliasToAMailboxWithoutRightsIsAcceptedAndAnswersExactlyLikeAnUnknownMailbox()
    {
        await _ximss.CreateAccountAsync("bob@example.com");
        var alice = await AliceAsync();
        await _ximss.SendAsync(alice, "<folderOpen id=\"o\" folder=\"mine\" mailbox=\"INBOX\"/>");
        await _ximss.AppendAsync("alice@example.com", "INBOX", MessageFlags.None, XimssHarness.Message("mine"));
        await _ximss.SendAsync(alice, "<folderSync id=\"y\" folder=\"mine\"/>");

        // CommuniGate lets users name any mailbox; its ACL decides when the alias is used (docs/ximss.md §5.3).
        Assert.Equal(["<response id=\"u\"/>"], await _ximss.SendAsync(alice,
            "<mailboxAliasUpdate id=\"u\"><mailboxAlias name=\"Hidden\" mailbox=\"~bob/INBOX\"/><mailboxAlias name=\"Dangling\" mailbox=\"~bob/NoSuchBox\"/></mailboxAliasUpdate>"));

        string[] uses =
        [
            "<folderOpen id=\"q\" folder=\"f\" mailbox=\"{0}\"/>",
            "<mailboxList id=\"q\" filter=\"{0}\"/>",
            "<mailboxRights id=\"q\" mailbox=\"{0}\"/>",
            "<mailboxAclList id=\"q\" mailbox=\"{0}\"/>",
            "<mailboxRename id=\"q\" mailbox=\"{0}\" newName=\"Taken\"/>",
            "<mailboxRemove id=\"q\" mailbox=\"{0}\"/>",
            "<messageCopy id=\"q\" folder=\"mine\" targetMailbox=\"{0}\"><UID>1</UID></messageCopy>",
            "<messageMove id=\"q\" folder=\"mine\" targetMailbox=\"{0}\"><UID>1</UID></messageMove>",
            "<messageAppend id=\"q\" targetMailbox=\"{0}\">Subject: x\n\nx\n</messageAppend>",
        ];
        foreach (var use in uses)
        {
            var unknown = await _ximss.SendAsync(alice, string.Format(CultureInfo.InvariantCulture, use, "Absent"));
            // Every use is refused, but a listing, which just finds nothing.
            Assert.Equal(!use.StartsWith("<mailboxList", StringComparison.Ordinal), unknown[^1].Contains("errorText=", StringComparison.Ordinal));
            Assert.Equal(unknown, (await _ximss.SendAsync(alice, string.Format(CultureInfo.InvariantCulture, use, "Hidden"))).Select(m => m.Replace("Hidden", "Absent", StringComparison.Ordinal)));
            Assert.Equal(unknown, (await _ximss.SendAsync(alice, string.Format(CultureInfo.InvariantCulture, use, "Dangling"))).Select(m => m.Replace("Dangling", "Absent", StringComparison.Ordinal)));
        }
        // Bob's mailbox is untouched, and alice's message stayed where it was.
        Assert.Empty(await _ximss.MessagesAsync("bob@example.com", "INBOX"));
        Assert.Single(await _ximss.MessagesAsync("alice@example.com", "INBOX"));
    }

    private static string MailboxName(string message) => MailboxAttribute().Match(message).Groups[1].Value;

    [GeneratedRegex("mailbox=\"([^\"]*)\"")]
    private static partial Regex MailboxAttribute();
}
